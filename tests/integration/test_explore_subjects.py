"""Actor, city and home pages count what statements are about, and each reported statement once.

A place's statements are those whose own words name it or that were said there, not every
statement of an article that mentions it; three reports of one statement (wire copy) count once.
"""
import calendar
import re
from datetime import date

import pytest

from archive import explore
from archive.models import Article, Person, Place, ReportGroup, Source, Statement
from search.params import SearchParams

pytestmark = pytest.mark.django_db
WIRE_WORDS = "نطالب بوقف القصف على حلب فورا"


def get_json(client, url):
    response = client.get(url)
    assert response.status_code == 200, (url, response.content[:300])
    return response.json()


def make_article(title, body, source, published, places):
    article = Article.objects.create(title=title, body=body, source=source, published=published)
    article.places.add(*places)
    return article


def say(article, speaker, words, about=(), place=None, group=None):
    start = article.body.index(words)
    statement = Statement.objects.create(article=article, speaker=speaker, text=words, start=start,
                                         end=start + len(words), place=place, report_group=group)
    statement.mentioned_places.add(*about)
    return statement


@pytest.fixture
def archive(db):
    """Lavrov on Aleppo, said in Geneva, in an article that also names Moscow; Kerry on Moscow;
    and one statement of Kerry's on Aleppo reported by three outlets on three days."""
    sources = [Source.objects.create(name=name, name_en=name_en, slug=slug) for name, name_en, slug in
               (("عنب بلدي", "Enab Baladi", "enab-baladi"), ("عرب 48", "Arab48", "arab48"),
                ("الجزيرة", "Al Jazeera", "aljazeera"))]
    aleppo = Place.objects.create(name="حلب", name_en="Aleppo", slug="aleppo")
    moscow = Place.objects.create(name="موسكو", name_en="Moscow", slug="moscow")
    geneva = Place.objects.create(name="جنيف", name_en="Geneva", slug="geneva")
    lavrov = Person.objects.create(name="سيرغي لافروف", name_en="Sergey Lavrov", slug="sergey-lavrov")
    kerry = Person.objects.create(name="جون كيري", name_en="John Kerry", slug="john-kerry")

    talks = make_article("لافروف في جنيف", "وصل الوفد من موسكو. وقال لافروف في جنيف إن الهدنة في حلب يجب أن تصمد.",
                         sources[0], date(2016, 5, 3), [moscow, geneva, aleppo])
    lavrov_on_aleppo = say(talks, lavrov, "الهدنة في حلب يجب أن تصمد", about=[aleppo], place=geneva)
    blame = make_article("كيري يحمّل موسكو المسؤولية", "قال كيري إن موسكو تتحمل المسؤولية.", sources[1],
                         date(2016, 5, 10), [moscow])
    kerry_on_moscow = say(blame, kerry, "موسكو تتحمل المسؤولية", about=[moscow])

    group = ReportGroup.objects.create()
    reports = []
    for day, (source, opening) in enumerate(zip(sources, ("عاجل:", "في تصريح من موسكو،", "وفي حلب نفسها،")), start=1):
        article = make_article(f"كيري يطالب بوقف القصف ({source.name_en})", f"{opening} قال كيري: {WIRE_WORDS}.",
                               source, date(2016, 6, day), [aleppo, moscow] if "موسكو" in opening else [aleppo])
        reports.append(say(article, kerry, WIRE_WORDS, about=[aleppo], group=group))
    return {"lavrov_on_aleppo": lavrov_on_aleppo, "kerry_on_moscow": kerry_on_moscow, "reports": reports}


def by_slug(rows):
    return {row["slug"]: row["count"] for row in rows}


# -- what a statement is about ----------------------------------------------------------

