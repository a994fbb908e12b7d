"""An analyst searches in Chromium: query, facet, chip, paging, back; every URL reloads to the same page."""
import pytest

from .conftest import screenshot

pytestmark = pytest.mark.browser


def main_text(page):
    return page.locator("main").inner_text()


def assert_reload_gives_same_page(page):
    url, text = page.url, main_text(page)
    page.reload()
    assert page.url == url
    assert main_text(page) == text


def result_count(page):
    return int(page.locator(".result-count [data-count]").get_attribute("data-count"))


def test_search_facet_chip_paging_and_back(served_archive, page):
    page.goto(f"{served_archive}/search/")
    page.fill("#search-q", "وقف")
    page.press("#search-q", "Enter")
    page.wait_for_url("**/search/?q=*")
    page.get_by_role("link", name="التصريحات").click()
    page.wait_for_url("**type=statements*")
    total = result_count(page)
    assert total > 20  # more than one page
    assert_reload_gives_same_page(page)

    facet = page.locator(".facet-city a:not(.active)").filter(has_not_text=str(total)).first
    expected = int(facet.locator(".count").get_attribute("data-count"))
    city = facet.get_attribute("data-value")
    facet.click()
    page.wait_for_url(f"**city={city}*")
    assert result_count(page) == expected
    assert page.locator(".chip").count() == 1
    assert_reload_gives_same_page(page)
    screenshot(page, "search-city-facet")

    page.locator(".chip-remove").click()
    page.wait_for_url(lambda url: "city=" not in url)
    assert result_count(page) == total
    assert_reload_gives_same_page(page)

    first_page_url = page.url
    page.locator('.pagination a[rel="next"]').click()
    page.wait_for_url("**page=2*")
    assert page.locator(".results > li").count() == total - 20
    assert_reload_gives_same_page(page)

    page.go_back()
    page.wait_for_url(first_page_url)
    assert page.locator(".results > li").count() == 20
    assert_reload_gives_same_page(page)


def test_search_page_is_right_to_left_and_marks_matches(served_archive, page):
    page.goto(f"{served_archive}/search/?q=%D9%84%D8%A7%D9%81%D8%B1%D9%88%D9%81")  # لافروف
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.locator(".snippet mark").count() > 0
    assert page.locator(".facet-actor a").count() > 0
    screenshot(page, "search-lavrov-desktop")


def test_search_page_fits_a_phone(served_archive, browser):
    context = browser.new_context(viewport={"width": 360, "height": 740}, locale="ar")
    page = context.new_page()
    page.goto(f"{served_archive}/search/?q=%D8%AD%D9%84%D8%A8")  # حلب
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    screenshot(page, "search-aleppo-phone")
    context.close()
