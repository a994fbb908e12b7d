"""Exports say what they hold: the JSON names its search, its time and its neighbours; a CSV its total, and where a cut one goes on."""
import csv
import io
import os
import re
import subprocess
import sys
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from front.exports import CSV_COLUMNS

ROOT = Path(__file__).resolve().parents[2]
STATEMENTS = "/search/?type=statements"  # every statement of the seeds: more than one page
KERRY = "/search/?q=%D9%83%D9%8A%D8%B1%D9%8A&actor=john-kerry"  # كيري: the articles, one page


@pytest.fixture
def indexed(seeded, search_index):
    search_index()


def local(url):
    """The path and query of an absolute URL the test client can open."""
    parts = urlsplit(url)
    assert parts.scheme == "http" and parts.netloc == "testserver", url
    return f"{parts.path}?{parts.query}" if parts.query else parts.path


def made_now(text):
    """A time written ISO 8601 in UTC, checked to be within a minute of now."""
    made = datetime.fromisoformat(text)
    assert made.utcoffset() == timedelta(0), text
    assert abs(datetime.now(timezone.utc) - made) < timedelta(minutes=1), text
    return made


def json_page(client, path):
    response = client.get(path)
    assert response.status_code == 200, path
    return response.json()


def csv_export(client, path):
    """The response, its data rows (header first) and its trailing # lines."""
    response = client.get(path)
    assert response.status_code == 200, path
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    lines = text.splitlines(keepends=True)
    comments = [line.rstrip("\r\n") for line in lines if line.startswith("#")]
    data = lines[:len(lines) - len(comments)]
    assert all(not line.startswith("#") for line in data)  # the notes only ever come last
    return response, list(csv.reader(io.StringIO("".join(data)))), comments


def html_count(client, path):
    html = client.get(path).content.decode()
    return int(re.search(r'class="result-count"><span data-count="(\d+)"', html).group(1))


def test_the_json_names_the_html_page_of_its_search_and_when_it_was_made(client, indexed):
    data = json_page(client, KERRY + "&format=json")
    assert {"count", "page", "pages", "query", "results", "facets", "entities"} <= set(data)  # what was there stays
    assert data["search_url"] == "http://testserver" + KERRY
    assert html_count(client, local(data["search_url"])) == data["count"] > 0
    made_now(data["generated"])
    english = json_page(client, "/en" + KERRY + "&format=json")
    assert english["search_url"] == "http://testserver/en" + KERRY
    second = json_page(client, STATEMENTS + "&page=2&format=json")
    assert second["search_url"] == "http://testserver" + STATEMENTS  # no page, no format


def test_generated_is_the_time_of_each_response_though_the_page_is_kept(client, indexed):
    first = json_page(client, STATEMENTS + "&format=json")
    time.sleep(1.1)
    again = json_page(client, STATEMENTS + "&format=json")  # the same results, from the page cache
    assert again["results"] == first["results"]
    assert made_now(again["generated"]) > made_now(first["generated"])


def test_next_and_previous_walk_the_json_pages_and_are_null_at_the_ends(client, indexed):
    first = json_page(client, STATEMENTS + "&format=json")
    assert first["pages"] > 1 and first["previous"] is None
    assert first["next"] == "http://testserver" + STATEMENTS + "&page=2&format=json"
    seen, data = [r["id"] for r in first["results"]], first
    while data["next"]:
        following = json_page(client, local(data["next"]))
        assert following["page"] == data["page"] + 1
        assert json_page(client, local(following["previous"]))["results"] == data["results"]
        seen += [r["id"] for r in following["results"]]
        data = following
    assert data["page"] == data["pages"] == first["pages"]
    assert data["next"] is None
    assert len(seen) == len(set(seen)) == first["count"]
    assert json_page(client, "/en" + STATEMENTS + "&format=json")["next"].startswith("http://testserver/en/search/?")


def test_one_page_has_no_neighbours_and_a_page_past_the_end_leads_back_to_the_last(client, indexed):
    alone = json_page(client, KERRY + "&format=json")
    assert alone["pages"] == 1 and alone["next"] is None and alone["previous"] is None
    past = json_page(client, STATEMENTS + "&page=50&format=json")
    assert past["results"] == [] and past["next"] is None
    assert json_page(client, local(past["previous"]))["page"] == past["pages"]