def test_a_statement_belongs_to_the_place_it_names_not_to_every_place_of_its_article(client, archive):
    aleppo = get_json(client, "/cities/aleppo/?format=json")
    moscow = get_json(client, "/cities/moscow/?format=json")
    lavrov = archive["lavrov_on_aleppo"]
    assert lavrov.pk in {s["id"] for s in aleppo["statements"]}
    assert lavrov.pk not in {s["id"] for s in moscow["statements"]}
    assert "sergey-lavrov" in by_slug(aleppo["speakers"])
    assert by_slug(moscow["speakers"]) == {"john-kerry": 1}  # the article naming Moscow does not make Lavrov speak of it
    assert moscow["statement_count"] == 1
    # Article counts keep their meaning: the articles naming the place.
    assert moscow["article_count"] == Article.objects.filter(places__slug="moscow").count() == 3
    html = client.get("/cities/moscow/").content.decode()
    assert 'href="/actors/sergey-lavrov/"' not in html


def test_a_statement_said_in_a_place_belongs_to_it(client, archive):
    geneva = get_json(client, "/cities/geneva/?format=json")
    assert geneva["statement_count"] == 1
    assert by_slug(geneva["speakers"]) == {"sergey-lavrov": 1}


def test_an_actors_places_are_those_they_spoke_about_or_in(client, archive):
    lavrov = get_json(client, "/actors/sergey-lavrov/?format=json")
    assert by_slug(lavrov["places"]) == {"aleppo": 1, "geneva": 1}  # not Moscow, which only the article names
    kerry = get_json(client, "/actors/john-kerry/?format=json")
    assert by_slug(kerry["places"]) == {"aleppo": 1, "moscow": 1}  # the three reports count once


# -- one statement, three reports --------------------------------------------------------

def test_three_reports_of_one_statement_count_once(client, archive):
    kerry = get_json(client, "/actors/john-kerry/?format=json")
    assert kerry["statement_count"] == 2
    assert kerry["timeline"] == [{"month": "2016-05", "count": 1}, {"month": "2016-06", "count": 1}]
    assert kerry["article_count"] == 4  # articles stay articles: each report's article names him
    aleppo = get_json(client, "/cities/aleppo/?format=json")
    assert aleppo["statement_count"] == 2
    assert by_slug(aleppo["speakers"]) == {"john-kerry": 1, "sergey-lavrov": 1}
    assert aleppo["article_count"] == 4
    home = get_json(client, "/?format=json")
    assert home["figures"]["statements"] == 3 and home["figures"]["articles"] == 5
    assert by_slug(home["most_quoted"]["results"]) == {"john-kerry": 2, "sergey-lavrov": 1}
    actors = {row["slug"]: row["statement_count"] for row in get_json(client, "/actors/?format=json")["results"]}
    cities = {row["slug"]: row["statement_count"] for row in get_json(client, "/cities/?format=json")["results"]}
    assert actors == {"john-kerry": 2, "sergey-lavrov": 1}
    assert cities == {"aleppo": 2, "moscow": 1, "geneva": 1}


def test_the_latest_statements_show_a_reported_statement_once_with_its_reports(client, archive):
    reports = archive["reports"]
    kerry = get_json(client, "/actors/john-kerry/?format=json")
    wire = [s for s in kerry["statements"] if s["text"] == WIRE_WORDS]
    assert len(wire) == 1 and wire[0]["id"] == reports[0].pk  # the first report stands for the statement
    assert [r["article"]["id"] for r in wire[0]["reports"]] == [r.article_id for r in reports]

    html = client.get("/en/actors/john-kerry/").content.decode()
    assert html.count('class="said"') == 2
    summary = re.search(r'<details class="said-reports">\s*<summary>(.*?)</summary>(.*?)</details>', html, re.S)
    assert summary, "the reports are listed"
    assert summary.group(1) == "Reported in 3 articles, first on 2016-06-01 by Enab Baladi"
    for report in reports:
        assert f'href="/en/articles/{report.article_id}/#statement-{report.pk}"' in summary.group(2)
    assert "Each statement counts once, however many articles report it." in html

    arabic = client.get("/cities/aleppo/").content.decode()
    assert "نُقل في 3 مقالات" in arabic and "يُحسب كل تصريح مرة واحدة" in arabic
    for report in reports:
        assert f'href="/articles/{report.article_id}/#statement-{report.pk}"' in arabic
    for path in ("/", "/actors/", "/cities/"):
        assert "يُحسب كل تصريح مرة واحدة" in client.get(path).content.decode(), path


