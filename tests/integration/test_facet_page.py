"""A facet's own page (/search/facets/<facet>/): every value over the results, found by any spelling of a name."""
from datetime import date

import pytest

from archive.models import Article, Place, Source
from search.params import SearchParams

from .test_page_markup import ARABIC, outline

pytestmark = pytest.mark.django_db
KEYS = {"value", "label", "count", "active", "url", "exclude_url"}


@pytest.fixture
def indexed(seeded, search_index):
    search_index()


def listing(client, facet, params=SearchParams(), match="", language=""):
    query = params.changed(page=params.page).query_string(include_format=False)
    query = "&".join(part for part in (query, f"match={match}" if match else "", "format=json") if part)
    response = client.get(f"{language}/search/facets/{facet}/?{query}")
    assert response.status_code == 200, response.content[:300]
    return response.json()


def search(client, params):
    return client.get(params.changed(format="json").url()).json()


@pytest.mark.parametrize("params", [SearchParams(), SearchParams(type="statements"),
                                    SearchParams(type="statements", not_actor=("john-kerry",), not_source=("arab48",)),
                                    SearchParams(q="حلب", type="statements")],
                         ids=lambda params: params.query_string() or "everything")
def test_the_facet_page_lists_every_value_as_the_sidebar_counts_it(client, indexed, params):
    found = search(client, params)
    for facet in ("actor", "city", "source"):
        data = listing(client, facet, params)
        assert set(data) >= {"facet", "match", "count", "total", "search", "results"}
        assert data["facet"] == facet and data["match"] == "" and data["search"] == params.url()
        assert data["count"] == data["total"] == len(data["results"])
        # the seed's lists are short enough that the sidebar shows them whole: the same values, counts, order
        assert [(v["value"], v["count"]) for v in data["results"]] == [(v["value"], v["count"]) for v in found["facets"][facet]]
        for value in data["results"]:
            assert set(value) == KEYS
            assert value["url"] == params.adding(facet, value["value"]).url()
            assert value["exclude_url"] == params.excluding(facet, value["value"]).url()
            assert value["value"] not in getattr(params, f"not_{facet}")


@pytest.mark.parametrize("facet, typed, slug", [
    ("actor", "كيرى", "john-kerry"),  # alef maqsura, as the alias كيري is written with ي
    ("actor", "كيري", "john-kerry"),
    ("actor", "Kerry", "john-kerry"),
    ("actor", "اوزيروف", "viktor-ozerov"),  # no hamza, as أوزيروف has
    ("actor", "اسد", "bashar-al-assad"),  # without its article
    ("actor", "مسؤول", "unnamed-russian-military-official"),  # an unnamed speaker: matched by its description
    ("city", "ادلب", "idlib"),
    ("city", "aleppo", "aleppo"),
    ("source", "عنب", "enab-baladi"),
    ("source", "Arab48", "arab48"),
])
def test_match_finds_a_value_by_any_spelling_of_its_names(client, indexed, facet, typed, slug):
    everything = listing(client, facet)
    found = listing(client, facet, match=typed)
    assert slug in [value["value"] for value in found["results"]]
    assert 0 < found["count"] < everything["count"] and found["total"] == everything["total"]
    assert found["match"] == typed


def test_match_keeps_the_order_and_counts(client, indexed):
    everything = listing(client, "actor", SearchParams(type="statements"))
    found = listing(client, "actor", SearchParams(type="statements"), match="وزارة")
    assert [v["value"] for v in found["results"]] == [v["value"] for v in everything["results"]
                                                     if v["value"] in {"us-state-department", "russian-foreign-ministry"}]
    assert listing(client, "actor", SearchParams(type="statements"), match="xyzzy")["results"] == []


