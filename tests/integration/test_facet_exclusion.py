"""Analysts leave a facet value out (not_actor, not_city, not_source): exactly its results go, counts stay true."""
import csv
import io
import re
from xml.etree import ElementTree

import pytest

from search.params import SearchParams

pytestmark = pytest.mark.django_db


@pytest.fixture
def indexed(seeded, search_index):
    search_index()


def get_json(client, params):
    response = client.get(params.changed(page=params.page, format="json").url())
    assert response.status_code == 200, response.content[:300]
    return response.json()


def result_ids(client, params):
    """Every result of a search, page after page, as the JSON shows them."""
    ids, page = [], 1
    while True:
        data = get_json(client, params.changed(page=page))
        ids += [result["id"] for result in data["results"]]
        if page >= data["pages"]:
            return ids, data
        page += 1


@pytest.mark.parametrize("type_", ["articles", "statements"])
@pytest.mark.parametrize("facet, value", [("actor", "john-kerry"), ("actor", "sergey-lavrov"), ("city", "aleppo"),
                                          ("city", "geneva"), ("source", "arab48"), ("source", "enab-baladi")])
def test_an_exclusion_removes_exactly_the_results_with_the_value(client, indexed, type_, facet, value):
    everything, _ = result_ids(client, SearchParams(type=type_))
    having, _ = result_ids(client, SearchParams(type=type_).adding(facet, value))
    without, data = result_ids(client, SearchParams(type=type_).excluding(facet, value))
    assert having, (facet, value)
    assert set(without) == set(everything) - set(having)
    assert len(without) == len(set(without)) == data["count"]  # each result once, as counted
    assert data["count"] + len(having) == len(everything)


@pytest.mark.parametrize("type_", ["articles", "statements"])
def test_included_and_excluded_source_add_up_to_every_result(client, indexed, type_):
    total = get_json(client, SearchParams(type=type_))["count"]
    for source in ("arab48", "enab-baladi"):
        included = get_json(client, SearchParams(type=type_, source=(source,)))["count"]
        excluded = get_json(client, SearchParams(type=type_, not_source=(source,)))["count"]
        assert included and included + excluded == total, source


@pytest.mark.parametrize("params", [
    SearchParams(type="statements", not_actor=("john-kerry",)),
    SearchParams(type="statements", not_city=("aleppo",), not_source=("arab48",)),
    SearchParams(not_actor=("sergey-lavrov",)),
    SearchParams(type="statements", actor=("sergey-lavrov",), not_city=("geneva",)),
    SearchParams(q="حلب", not_source=("enab-baladi",)),
], ids=lambda params: params.query_string())
def test_facet_counts_after_an_exclusion_equal_the_results_after_clicking(client, indexed, params):
    data = get_json(client, params)
    clicked = 0
    for facet in ("actor", "city", "source"):
        assert [v["value"] for v in data["facets"][facet]
                if v["value"] in getattr(params, f"not_{facet}")] == []  # an excluded value has no result left
        for value in data["facets"][facet]:
            assert get_json(client, params.adding(facet, value["value"]))["count"] == value["count"], value
            clicked += 1
    assert clicked


def test_an_unknown_slug_excludes_nothing_as_it_includes_nothing(client, indexed):
    everything = get_json(client, SearchParams(type="statements"))
    excluded = get_json(client, SearchParams(type="statements", not_actor=("nobody-at-all",)))
    assert get_json(client, SearchParams(type="statements", actor=("nobody-at-all",)))["count"] == 0
    assert excluded["count"] == everything["count"]
    assert excluded["facets"] == everything["facets"]
    html = client.get(SearchParams(type="statements", not_actor=("nobody-at-all",)).url()).content.decode()
    assert "nobody-at-all" in html[html.index('class="chips"'):]  # the chip shows it and removes it


def test_the_same_value_included_and_excluded_is_a_clear_400(client, indexed):
    response = client.get("/search/?actor=john-kerry&not_actor=john-kerry")
    assert response.status_code == 400
    assert "“john-kerry” is given both in “actor” and in “not_actor”" in response.content.decode()


def test_exclusions_come_out_in_canonical_order(client, indexed):
    response = client.get("/search/?not_source=arab48&from=2016-01-01&not_actor=john-kerry&actor=sergey-lavrov&q=x")
    assert response.status_code == 301
    assert response["Location"] == "/search/?q=x&actor=sergey-lavrov&not_actor=john-kerry&not_source=arab48&from=2016-01-01"


def test_json_echoes_the_exclusions(client, indexed):
    data = get_json(client, SearchParams(type="statements", not_actor=("john-kerry",), not_source=("arab48",)))
    assert data["query"]["excluded"] == {"actor": ["john-kerry"], "city": [], "source": ["arab48"]}
    assert {"count", "page", "pages", "results", "facets"} <= set(data)