def test_a_statement_reported_across_a_months_end_is_one_bar_of_its_first_report(client, archive):
    # The timeline's months add up to the statement count (the JSON's contract): a group counts once.
    last = archive["reports"][-1].article
    last.published = date(2016, 7, 1)
    last.save()
    kerry = get_json(client, "/actors/john-kerry/?format=json")
    assert kerry["timeline"] == [{"month": "2016-05", "count": 1}, {"month": "2016-06", "count": 1}]
    assert sum(bar["count"] for bar in kerry["timeline"]) == kerry["statement_count"] == 2


def test_a_report_that_alone_names_the_place_brings_its_statement(client, archive):
    # Extraction may find the place in one report only: the statement is about it once, dated by that report.
    first, second, third = archive["reports"]
    for report in (first, second):
        report.mentioned_places.clear()
    aleppo = get_json(client, "/cities/aleppo/?format=json")
    assert aleppo["statement_count"] == 2
    shown = [s for s in aleppo["statements"] if s["text"] == WIRE_WORDS]
    assert [s["id"] for s in shown] == [third.pk]
    assert len(shown[0]["reports"]) == 3


def test_profile_pages_with_reports_take_a_fixed_number_of_queries(client, archive, django_assert_max_num_queries):
    for path in ("/actors/john-kerry/", "/en/actors/john-kerry/", "/cities/aleppo/", "/actors/", "/cities/", "/"):
        with django_assert_max_num_queries(16):
            client.get(path)


def test_counting_runs_in_the_database(archive, django_assert_max_num_queries):
    # One grouped query for all places, whatever the number of statements.
    expected = {Place.objects.get(slug=slug).pk: n for slug, n in (("aleppo", 2), ("moscow", 1), ("geneva", 1))}
    with django_assert_max_num_queries(1):
        counted = dict(explore.statements_per_place())
    assert counted == expected


# -- every count is its search's count ---------------------------------------------------
# These need the search to use the same rule (city facet = the places a statement names and
# where it was said; each report group once): search/search_indexes.py and search/distinct.py.

def search_count(client, **params):
    return get_json(client, SearchParams(**params).url() + "&format=json")["count"]


def test_each_count_on_a_page_is_the_count_of_the_search_it_links(client, archive, search_index):
    search_index()
    for path, facet in (("/actors/john-kerry/", "actor"), ("/actors/sergey-lavrov/", "actor"),
                        ("/cities/aleppo/", "city"), ("/cities/moscow/", "city"), ("/cities/geneva/", "city")):
        data = get_json(client, f"{path}?format=json")
        assert get_json(client, data["search"]["statements"] + "&format=json")["count"] == data["statement_count"], path
        assert get_json(client, data["search"]["articles"] + "&format=json")["count"] == data["article_count"], path
        for bar in data["timeline"]:
            first = date.fromisoformat(f"{bar['month']}-01")
            last = first.replace(day=calendar.monthrange(first.year, first.month)[1])
            assert search_count(client, type="statements", date_from=first, date_to=last,
                                **{facet: (data["slug"],)}) == bar["count"], (path, bar)
        other = "city" if facet == "actor" else "actor"
        for row in data["places"] if facet == "actor" else data["speakers"]:
            assert search_count(client, type="statements", **{facet: (data["slug"],), other: (row["slug"],)}) == row["count"], (path, row)
    home = get_json(client, "/?format=json")
    assert search_count(client, type="statements") == home["figures"]["statements"]
    year = home["most_quoted"]["year"]
    for row in home["most_quoted"]["results"]:
        assert search_count(client, type="statements", actor=(row["slug"],), date_from=date(year, 1, 1),
                            date_to=date(year, 12, 31)) == row["count"], row
