"""axe-core in Chromium on every page type in both languages, and what axe cannot see: focus rings, bidi drawing."""
import json
import os
from pathlib import Path

import pytest

from .conftest import ARTIFACTS, ROOT

pytestmark = pytest.mark.browser

# axe-core comes from the npm registry (`npm install --prefix var/axe axe-core@4`), outside the source tree.
AXE = Path(os.environ.get("AXE_CORE_PATH", ROOT / "var" / "axe" / "node_modules" / "axe-core" / "axe.min.js"))
BLOCKING = {"serious", "critical"}

PAGE_TYPES = [
    ("home", "/"),
    ("search", "/search/"),
    ("search-results", "/search/?q=%D9%83%D9%8A%D8%B1%D9%8A"),  # كيري: names read, a card, results, months
    ("search-statements", "/search/?type=statements&actor=john-kerry"),
    ("search-excluded", "/search/?type=statements&not_actor=john-kerry"),  # a "not" chip, a struck value
    ("search-facet", "/search/facets/actor/?type=statements"),  # a facet's own page
    ("search-facet-match", "/search/facets/city/?match=%D8%AD%D9%84%D8%A8"),  # حلب
    ("article", "/articles/1/"),
    ("actors", "/actors/"),
    ("actor", "/actors/john-kerry/"),
    ("cities", "/cities/"),
    ("city", "/cities/aleppo/"),
    ("compare", "/compare/?s=type%3Dstatements%26actor%3Dsergey-lavrov&s=q%3D%25D8%25AD%25D9%2584%25D8%25A8"),  # حلب
]
PAGES = [(f"{name}-{language}", ("/en" if language == "en" else "") + path)
         for name, path in PAGE_TYPES for language in ("ar", "en")] + [("admin-login", "/admin/login/")]


@pytest.fixture(scope="module")
def axe_source():
    if not AXE.is_file():
        pytest.skip(f"axe-core is not installed at {AXE} (npm install --prefix var/axe axe-core@4)")
    return AXE.read_text(encoding="utf-8")


def axe_violations(page, source):
    """Every violation axe-core finds on the loaded page, injected without a <script> the page's CSP would refuse."""
    page.evaluate(source)
    return page.evaluate("""async () => {
        const results = await axe.run(document, {resultTypes: ['violations']});
        return results.violations.map(v => ({id: v.id, impact: v.impact,
                                             nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5)}));
    }""")


@pytest.mark.parametrize("name, path", PAGES, ids=[name for name, _ in PAGES])
def test_axe_finds_no_serious_or_critical_violation(served_archive, page, axe_source, name, path):
    response = page.goto(f"{served_archive}{path}")
    assert response.status == 200
    violations = axe_violations(page, axe_source)
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / f"axe-{name}.json").write_text(json.dumps(violations, ensure_ascii=False, indent=1), encoding="utf-8")
    blocking = [v for v in violations if v["impact"] in BLOCKING]
    assert not blocking, json.dumps(blocking, ensure_ascii=False, indent=1)


@pytest.mark.parametrize("language", ["ar", "en"])
def test_axe_finds_no_serious_or_critical_violation_with_recent_searches_shown(served_archive, page, axe_source, language):
    prefix = "/en" if language == "en" else ""
    searches = ["q=%D9%83%D9%8A%D8%B1%D9%8A", "type=statements&actor=sergey-lavrov", "q=Kerry&city=aleppo"]  # كيري
    for query in searches:  # kept in the browser by static/js/recent.js
        page.goto(f"{served_archive}{prefix}/search/?{query}")
    for name, path in (("home", "/"), ("search", f"/search/?{searches[-1]}")):
        page.goto(f"{served_archive}{prefix}{path}")
        assert page.locator(".recent-searches .recent-list a").count() == len(searches)
        violations = axe_violations(page, axe_source)
        ARTIFACTS.mkdir(exist_ok=True)
        (ARTIFACTS / f"axe-recent-{name}-{language}.json").write_text(json.dumps(violations, ensure_ascii=False, indent=1),
                                                                      encoding="utf-8")
        blocking = [v for v in violations if v["impact"] in BLOCKING]
        assert not blocking, json.dumps(blocking, ensure_ascii=False, indent=1)


def test_the_arabic_reading_of_a_search_points_from_the_typed_word_to_the_name(served_archive, page):
    page.goto(f"{served_archive}/search/?q=%D9%83%D9%8A%D8%B1%D9%8A")  # كيري
    read = page.locator('.name-read[data-slug="john-kerry"]')
    typed, arrow, name = (read.locator(part).bounding_box() for part in (".name-typed", ".name-arrow", ".name-entity"))
    assert typed["x"] > arrow["x"] > name["x"]  # right to left: typed, arrow, name
    assert read.locator(".name-arrow").evaluate("a => getComputedStyle(a).transform") == "matrix(-1, 0, 0, 1, 0, 0)"
    page.goto(f"{served_archive}/en/search/?q=%D9%83%D9%8A%D8%B1%D9%8A")
    read = page.locator('.name-read[data-slug="john-kerry"]')
    typed, arrow, name = (read.locator(part).bounding_box() for part in (".name-typed", ".name-arrow", ".name-entity"))
    assert typed["x"] < arrow["x"] < name["x"]
    assert read.locator(".name-arrow").evaluate("a => getComputedStyle(a).transform") == "none"


@pytest.mark.parametrize("width", [360, 1280])
def test_dates_in_the_english_article_sidebar_stay_whole(served_archive, browser, width):
    context = browser.new_context(viewport={"width": width, "height": 900}, locale="en")
    page = context.new_page()
    for article in range(1, 6):
        page.goto(f"{served_archive}/en/articles/{article}/")
        lines = page.locator(".article-facts time").evaluate_all("ts => ts.map(t => [t.textContent, t.getClientRects().length])")
        assert lines and all(count == 1 for _, count in lines), lines
    context.close()


def test_the_date_fields_calendar_button_shows_a_focus_ring(served_archive, page):
    page.goto(f"{served_archive}/en/search/?type=statements")
    page.locator("#date-from").focus()
    for _ in range(3):  # month, day, year: then the calendar button inside the field
        page.keyboard.press("Tab")
    state = page.evaluate("""() => { const field = document.activeElement;
        return [field.id, field.matches(':focus-visible'), getComputedStyle(field).outlineStyle,
                getComputedStyle(field).outlineWidth]; }""")
    assert state[:2] == ["date-from", False]  # the field holds the focus; its own :focus-visible does not match
    assert state[2] != "none" and float(state[3].removesuffix("px")) >= 2


def test_every_page_has_an_icon_and_asks_for_nothing_missing(served_archive, page):
    missing = []
    page.on("response", lambda response: missing.append(response.url) if response.status >= 400 else None)
    icons = {"/favicon.ico"}  # what browsers and tools ask for when a page (the admin's) links none
    for path in ("/", "/en/search/?q=Kerry", "/admin/login/"):
        page.goto(f"{served_archive}{path}")
        page.wait_for_load_state("networkidle")
        icons |= set(page.locator("link[rel=icon]").evaluate_all("links => links.map(l => l.getAttribute('href'))"))
    assert missing == []
    assert len(icons) == 3
    for icon in icons:
        response = page.request.get(f"{served_archive}{icon}")
        assert response.status == 200 and response.headers["content-type"].startswith("image/"), icon