def test_the_csv_says_its_total_search_and_time_in_its_headers(client, indexed):
    response, rows, comments = csv_export(client, STATEMENTS + "&format=csv")
    total = json_page(client, STATEMENTS + "&format=json")["count"]
    assert rows[0] == CSV_COLUMNS and len(rows) - 1 == total
    assert comments == []
    assert response["X-Total-Count"] == str(total)
    assert response["X-Search-URL"] == "http://testserver" + STATEMENTS
    made = made_now(response["X-Generated"])
    assert response["X-Export-Limit"] == "50000" and response["X-Export-Cut"] == "false"
    assert not response.has_header("Link")
    assert response["Content-Disposition"] == f'attachment; filename="archive-search-{made.date().isoformat()}.csv"'
    english, _, _ = csv_export(client, "/en" + KERRY + "&format=csv")
    assert english["X-Search-URL"] == "http://testserver/en" + KERRY


def test_a_csv_over_the_limit_is_cut_with_a_note_and_its_parts_make_the_whole(client, indexed, settings):
    _, whole, _ = csv_export(client, STATEMENTS + "&format=csv")
    total = len(whole) - 1
    settings.ARCHIVE_EXPORT_LIMIT = 7
    assert total > 2 * 7
    response, rows, comments = csv_export(client, STATEMENTS + "&format=csv")
    rest = "http://testserver" + STATEMENTS + "&page=2&format=csv"
    assert rows[0] == CSV_COLUMNS and len(rows) == 1 + 7
    assert response["X-Export-Cut"] == "true" and response["X-Export-Limit"] == "7"
    assert response["X-Total-Count"] == str(total)
    assert response["Link"] == f'<{rest}>; rel="next"'
    assert response["Content-Disposition"].endswith('-part-1.csv"')
    assert comments == [f"# Cut at the export limit (7 rows): this file holds matches 1 to 7 of {total}.",
                        f"# The rest, from match 8: {rest}"]
    parts, path, page = [rows[1:]], local(rest), 2
    while True:
        response, rows, comments = csv_export(client, path)
        assert rows[0] == CSV_COLUMNS
        assert response["Content-Disposition"].endswith(f'-part-{page}.csv"')
        assert '; rel="prev"' in response["Link"]
        parts.append(rows[1:])
        if response["X-Export-Cut"] == "false":
            assert comments == [] and 'rel="next"' not in response["Link"]
            break
        assert len(rows) == 1 + 7 and len(comments) == 2 and f"of {total}." in comments[0]
        path, page = local(response["Link"].split(">")[0].lstrip("<")), page + 1
    assert [row for part in parts for row in part] == whole[1:]


def test_a_csv_part_past_the_end_holds_the_header_alone(client, indexed, settings):
    settings.ARCHIVE_EXPORT_LIMIT = 7
    response, rows, comments = csv_export(client, STATEMENTS + "&page=40&format=csv")
    assert rows == [CSV_COLUMNS] and comments == []
    assert response["X-Export-Cut"] == "false"


def test_the_search_page_offers_every_match_as_csv_and_says_the_feed_keeps_the_filters(client, indexed):
    html = client.get(STATEMENTS + "&page=2").content.decode()
    exports = re.search(r'<p class="exports">(.*?)</p>', html, re.S).group(1)
    assert 'href="/search/?type=statements&amp;page=2&amp;format=json"' in exports
    assert 'href="/search/?type=statements&amp;format=csv"' in exports  # every match, not page 2's
    assert 'href="/search/?type=statements&amp;format=atom"' in exports
    assert "يحتفظ بكلماته وبكل عوامل التصفية" in exports
    english = client.get("/en" + STATEMENTS).content.decode()
    assert "Atom feed of this search — keeps the words and every filter" in english
    assert "يحتفظ" not in english


def test_an_export_limit_that_is_not_a_number_of_rows_stops_the_start_with_a_message(tmp_path):
    env = {**os.environ, "ARCHIVE_EXPORT_LIMIT": "lots", "ARCHIVE_DATA_DIR": str(tmp_path)}
    run = subprocess.run([sys.executable, "manage.py", "check"], cwd=ROOT, env=env, capture_output=True, text=True)
    assert run.returncode != 0
    assert "ARCHIVE_EXPORT_LIMIT must be a whole number of rows, 1 or more" in run.stderr
