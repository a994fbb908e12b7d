"""An analyst reads a seed article in Chromium: right-to-left, statements marked and attributed."""
import json
import urllib.request

import pytest

from .conftest import screenshot

pytestmark = pytest.mark.browser


def article_json(base, article_id):
    with urllib.request.urlopen(f"{base}/articles/{article_id}/?format=json") as response:
        return json.load(response)


def test_article_page_reads_right_to_left_with_its_statements_marked(served_archive, page):
    expected = article_json(served_archive, 1)
    page.goto(f"{served_archive}/articles/1/")

    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.locator("html").get_attribute("lang") == "ar"
    assert page.evaluate("getComputedStyle(document.querySelector('.article .body p')).direction") == "rtl"
    # Right-to-left: the title's right edge sits at the right of the page, not the left.
    title = page.locator("#article-title").bounding_box()
    assert title["x"] + title["width"] > 1280 / 2
    assert page.locator("#article-title").inner_text() == expected["title"]

    for statement in expected["statements"]:
        mark = page.locator(f"#statement-{statement['id']}")
        assert mark.is_visible()
        assert mark.get_attribute("data-speaker") == statement["speaker"]["slug"]
        background = mark.evaluate("m => getComputedStyle(m).backgroundColor")
        assert background not in ("rgba(0, 0, 0, 0)", "transparent")
    marked = "".join(page.locator("mark.statement").all_inner_texts())
    assert marked == "".join(s["text"] for s in expected["statements"])
    screenshot(page, "article-1-desktop")


def test_article_page_fits_a_phone_screen(served_archive, browser):
    context = browser.new_context(viewport={"width": 360, "height": 740}, locale="ar")
    page = context.new_page()
    page.goto(f"{served_archive}/articles/1/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    screenshot(page, "article-1-phone")
    context.close()


def test_a_statement_link_scrolls_to_and_outlines_its_mark(served_archive, page):
    expected = article_json(served_archive, 1)
    last = expected["statements"][-1]
    page.goto(f"{served_archive}/articles/1/")
    page.locator(f'.statement-list a[href="#statement-{last["id"]}"]').click()
    assert page.url.endswith(f"#statement-{last['id']}")
    assert page.locator(f"#statement-{last['id']}").evaluate("m => m.matches(':target')")
