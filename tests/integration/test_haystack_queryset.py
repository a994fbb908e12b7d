"""Haystack's SearchQuerySet reads the archive: the same results, counts, facets and suggestion as the page."""
from datetime import date

import pytest
from haystack.exceptions import SearchBackendError
from haystack.inputs import Exact
from haystack.query import SQ, SearchQuerySet

from archive.models import Article, Person, Place, Source, Statement

BODIES = [
    ("لافروف يبحث الهدنة", "قال وزير الخارجية الروسي سيرغي لافروف إن الهدنة في حلب صامدة، وإن موسكو تراقب خروقات المسلحين."),
    ("كيري في جنيف", "أكد جون كيري في جنيف أن المفاوضات حول حلب مستمرة رغم الخلافات."),
    ("مساعدات إلى داريا", "وصلت قافلة مساعدات أممية إلى داريا بعد حصار طويل، وفق الأمم المتحدة."),
    ("لافروف وكيري", "اتفق لافروف وكيري على وقف إطلاق النار في حلب ابتداء من الاثنين."),
]


@pytest.fixture
def archive(db, search_index):
    agency = Source.objects.create(name="وكالة الاختبار", slug="test-agency")
    lavrov = Person.objects.create(name="سيرغي لافروف", slug="sergey-lavrov")
    kerry = Person.objects.create(name="جون كيري", slug="john-kerry")
    aleppo = Place.objects.create(name="حلب", slug="aleppo")
    articles = []
    for index, (title, body) in enumerate(BODIES):
        article = Article.objects.create(title=title, body=body, published=date(2016, 5, 2 + 7 * index), source=agency)
        articles.append(article)
    for article, people in zip(articles, ([lavrov], [kerry], [], [lavrov, kerry])):
        article.people.add(*people)
        if "حلب" in article.body:
            article.places.add(aleppo)
    quote = "الهدنة في حلب صامدة"
    start = articles[0].body.index(quote)
    Statement.objects.create(article=articles[0], speaker=lavrov, text=quote, start=start, end=start + len(quote))
    search_index()
    return articles


def page(client, query):
    return client.get(f"/search/?{query}&format=json").json()


def as_page(queryset, size=20):
    results = queryset[0:size]
    facets = queryset.facet_counts()["fields"]
    return {
        "ids": [int(result.pk) for result in results],
        "count": queryset.count(),
        "facets": {name: [[value, count] for value, count in facets[name]] for name in ("actor", "city", "source")},
        "suggestion": queryset.spelling_suggestion(),
    }


def shown(data):
    return {
        "ids": [result["id"] for result in data["results"]],
        "count": data["count"],
        "facets": {name: [[value["value"], value["count"]] for value in data["facets"][name]]
                   for name in ("actor", "city", "source")},
        "suggestion": data["query"]["suggestion"],
    }


def articles(*facets):
    queryset = SearchQuerySet().models(Article)
    for facet in facets:
        queryset = queryset.facet(facet)
    return queryset


def test_a_word_search_returns_what_the_page_shows(client, archive):
    queryset = articles("actor", "city", "source").filter(content="حلب")
    assert as_page(queryset) == shown(page(client, "q=حلب"))
    assert as_page(queryset)["count"] == 3


def test_narrowing_ordering_and_dates_return_what_the_page_shows(client, archive):
    queryset = (articles("actor", "city", "source").filter(content="حلب").narrow('actor:"sergey-lavrov"')
                .filter(published__gte=date(2016, 5, 1), published__lte=date(2016, 5, 31)).order_by("-published"))
    expected = shown(page(client, "q=حلب&actor=sergey-lavrov&from=2016-05-01&to=2016-05-31&sort=newest"))
    assert as_page(queryset) == expected
    assert expected["ids"] == [archive[3].pk, archive[0].pk]


def test_a_statement_search_goes_through_the_same_queryset(client, archive):
    queryset = SearchQuerySet().models(Statement).filter(content="الهدنة").facet("actor").facet("city").facet("source")
    assert as_page(queryset) == shown(page(client, "q=الهدنة&type=statements"))
    assert as_page(queryset)["count"] == 1


def test_the_month_facet_counts_each_month(archive):
    months = articles("month").facet_counts()["fields"]["month"]
    assert months == [("2016-05", 4)]


def test_a_misspelled_word_gets_the_pages_suggestion(client, archive):
    queryset = articles().filter(content="مفاوضاات")
    data = page(client, "q=مفاوضاات")
    assert queryset.count() == 0
    assert queryset.spelling_suggestion() == data["query"]["suggestion"]
    assert data["query"]["suggestion"]