def test_the_page_works_without_javascript(client, indexed):
    html = client.get("/search/facets/actor/?type=statements&match=%D9%83%D9%8A%D8%B1%D9%89").content.decode()
    assert '<form class="search-form facet-match" method="get" action="/search/facets/actor/">' in html
    assert '<input type="hidden" name="type" value="statements">' in html
    assert 'name="match" value="كيرى"' in html
    include = SearchParams(type="statements", actor=("john-kerry",)).url()
    exclude = SearchParams(type="statements", not_actor=("john-kerry",)).url().replace("&", "&amp;")
    assert f'href="{include.replace("&", "&amp;")}" data-value="john-kerry"' in html
    assert f'<a class="facet-exclude" href="{exclude}" aria-label="استبعاد جون كيري"' in html
    assert "سيرغي لافروف" not in html
    english = client.get("/en/search/facets/actor/?type=statements&match=Kerry").content.decode()
    assert 'aria-label="Exclude John Kerry"' in english and 'href="/en/search/?type=statements&amp;actor=john-kerry"' in english
    assert [(text, lang) for text, lang in outline(english).texts if ARABIC.search(text) and lang != "ar"] == []


def test_the_facet_page_keeps_its_own_canonical_address(client, indexed):
    response = client.get("/search/facets/city/?match=&page=3&sort=oldest&type=statements&not_actor=john-kerry")
    assert response.status_code == 301
    assert response["Location"] == "/search/facets/city/?type=statements&not_actor=john-kerry"
    response = client.get("/en/search/facets/city/?format=json&match=%D8%AD%D9%84%D8%A8&q=x")
    assert response["Location"] == "/en/search/facets/city/?q=x&match=%D8%AD%D9%84%D8%A8&format=json"


@pytest.mark.parametrize("query, message", [
    ("format=csv", "“format” must be one of html, json"),
    ("colour=red", "Unknown parameter “colour”. This page takes: q, type, actor"),
    ("match=" + "ك" * 101, "“match” has 101 characters; the most is 100."),
    ("actor=john-kerry&not_actor=john-kerry", "is given both in “actor” and in “not_actor”"),
    ("not_city=<b>", "is not a valid not_city"),
    ("from=2016-02-30", "“from” must be a date"),
])
def test_bad_parameters_get_a_clear_400(client, indexed, query, message):
    response = client.get(f"/search/facets/actor/?{query}")
    assert response.status_code == 400
    assert message in response.content.decode()


def test_an_unknown_facet_is_a_404_that_names_the_facets(client, indexed):
    response = client.get("/search/facets/month/")
    assert response.status_code == 404
    assert "its facets are actor, city, source" in response.content.decode()
    assert client.get("/en/search/facets/%3Cscript%3E/?format=json").status_code == 404


@pytest.fixture
def many_places(db, search_index):
    """35 places, named by more articles the lower their number: a list the sidebar cuts at 30."""
    source = Source.objects.create(name="وكالة الاختبار", name_en="Test Agency", slug="test-agency")
    places = [Place.objects.create(name=f"مكان {n}", name_en=f"Place {n}", slug=f"place-{n:02d}") for n in range(35)]
    for index in range(40):
        article = Article.objects.create(title=f"تقرير {index}", body=f"تقرير رقم {index} عن الهدنة.",
                                         published=date(2016, 5, 1 + index % 28), source=source)
        article.places.add(*[place for n, place in enumerate(places) if index <= 40 - n])
    search_index()
    return places


def test_a_cut_list_links_to_every_value(client, many_places):
    html = client.get("/search/").content.decode()
    city = html[html.index('<section class="facet facet-city"'):html.index('<section class="facet facet-source"')]
    assert city.count('class="facet-value"') == 30
    assert '<p class="facet-all"><a href="/search/facets/city/">كل الأماكن (35)…</a></p>' in city
    english = client.get("/en/search/?q=%D8%A7%D9%84%D9%87%D8%AF%D9%86%D8%A9").content.decode()  # الهدنة
    assert ('<a href="/en/search/facets/city/?q=%D8%A7%D9%84%D9%87%D8%AF%D9%86%D8%A9">All 35 places…</a>'
            in english)
    assert "facet-all" not in html[html.index('<section class="facet facet-source"'):]  # one source: not cut
    data = listing(client, "city")
    assert data["count"] == 35 and [v["value"] for v in data["results"]] == [p.slug for p in many_places]
    assert [v["count"] for v in data["results"]] == [min(40, 41 - n) for n in range(35)]
    assert [v["value"] for v in listing(client, "city", match="place 3")["results"]] == [
        "place-03", "place-30", "place-31", "place-32", "place-33", "place-34"]
    page = client.get("/search/facets/city/").content.decode()
    assert page.count('class="facet-value"') == 35
