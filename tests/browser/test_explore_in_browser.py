"""An analyst explores in Chromium: timeline bars to a month's statements, English and back, facets by keyboard."""
import json
import re
import urllib.request

import pytest

from .conftest import screenshot

pytestmark = pytest.mark.browser

PHONE = {"width": 360, "height": 740}


def fetch_json(base, path):
    with urllib.request.urlopen(f"{base}{path}") as response:
        return json.load(response)


def result_count(page):
    return int(page.locator(".result-count [data-count]").get_attribute("data-count"))


def tab_to(page, selector, limit=300):
    """Press Tab until the focused element matches `selector`; its href."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement && document.activeElement.matches(s)", selector):
            return page.evaluate("() => document.activeElement.getAttribute('href')")
    raise AssertionError(f"Tab never reached {selector}")


def test_a_timeline_bar_opens_that_months_statements(served_archive, page):
    profile = fetch_json(served_archive, "/actors/john-kerry/?format=json")
    page.goto(f"{served_archive}/actors/john-kerry/")
    bars = page.locator("#timeline-chart a.chart-bar")
    assert bars.count() == len(profile["timeline"])
    assert sum(int(bars.nth(i).get_attribute("data-count")) for i in range(bars.count())) == profile["statement_count"]
    screenshot(page, "actor-kerry-desktop")

    bar = page.locator('#timeline-chart a.chart-bar[data-month="2016-05"]')
    expected = int(bar.get_attribute("data-count"))
    assert bar.get_attribute("aria-label") == f"2016-05: {expected} تصريحات"
    bar.click()
    page.wait_for_url("**/search/?type=statements&actor=john-kerry&from=2016-05-01&to=2016-05-31")
    assert result_count(page) == expected
    speakers = page.locator(".said .speaker-name").all_inner_texts()
    assert speakers and set(speakers) == {"جون كيري"}
    screenshot(page, "statements-kerry-2016-05-desktop")


def test_a_statement_link_lands_on_its_words_in_the_article(served_archive, page):
    page.goto(f"{served_archive}/cities/aleppo/")
    link = page.locator(".said-link a").first
    target = link.get_attribute("href")
    assert re.fullmatch(r"/articles/\d+/#statement-\d+", target)
    link.click()
    page.wait_for_url(f"**{target}")
    mark = page.locator(target[target.index("#"):])
    assert mark.evaluate("m => m.matches(':target')")
    box = mark.bounding_box()
    assert 0 <= box["y"] < 740  # scrolled into view
    screenshot(page, "article-statement-target")


def test_switching_to_english_and_back_keeps_the_page(served_archive, page):
    start = f"{served_archive}/search/?type=statements&actor=john-kerry&from=2016-05-01&to=2016-05-31"
    page.goto(start)
    count = result_count(page)
    assert page.locator("html").get_attribute("dir") == "rtl"

    page.locator("a.language-switch").click()
    page.wait_for_url(f"{served_archive}/en/search/?type=statements&actor=john-kerry&from=2016-05-01&to=2016-05-31")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("html").get_attribute("dir") == "ltr"
    assert result_count(page) == count
    assert "statements" in page.locator(".result-count").inner_text()
    assert set(page.locator(".said .speaker-name").all_inner_texts()) == {"John Kerry"}
    # Links on the English page stay English.
    assert page.locator(".facet-city a").first.get_attribute("href").startswith("/en/search/?")
    screenshot(page, "statements-kerry-english-desktop")

    page.locator("a.language-switch").click()
    page.wait_for_url(start)
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert result_count(page) == count

    page.goto(f"{served_archive}/en/actors/sergey-lavrov/")
    assert page.locator("#profile-name").inner_text() == "Sergey Lavrov"
    title = page.locator("#profile-name").bounding_box()
    assert title["x"] < 1280 / 2  # left to right: the name starts at the left
    page.locator("a.language-switch").click()
    page.wait_for_url(f"{served_archive}/actors/sergey-lavrov/")
    assert page.locator("#profile-name").inner_text() == "سيرغي لافروف"


def test_facets_months_and_pages_work_from_the_keyboard(served_archive, page):
    page.goto(f"{served_archive}/search/?type=statements")
    total = result_count(page)
    page.locator("#search-q").focus()

    href = tab_to(page, ".facet-actor a")
    expected = int(page.locator(f'.facet-actor a[href="{href}"] .count').get_attribute("data-count"))
    visible_focus = page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle")
    assert visible_focus != "none"
    page.keyboard.press("Enter")
    page.wait_for_url(f"**{href}")
    assert result_count(page) == expected < total

    page.locator("#search-q").focus()
    href = tab_to(page, ".facet-month a.chart-bar")
    month = page.locator(f'.facet-month a.chart-bar[href="{href}"]')
    expected = int(month.get_attribute("data-count"))
    page.keyboard.press("Enter")
    page.wait_for_url(f"**{href}")
    assert "from=" in page.url and "to=" in page.url
    assert result_count(page) == expected

    page.goto(f"{served_archive}/search/?type=statements")
    page.locator("#search-q").focus()
    href = tab_to(page, '.pagination a[rel="next"]')
    page.keyboard.press("Enter")
    page.wait_for_url(f"**{href}")
    assert "page=2" in page.url


@pytest.mark.parametrize("path, name", [
    ("/", "home"), ("/actors/john-kerry/", "actor-kerry"), ("/cities/aleppo/", "city-aleppo"),
    ("/actors/", "actors"), ("/search/?type=statements&actor=sergey-lavrov", "statements-lavrov"),
    ("/en/cities/aleppo/", "city-aleppo-english"),
])
def test_explore_pages_fit_a_phone(served_archive, browser, path, name):
    context = browser.new_context(viewport=PHONE, locale="ar")
    page = context.new_page()
    page.goto(f"{served_archive}{path}")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    for control in page.locator("main input:not([type=hidden]), main select, main button").all():
        label = control.evaluate("c => (c.labels && c.labels.length) || c.getAttribute('aria-label') || c.textContent.trim()")
        assert label, control.evaluate("c => c.outerHTML")
    screenshot(page, f"{name}-phone")
    context.close()


def test_wide_screen_pages_read_well(served_archive, browser):
    context = browser.new_context(viewport={"width": 1600, "height": 1000}, locale="ar")
    page = context.new_page()
    page.goto(f"{served_archive}/")
    assert page.locator(".figures dd").count() >= 5
    screenshot(page, "home-desktop")
    page.goto(f"{served_archive}/cities/aleppo/")
    assert page.locator("#timeline-chart a.chart-bar").count() > 0
    screenshot(page, "city-aleppo-desktop")
    context.close()