def test_excluding_a_word_and_or_between_words(archive):
    without = articles().filter(content="حلب").exclude(content="كيري")
    assert {int(r.pk) for r in without} == {archive[0].pk}
    either = articles().filter(SQ(content="داريا") | SQ(content="جنيف"))
    assert {int(r.pk) for r in either} == {archive[1].pk, archive[2].pk}


def test_excluding_either_word_excludes_both(archive):
    neither = articles().exclude(SQ(content="جنيف") | SQ(content="داريا"))
    assert {int(r.pk) for r in neither} == {archive[0].pk, archive[3].pk}


def test_a_facet_limit_and_a_preferred_spelling_are_honoured(archive):
    assert len(articles("actor").facet_counts()["fields"]["actor"]) == 2
    assert articles().facet("actor", limit=1).facet_counts()["fields"]["actor"] == [("sergey-lavrov", 2)]
    misspelled = articles().filter(content="مفاوضاات")
    assert misspelled.spelling_suggestion("مفاوضاات") == misspelled.spelling_suggestion()


def test_excluding_a_facet_value_returns_what_the_page_shows(client, archive):
    expected = shown(page(client, "q=حلب&not_actor=john-kerry"))
    assert expected["ids"] == [archive[0].pk]
    for queryset in (articles("actor", "city", "source").filter(content="حلب").exclude(actor="john-kerry"),
                     articles("actor", "city", "source").filter(content="حلب").narrow('-actor:"john-kerry"'),
                     articles("actor", "city", "source").filter(content="حلب").exclude(actor__in=["john-kerry"])):
        assert as_page(queryset) == expected


def test_exclusions_combine_with_filters_as_on_the_page(client, archive):
    queryset = (articles("actor", "city", "source").narrow('actor:"sergey-lavrov"').exclude(city="aleppo")
                .exclude(source="test-agency").order_by("published"))
    assert as_page(queryset) == shown(page(client, "actor=sergey-lavrov&not_city=aleppo&not_source=test-agency&sort=oldest"))
    assert queryset.count() == 0
    neither = articles("actor", "city", "source").exclude(SQ(actor="john-kerry") | SQ(actor="sergey-lavrov"))
    assert {int(r.pk) for r in neither} == {archive[2].pk}
    assert as_page(neither)["facets"]["actor"] == []


def test_a_statement_search_excludes_as_the_page_does(client, archive):
    statements = SearchQuerySet().models(Statement).facet("actor").facet("city").facet("source")
    assert as_page(statements.exclude(actor="john-kerry")) == shown(page(client, "type=statements&not_actor=john-kerry"))
    assert as_page(statements.exclude(actor="john-kerry"))["count"] == 1
    assert as_page(statements.exclude(actor="sergey-lavrov")) == shown(page(client, "type=statements&not_actor=sergey-lavrov"))
    assert statements.exclude(actor="sergey-lavrov").count() == 0


def test_facet_limit_minus_one_gives_every_value(archive):
    everything = articles().facet("actor", limit=-1).facet_counts()["fields"]["actor"]
    assert everything == [("sergey-lavrov", 2), ("john-kerry", 2)]
    assert articles().facet("actor", limit=100).facet_counts()["fields"]["actor"] == everything


def test_exact_keeps_names_to_the_spelling_typed(client, archive):
    queryset = articles().filter(content=Exact("لافروف"))
    assert [int(r.pk) for r in queryset] == [result["id"] for result in page(client, "q=لافروف&exact=1")["results"]]


def test_a_slice_off_the_page_grid_is_the_same_order(archive):
    everything = [int(r.pk) for r in articles().order_by("published")]
    assert everything == [a.pk for a in archive]
    assert [int(r.pk) for r in articles().order_by("published")[1:3]] == everything[1:3]


@pytest.mark.parametrize("make", [
    lambda: articles().filter(title="حلب"),
    lambda: articles().narrow("author:someone"),
    lambda: articles().order_by("title"),
    lambda: articles().facet("author"),
    lambda: SearchQuerySet().models(Article, Statement),
    lambda: articles().exclude(content="حلب كيري"),  # not (both words): the query language has no such thing
    lambda: articles().exclude(content='"الهدنة في حلب"'),
    lambda: articles().filter(content="حلب").highlight(),
    lambda: articles().filter(published__range=(date(2016, 5, 1), date(2016, 5, 9))),
    lambda: articles().values("published"),
    lambda: articles().more_like_this(Article.objects.first()),
    lambda: articles().exclude(actor="john-kerry", city="aleppo"),  # not (both): neither exclusion says it
    lambda: articles().exclude(SQ(actor="john-kerry") | SQ(content="حلب")),
    lambda: articles().exclude(SQ(actor="john-kerry") & SQ(published__gte=date(2016, 5, 9))),
])
def test_what_the_archive_cannot_do_is_refused_not_ignored(archive, make):
    with pytest.raises(SearchBackendError):
        list(make()[0:5])
