"""Recent searches in Chromium: kept in the browser, listed newest first under the search box, cleared for good."""
import json
import urllib.parse

import pytest

from .conftest import screenshot

pytestmark = pytest.mark.browser

KEY = "archive.recentSearches"
KERRY = "q=%D9%83%D9%8A%D8%B1%D9%8A"  # كيري
LAVROV_STATEMENTS = "type=statements&actor=sergey-lavrov"
PREFIX = {"ar": "", "en": "/en"}
TITLE = {"ar": "عمليات البحث الأخيرة", "en": "Recent searches"}
CLEAR = {"ar": "مسح", "en": "Clear"}


@pytest.fixture
def in_language(browser, request):
    """A page of a fresh browser (its own storage), and the interface language's path prefix."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale=request.param)
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page, PREFIX[request.param], request.param
    context.close()
    assert errors == []


def listed(page):
    """(text, href) of each recent search shown, in order."""
    return page.locator(".recent-searches .recent-list a").evaluate_all(
        "links => links.map(a => [a.textContent, a.getAttribute('href')])")


def search(page, base, prefix, query):
    page.goto(f"{base}{prefix}/search/?{query}")
    page.locator(".recent-searches").wait_for(state="visible")


both_languages = pytest.mark.parametrize("in_language", ["ar", "en"], indirect=True)


@both_languages
def test_two_searches_are_listed_on_the_home_page_newest_first_and_open_again(served_archive, in_language):
    page, prefix, language = in_language
    search(page, served_archive, prefix, KERRY)
    kerry_count = page.locator(".result-count [data-count]").get_attribute("data-count")
    search(page, served_archive, prefix, LAVROV_STATEMENTS + "&page=2")
    page.goto(f"{served_archive}{prefix}/")
    section = page.locator(".recent-searches")
    assert section.is_visible()
    assert section.locator("h2").text_content() == TITLE[language]
    assert section.locator("button").text_content() == CLEAR[language]
    shown = listed(page)
    assert [href for _, href in shown] == [f"{prefix}/search/?{LAVROV_STATEMENTS}", f"{prefix}/search/?{KERRY}"]
    lavrov = "سيرغي لافروف" if language == "ar" else "Sergey Lavrov"
    statements = "التصريحات" if language == "ar" else "Statements"
    assert shown[0][0] == f"{statements} · {lavrov}"
    assert shown[1][0] == "كيري"
    screenshot(page, f"recent-searches-home-{language}")
    page.locator(".recent-list a").nth(1).click()
    page.wait_for_url(f"**{prefix}/search/?{KERRY}")
    assert page.locator(".result-count [data-count]").get_attribute("data-count") == kerry_count
    assert page.locator("#search-q").input_value() == "كيري"


@both_languages
def test_a_repeated_search_is_listed_once_at_the_top(served_archive, in_language):
    page, prefix, _ = in_language
    for query in (KERRY, LAVROV_STATEMENTS, KERRY, KERRY + "&page=1", LAVROV_STATEMENTS + "&page=2", KERRY):
        search(page, served_archive, prefix, query)
    page.goto(f"{served_archive}{prefix}/")
    assert [href for _, href in listed(page)] == [f"{prefix}/search/?{KERRY}", f"{prefix}/search/?{LAVROV_STATEMENTS}"]
    kept = json.loads(page.evaluate(f"localStorage.getItem({json.dumps(KEY)})"))
    assert [item["query"] for item in kept] == [KERRY, LAVROV_STATEMENTS]
    assert all(item["time"].endswith("Z") for item in kept)


def test_the_list_keeps_ten_and_links_in_the_language_of_the_page(served_archive, page):
    for day in range(1, 13):
        search(page, served_archive, "", f"{KERRY}&from=2016-05-{day:02d}")
    search(page, served_archive, "/en", LAVROV_STATEMENTS)
    page.goto(f"{served_archive}/en/")
    hrefs = [href for _, href in listed(page)]
    assert len(hrefs) == 10
    assert hrefs[:2] == [f"/en/search/?{LAVROV_STATEMENTS}", f"/en/search/?{KERRY}&from=2016-05-12"]
    assert all(href.startswith("/en/search/?") for href in hrefs)
    page.goto(f"{served_archive}/")
    assert listed(page)[1] == ["كيري · من 2016-05-12", f"/search/?{KERRY}&from=2016-05-12"]


def test_the_search_page_lists_them_under_the_search_box_and_marks_the_one_shown(served_archive, page):
    search(page, served_archive, "", KERRY)
    search(page, served_archive, "", LAVROV_STATEMENTS)
    box = page.locator("#search-q").bounding_box()
    section = page.locator(".recent-searches").bounding_box()
    assert section["y"] >= box["y"] + box["height"]
    assert page.locator(".recent-list a[aria-current=page]").get_attribute("href") == f"/search/?{LAVROV_STATEMENTS}"
    screenshot(page, "recent-searches-search-page")


@both_languages
def test_clear_empties_the_list_and_it_stays_empty(served_archive, in_language):
    page, prefix, _ = in_language
    search(page, served_archive, prefix, KERRY)
    page.goto(f"{served_archive}{prefix}/")
    page.locator(".recent-searches button").click()
    assert page.locator(".recent-searches").is_hidden()
    assert page.evaluate("document.activeElement.id") == "search-q"
    assert page.evaluate(f"localStorage.getItem({json.dumps(KEY)})") is None
    page.reload()
    assert page.locator(".recent-searches").is_hidden()
    assert listed(page) == []


@both_languages
def test_a_label_that_holds_markup_is_shown_as_text(served_archive, in_language):
    page, prefix, _ = in_language
    typed = "<img src=x onerror=window.hacked=1> <b>bold</b>"
    search(page, served_archive, prefix, urllib.parse.urlencode({"q": typed}))
    page.goto(f"{served_archive}{prefix}/")
    assert listed(page)[0][0] == typed
    assert page.locator(".recent-searches img, .recent-searches b").count() == 0
    assert page.evaluate("window.hacked") is None


@pytest.mark.parametrize("language", ["ar", "en"])
def test_without_javascript_nothing_is_shown(served_archive, browser, language):
    prefix = PREFIX[language]
    context = browser.new_context(java_script_enabled=False, locale=language)
    page = context.new_page()
    for path in (f"{prefix}/search/?{KERRY}", f"{prefix}/search/?{LAVROV_STATEMENTS}", f"{prefix}/"):
        page.goto(f"{served_archive}{path}")
        assert page.locator(".recent-searches").is_hidden()
        assert page.get_by_text(TITLE[language]).is_hidden()
    context.close()


def test_without_storage_the_pages_work_and_show_nothing(served_archive, browser):
    context = browser.new_context(locale="ar")
    # As a browser that refuses site storage does: reading localStorage throws.
    context.add_init_script("Object.defineProperty(window, 'localStorage', {get() { throw new DOMException('denied', 'SecurityError'); }});")
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{served_archive}/search/?{KERRY}")
    assert int(page.locator(".result-count [data-count]").get_attribute("data-count")) > 0
    page.goto(f"{served_archive}/")
    assert page.locator(".recent-searches").is_hidden()
    page.locator("#search-q").fill("Kerry")
    page.locator(".home-search button[type=submit]").click()
    page.wait_for_url("**/search/?q=Kerry")
    assert page.locator(".recent-searches").is_hidden()
    assert errors == []
    context.close()


def test_a_search_without_words_or_filters_is_not_kept(served_archive, page):
    page.goto(f"{served_archive}/search/")
    page.goto(f"{served_archive}/search/?type=statements")
    page.goto(f"{served_archive}/")
    assert page.locator(".recent-searches").is_hidden()
    assert page.evaluate(f"localStorage.getItem({json.dumps(KEY)})") is None
