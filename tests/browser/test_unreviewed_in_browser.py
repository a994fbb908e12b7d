"""An analyst reading an imported article sees at a glance which attributions no editor has checked."""
import json
import time
import urllib.parse
import urllib.request

import pytest

from .conftest import screenshot

pytestmark = pytest.mark.browser

BODY = ("أنقرة تحذر من كيان على حدودها\n\n"
        "وقال وزير الخارجية التركي إن بلاده لن تسمح بقيام كيان إرهابي على حدودها الجنوبية مهما كلف الأمر.")


def found(base, **params):
    query = urllib.parse.urlencode({**params, "format": "json"})
    with urllib.request.urlopen(f"{base}/search/?{query}") as response:
        return json.load(response)["results"]


def test_a_machine_attribution_is_labelled_unreviewed_on_the_article_and_in_results(served, page, tmp_path):
    batch = tmp_path / "turkey.jsonl"
    batch.write_text(json.dumps({"body": BODY, "published": "2018-05-02"}, ensure_ascii=False) + "\n",
                     encoding="utf-8")
    served.manage("import_articles", str(batch))
    deadline = time.monotonic() + 10
    while not (results := found(served.url, q="كيان إرهابي", type="statements")) and time.monotonic() < deadline:
        time.sleep(0.2)
    [statement] = results
    assert statement["reviewed"] is False

    page.goto(f"{served.url}{statement['article']['url']}")
    labels = page.locator("small.unreviewed")
    assert labels.count() == 2 and labels.first.is_visible()
    assert labels.first.inner_text() == "لم يراجعه محرر"
    assert page.locator(f"#statement-{statement['id']}").evaluate("m => m.classList.contains('statement-unreviewed')")
    box = labels.first.bounding_box()
    assert box["width"] > 20 and box["height"] > 8  # a readable badge, not a hidden marker
    screenshot(page, "article-unreviewed")

    page.goto(f"{served.url}/en/search/?" + urllib.parse.urlencode({"type": "statements", "q": "إرهابي"}))
    badge = page.locator(f'figure[data-statement="{statement["id"]}"] small.unreviewed')
    assert badge.is_visible() and badge.inner_text() == "unreviewed"
