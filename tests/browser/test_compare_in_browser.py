"""An analyst compares searches in Chromium: from a search page to the comparison, add, follow a bar, remove."""
import re

import pytest

from .conftest import screenshot

pytestmark = pytest.mark.browser

LAVROV = "/search/?type=statements&actor=sergey-lavrov"
KERRY = "/search/?type=statements&actor=john-kerry"


@pytest.mark.parametrize("language", ["ar", "en"])
def test_compare_two_searches_follow_a_bar_and_remove_one(served_archive, page, language):
    prefix = "/en" if language == "en" else ""
    page.goto(f"{served_archive}{prefix}{LAVROV}")
    page.locator(".compare-link a").click()
    page.wait_for_url(re.compile(r"/compare/\?s=type%3Dstatements%26actor%3Dsergey-lavrov$"))
    assert page.locator(".compare-search").count() == 1
    assert page.locator(".compare-intro").is_visible()
    assert page.locator("#compare-add-type").input_value() == "statements"  # words are searched like the first search

    page.fill("#compare-add", f"{prefix}{KERRY}")  # a search page's address, pasted
    page.locator(".compare-form button[type=submit]").click()
    page.wait_for_url(re.compile(r"s=type%3Dstatements%26actor%3Djohn-kerry$"))
    assert page.locator(".compare-search").count() == 2
    names = page.locator(".compare-label").all_inner_texts()
    expected = ["Sergey Lavrov", "John Kerry"] if language == "en" else ["سيرغي لافروف", "جون كيري"]
    assert [name in label for name, label in zip(expected, names)] == [True, True], names
    assert page.locator(".compare-table tbody tr").count() >= 2
    screenshot(page, f"compare-{language}")
    comparison = page.url

    bar = page.locator("a.chart-bar").last  # the second search's last busy month
    count = int(bar.get_attribute("data-count"))
    month = bar.get_attribute("data-month")
    bar.click()
    page.wait_for_url(re.compile(rf"/search/\?type=statements&actor=john-kerry&from={month}-01&to={month}-\d\d$"))
    assert int(page.locator(".result-count [data-count]").get_attribute("data-count")) == count

    page.go_back()
    page.wait_for_url(comparison)
    page.locator(".compare-remove").first.click()
    page.wait_for_url(re.compile(r"/compare/\?s=type%3Dstatements%26actor%3Djohn-kerry$"))
    assert page.locator(".compare-search").count() == 1
    assert page.locator("a.chart-bar").count() == 0
    assert page.locator("#compare-add").is_visible()


def test_the_comparison_fits_a_phone(served_archive, browser):
    context = browser.new_context(viewport={"width": 360, "height": 740}, locale="ar")
    page = context.new_page()
    page.goto(f"{served_archive}/compare/?s=type%3Dstatements%26actor%3Dsergey-lavrov&s=type%3Dstatements%26actor%3Djohn-kerry"
              "&s=q%3D%25D8%25AD%25D9%2584%25D8%25A8&s=type%3Dstatements")
    assert page.locator(".compare-search").count() == 4
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    screenshot(page, "compare-phone")
    context.close()