def test_csv_and_atom_honour_the_exclusion(client, indexed):
    params = SearchParams(type="statements", not_actor=("john-kerry",))
    count = get_json(client, params)["count"]
    rows = list(csv.DictReader(io.StringIO(b"".join(client.get(params.changed(format="csv").url()).streaming_content)
                                           .decode("utf-8-sig"))))
    assert len(rows) == count
    assert "john-kerry" not in {row["speaker"] for row in rows}
    feed = ElementTree.fromstring(client.get(params.changed(format="atom").url()).content)
    authors = {name.text for name in feed.iter("{http://www.w3.org/2005/Atom}name")}
    assert "جون كيري" not in authors and len(authors) > 1


def test_the_sidebar_offers_an_exclude_link_beside_each_value(client, indexed):
    params = SearchParams(type="statements")
    html = client.get(params.url()).content.decode()
    data = get_json(client, params)
    for facet in ("actor", "city", "source"):
        for value in data["facets"][facet]:
            href = params.excluding(facet, value["value"]).url().replace("&", "&amp;")
            assert f'<a class="facet-exclude" href="{href}" aria-label="استبعاد {value["label"]}"' in html
    english = client.get("/en" + params.url()).content.decode()
    assert 'aria-label="Exclude John Kerry"' in english


def test_a_value_named_with_markup_is_listed_as_text_in_its_links_and_labels(client, seeded, search_index):
    from archive.models import Article, Person
    person = Person.objects.create(name='<b>"أبو" & شركاه</b>', slug="markup-name")
    article = Article.objects.order_by("pk").first()
    article.people.add(person)
    search_index()
    html = client.get(SearchParams(actor=("markup-name",)).url()).content.decode()
    assert '<b>"أبو"' not in html
    assert '<span class="label">&lt;b&gt;&quot;أبو&quot; &amp;amp; شركاه&lt;/b&gt;</span>' not in html  # escaped once, not twice
    assert '<span class="label">&lt;b&gt;&quot;أبو&quot; &amp; شركاه&lt;/b&gt;</span>' in html
    assert 'aria-label="استبعاد &lt;b&gt;&quot;أبو&quot; &amp; شركاه&lt;/b&gt;"' in html
    assert 'data-value="markup-name" aria-current="true"' in html


def test_an_exclusion_shows_as_a_not_chip_and_a_struck_value(client, indexed):
    params = SearchParams(type="statements", not_actor=("john-kerry",))
    back = SearchParams(type="statements").url()
    html = client.get(params.url()).content.decode()
    chip = re.search(r'<li class="chip chip-excluded">(.*?)</li>', html, re.S).group(1)
    assert '<span class="chip-not">باستثناء</span> جون كيري' in chip
    assert f'href="{back}" aria-label="إلغاء استبعاد جون كيري"' in chip
    struck = re.search(r'<li class="facet-value excluded">(.*?)</li>', html, re.S).group(1)
    assert f'href="{back}"' in struck and '<s class="label">جون كيري</s>' in struck
    english = client.get("/en" + params.url()).content.decode()
    chip = re.search(r'<li class="chip chip-excluded">(.*?)</li>', english, re.S).group(1)
    assert '<span class="chip-not">not</span> John Kerry' in chip and 'aria-label="Stop excluding John Kerry"' in chip


def test_the_forms_keep_the_exclusions(client, indexed):
    html = client.get(SearchParams(q="حلب", not_city=("geneva",)).url()).content.decode()
    assert html.count('<input type="hidden" name="not_city" value="geneva">') == 2  # the search box and the dates


def test_a_statement_reported_by_several_outlets_goes_when_any_of_its_reports_is_excluded(client, seeded, search_index):
    from archive.ingest.importer import Importer
    from archive.models import Source

    from .test_statement_reports import QUOTE, REPORTS, imported, lavrov_in

    Source.objects.create(name="روسيا اليوم", name_en="RT Arabic", slug="rt")
    Source.objects.create(name="سبوتنيك", name_en="Sputnik", slug="sputnik")
    importer = Importer()
    quotes = [lavrov_in(imported(importer, *report)) for report in REPORTS]
    search_index()
    words = SearchParams(q=f'"{QUOTE[:30].rsplit(" ", 1)[0]}"', type="statements")
    everything = get_json(client, words)
    assert everything["count"] == 1 and everything["results"][0]["id"] in {q.pk for q in quotes}
    for source in ("rt", "sputnik", "arab48"):
        assert get_json(client, words.adding("source", source))["count"] == 1
        # the statement is the same words in every outlet: leaving one outlet out leaves it out
        assert get_json(client, words.excluding("source", source))["count"] == 0
    assert get_json(client, words.excluding("source", "enab-baladi"))["count"] == 1
