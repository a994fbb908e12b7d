"""An analyst leaves a facet value out and filters long facet lists in Chromium, with and without JavaScript."""
import pytest

from .conftest import screenshot

pytestmark = pytest.mark.browser

LANGUAGES = {
    "ar": {"prefix": "", "exclude": "استبعاد جون كيري", "stop": "إلغاء استبعاد جون كيري", "chip": "باستثناء جون كيري",
           "filter": "تصفية الشخصيات", "kerry": "جون كيري"},
    "en": {"prefix": "/en", "exclude": "Exclude John Kerry", "stop": "Stop excluding John Kerry",
           "chip": "not John Kerry", "filter": "Filter People", "kerry": "John Kerry"},
}


def result_count(page):
    return int(page.locator(".result-count [data-count]").get_attribute("data-count"))


def visible_values(page, facet):
    return page.locator(f".facet-{facet} li.facet-value:visible .facet-include").evaluate_all(
        "links => links.map(a => a.dataset.value)")


@pytest.mark.parametrize("language", ["ar", "en"])
def test_exclude_a_value_from_the_sidebar_see_the_not_chip_and_remove_it(served_archive, page, language):
    words = LANGUAGES[language]
    page.goto(f"{served_archive}{words['prefix']}/search/?type=statements")
    total = result_count(page)
    kerry = int(page.locator('.facet-actor a[data-value="john-kerry"] .count').get_attribute("data-count"))
    page.get_by_role("link", name=words["exclude"], exact=True).click()
    page.wait_for_url("**/search/?type=statements&not_actor=john-kerry")
    assert result_count(page) == total - kerry
    chip = page.locator(".chip-excluded")
    assert " ".join(chip.inner_text().split()).startswith(f"{page.locator('#facet-actor').inner_text()}: {words['chip']}")
    struck = page.locator(".facet-actor li.excluded")
    assert struck.locator("s").inner_text() == words["kerry"]
    assert page.locator('.facet-actor .facet-value:not(.excluded) a[data-value="john-kerry"]').count() == 0
    screenshot(page, f"facet-excluded-{language}")
    chip.get_by_role("link", name=words["stop"]).click()
    page.wait_for_url("**/search/?type=statements")
    assert result_count(page) == total
    assert page.locator(".chip-excluded").count() == 0
    # and from the struck value in the list, the same way back
    page.get_by_role("link", name=words["exclude"], exact=True).click()
    page.wait_for_url("**not_actor=john-kerry")
    page.locator(".facet-actor li.excluded a").click()
    page.wait_for_url("**/search/?type=statements")
    assert result_count(page) == total


@pytest.mark.parametrize("language", ["ar", "en"])
def test_the_filter_box_filters_a_long_list_in_place_and_asks_for_other_spellings(served_archive, page, language):
    words = LANGUAGES[language]
    page.goto(f"{served_archive}{words['prefix']}/search/?type=statements")
    everyone = visible_values(page, "actor")
    assert len(everyone) >= 8
    box = page.get_by_role("searchbox", name=words["filter"])
    box.fill("كيرى")  # alef maqsura: the server's normalizer reads it as كيري
    page.locator('.facet-actor li.fetched a[data-value="john-kerry"]').wait_for()
    assert visible_values(page, "actor") == ["john-kerry"]
    assert page.locator(".facet-actor [role=status]").inner_text().endswith("1")
    box.fill("Lavrov")  # an alias in the other script
    page.locator('.facet-actor li.fetched a[data-value="sergey-lavrov"]').wait_for()
    assert visible_values(page, "actor") == ["sergey-lavrov"]
    screenshot(page, f"facet-filter-box-{language}")
    page.locator('.facet-actor li.fetched a[data-value="sergey-lavrov"]').click()
    page.wait_for_url("**/search/?type=statements&actor=sergey-lavrov")
    page.go_back()
    page.wait_for_url("**/search/?type=statements")
    box = page.get_by_role("searchbox", name=words["filter"])
    box.fill("xyzzy")
    page.locator(".facet-actor .facet-none").wait_for()
    assert visible_values(page, "actor") == []
    box.fill("")
    assert visible_values(page, "actor") == everyone


@pytest.mark.parametrize("language", ["ar", "en"])
def test_the_facet_page_works_without_javascript(served_archive, browser, language):
    words = LANGUAGES[language]
    context = browser.new_context(java_script_enabled=False, locale=language)
    page = context.new_page()
    page.goto(f"{served_archive}{words['prefix']}/search/?type=statements")
    assert page.locator(".facet-filter").count() == 0  # the box needs JavaScript: without it, nothing to see
    page.goto(f"{served_archive}{words['prefix']}/search/facets/actor/?type=statements")
    listed = page.locator(".facet-list li.facet-value").count()
    assert listed >= 8
    page.fill("#facet-match", "كيرى")
    page.press("#facet-match", "Enter")
    page.wait_for_url("**/search/facets/actor/?type=statements&match=*")
    assert page.locator(".facet-list li.facet-value").count() == 1
    expected = int(page.locator(".facet-list .count").get_attribute("data-count"))
    screenshot(page, f"facet-page-no-js-{language}")
    page.get_by_role("link", name=words["exclude"], exact=True).click()
    page.wait_for_url("**/search/?type=statements&not_actor=john-kerry")
    excluded = result_count(page)
    page.go_back()
    page.locator(".facet-list .facet-include").click()
    page.wait_for_url("**/search/?type=statements&actor=john-kerry")
    assert result_count(page) == expected
    page.goto(f"{served_archive}{words['prefix']}/search/?type=statements")
    assert result_count(page) == expected + excluded
    context.close()
