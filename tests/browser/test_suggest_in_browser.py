"""Names in Chromium: the search box suggests people and places, chosen with the keyboard alone; aliases reach every worker."""
import json
import time
import urllib.parse
import urllib.request

import pytest

from .conftest import screenshot

pytestmark = pytest.mark.browser


def fetch_json(base, path, **params):
    with urllib.request.urlopen(f"{base}{path}?{urllib.parse.urlencode(params)}", timeout=10) as response:
        return json.loads(response.read().decode("utf-8"))


def tab_to_search_box(page):
    """Reach the search box from the top of the page with Tab, as a keyboard user does."""
    for _ in range(12):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement && document.activeElement.name === 'q'"):
            return
    raise AssertionError("the search box is not reachable with Tab")


@pytest.mark.parametrize("typed, slug, facet", [("لاف", "sergey-lavrov", "actor"), ("Alep", "aleppo", "city")])
def test_a_suggestion_is_chosen_with_the_keyboard_and_opens_the_filtered_results(served_archive, page, typed, slug, facet):
    page.goto(f"{served_archive}/")
    tab_to_search_box(page)
    page.keyboard.type(typed)
    box = page.locator("input[name=q]")
    option = page.locator(f'[role=listbox] [role=option][data-slug="{slug}"]')
    option.wait_for(state="visible")
    assert box.get_attribute("role") == "combobox" and box.get_attribute("aria-expanded") == "true"
    screenshot(page, f"suggest-{slug}")
    position = page.locator("[role=listbox] [role=option]").evaluate_all(
        f"(options) => options.findIndex((o) => o.dataset.slug === {json.dumps(slug)})")
    for _ in range(position + 1):
        page.keyboard.press("ArrowDown")
    assert box.get_attribute("aria-activedescendant") == option.get_attribute("id")
    assert option.get_attribute("aria-selected") == "true"
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/search/?{facet}={slug}")
    expected = fetch_json(served_archive, "/search/", **{facet: slug, "format": "json"})["count"]
    assert expected > 0
    assert int(page.locator(".result-count [data-count]").get_attribute("data-count")) == expected
    assert page.locator(".chip").count() == 1


def test_escape_closes_the_suggestions_and_enter_searches_the_typed_text(served_archive, page):
    page.goto(f"{served_archive}/search/")
    page.locator("#search-q").focus()
    page.keyboard.type("Kerry")
    page.locator('[role=option][data-slug="john-kerry"]').wait_for(state="visible")
    page.keyboard.press("Escape")
    assert page.locator("[role=listbox]").is_hidden()
    page.keyboard.press("Enter")
    page.wait_for_url("**/search/?q=Kerry")
    card = page.locator('.entity-card[data-slug="john-kerry"]')
    assert card.is_visible()
    assert "Kerry → جون كيري" in " ".join(page.locator(".names-read").inner_text().split())
    screenshot(page, "search-kerry-card")
    page.locator(".names-exact-link").click()
    page.wait_for_url("**/search/?q=Kerry&exact=1")
    assert page.locator(".names-read.names-exact").is_visible()
    assert page.locator(".entity-card").count() == 1  # the card stays: the query still names Kerry
    page.locator(".names-expand-link").click()
    page.wait_for_url("**/search/?q=Kerry")


def test_without_javascript_the_search_box_is_a_plain_form(served_archive, browser):
    context = browser.new_context(java_script_enabled=False, locale="ar")
    page = context.new_page()
    try:
        page.goto(f"{served_archive}/")
        page.fill("input[name=q]", "لحلب")
        page.press("input[name=q]", "Enter")
        page.wait_for_url("**/search/?q=*")
        assert page.locator("[role=listbox]").count() == 0
        assert page.locator('.entity-card[data-slug="aleppo"]').is_visible()
    finally:
        context.close()


def test_an_alias_saved_in_another_process_reaches_every_worker_within_two_seconds(served):
    word = "Лавров"
    for _ in range(12):  # every gunicorn worker has read names and cached this empty result
        assert fetch_json(served.url, "/search/", q=word, format="json")["count"] == 0
    served.manage("shell", "-c", "from archive.models import Person; "
                  f"Person.objects.get(slug='sergey-lavrov').aliases.create(name={word!r})")
    saved = time.monotonic()
    counts = []
    while time.monotonic() - saved < 2:
        counts.append(fetch_json(served.url, "/search/", q=word, format="json")["count"])
        if len(counts) >= 8 and all(counts[-8:]):
            break
    lavrov = fetch_json(served.url, "/search/", q="Lavrov", format="json")["count"]
    assert counts[-8:] == [lavrov] * 8, counts
    suggested = fetch_json(served.url, "/search/suggest/", q="Лав")["results"]
    assert [item["slug"] for item in suggested] == ["sergey-lavrov"]
