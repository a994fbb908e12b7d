"""Actor, city and home pages with their JSON: every count checked against the archive and against search."""
import re
from collections import Counter
from datetime import date

import pytest
from django.db.models import Q

from archive.models import Article, Person, Place, Source, Statement
from search.params import SearchParams

pytestmark = pytest.mark.django_db
CONTRACT_STATEMENT = {"type", "id", "text", "speaker", "article", "published", "snippet_html"}


def get_json(client, url):
    response = client.get(url)
    assert response.status_code == 200, (url, response.content[:300])
    return response.json()


def month_of(statement):
    published = statement.article.published
    return published.strftime("%Y-%m") if published else None


def articles_of(person):
    return Article.objects.filter(Q(people=person) | Q(statements__speaker=person)).distinct()


def statements_about(place):
    """What a place's page counts: statements whose own words name it or said there (not every place of the article)."""
    return Statement.objects.filter(Q(mentioned_places=place) | Q(place=place)).distinct()


def distinct(statements):
    """Distinct statements, counted apart from the database's way: the reports of one statement count once."""
    return len({("group", s.report_group_id) if s.report_group_id else ("alone", s.pk) for s in statements})


def month_range(month):
    first = date.fromisoformat(f"{month}-01")
    following = date(first.year + first.month // 12, first.month % 12 + 1, 1)
    return first, date.fromordinal(following.toordinal() - 1)


# -- actors ---------------------------------------------------------------------------

def test_each_actors_counts_equal_the_archive(client, seeded):
    speakers = Person.objects.filter(statements__isnull=False).distinct()
    assert speakers.count() > 5
    for person in speakers:
        data = get_json(client, f"/actors/{person.slug}/?format=json")
        said = Statement.objects.filter(speaker=person).select_related("article")
        assert data["statement_count"] == distinct(said) > 0
        assert data["article_count"] == articles_of(person).count()
        assert sum(bar["count"] for bar in data["timeline"]) == data["statement_count"]
        assert {bar["month"]: bar["count"] for bar in data["timeline"]} == dict(Counter(month_of(s) for s in said))
        assert [bar["month"] for bar in data["timeline"]] == sorted(bar["month"] for bar in data["timeline"])
        for place in data["places"]:
            assert place["count"] == distinct(said.filter(Q(mentioned_places__slug=place["slug"]) | Q(place__slug=place["slug"])).distinct())
        for other in data["co_mentioned"]:
            assert other["slug"] != person.slug
            assert other["count"] == articles_of(person).filter(people__slug=other["slug"]).count()
        assert len(data["statements"]) == min(10, distinct(said))
        assert all(s["speaker"]["slug"] == person.slug and set(s) >= CONTRACT_STATEMENT for s in data["statements"])
        newest = [s["published"] for s in data["statements"]]
        assert newest == sorted(newest, reverse=True)


def test_actor_json_has_the_contract_fields(client, seeded):
    data = get_json(client, "/actors/john-kerry/?format=json")
    assert set(data) >= {"slug", "name", "name_en", "aliases", "role", "article_count", "statement_count", "timeline",
                         "places", "co_mentioned", "statements"}
    assert (data["slug"], data["name"], data["name_en"]) == ("john-kerry", "جون كيري", "John Kerry")
    assert {"كيري", "Kerry"} <= set(data["aliases"])
    assert data["role"] == Person.objects.get(slug="john-kerry").role
    assert all(set(row) >= {"slug", "name", "count"} for row in data["places"] + data["co_mentioned"])
    assert data["places"] == sorted(data["places"], key=lambda row: -row["count"])
    first = data["statements"][0]
    statement = Statement.objects.get(pk=first["id"])
    assert first["url"] == f"/articles/{statement.article_id}/#statement-{statement.pk}"
    assert first["article"] == {"id": statement.article_id, "url": f"/articles/{statement.article_id}/",
                                "title": statement.article.title}


def test_actor_page_shows_profile_timeline_places_and_statements(client, seeded):
    person = Person.objects.get(slug="sergey-lavrov")
    data = get_json(client, "/actors/sergey-lavrov/?format=json")
    html = client.get("/actors/sergey-lavrov/").content.decode()
    assert '<h1 id="profile-name">سيرغي لافروف</h1>' in html
    assert "Sergey Lavrov" in html and person.role in html
    assert f'data-count="{data["statement_count"]}"' in html
    bars = re.findall(r'<a href="([^"]+)" aria-label="([^"]+)" class="chart-bar[^"]*" data-month="([^"]+)" data-count="(\d+)"', html)
    assert [(month, int(count)) for _, _, month, count in bars] == [(b["month"], b["count"]) for b in data["timeline"]]
    for href, label, month, count in bars:
        first, last = month_range(month)
        expected = SearchParams(type="statements", actor=("sergey-lavrov",), date_from=first, date_to=last).url()
        assert href.replace("&amp;", "&") == expected
        assert label.startswith(f"{month}: {count} ")
    assert 'role="img"' in html and "<title id=\"timeline-chart-title\">" in html
    for place in data["places"]:
        assert f'href="/cities/{place["slug"]}/"' in html
    for statement in data["statements"]:
        assert f'href="{statement["url"]}"' in html  # "who said what" links to the words in the article


def test_timeline_bars_open_searches_that_find_exactly_their_statements(client, seeded, search_index):
    search_index()
    for path, facet in (("/actors/john-kerry/", "actor"), ("/cities/aleppo/", "city")):
        data = get_json(client, f"{path}?format=json")
        slug = data["slug"]
        assert get_json(client, data["search"]["statements"] + "&format=json")["count"] == data["statement_count"]
        articles_search = data["search"]["articles"] + "&format=json"
        assert get_json(client, articles_search)["count"] == data["article_count"]
        for bar in data["timeline"]:
            first, last = month_range(bar["month"])
            url = SearchParams(type="statements", date_from=first, date_to=last, **{facet: (slug,)}).url()
            assert get_json(client, url + "&format=json")["count"] == bar["count"], (path, bar)
        related = data["places"] if facet == "actor" else data["speakers"]
        other = "city" if facet == "actor" else "actor"
        for row in related:
            url = SearchParams(type="statements", **{facet: (slug,), other: (row["slug"],)}).url()
            assert get_json(client, url + "&format=json")["count"] == row["count"], (path, row)


# -- cities ---------------------------------------------------------------------------

def test_each_places_counts_equal_the_archive(client, seeded):
    places = Place.objects.filter(Q(articles__isnull=False) | Q(statements__isnull=False) | Q(mentioned_in__isnull=False)).distinct()
    assert places.count() > 10
    for place in places:
        data = get_json(client, f"/cities/{place.slug}/?format=json")
        about = statements_about(place)
        assert data["statement_count"] == distinct(about)
        assert data["article_count"] == Article.objects.filter(places=place).count()
        assert sum(bar["count"] for bar in data["timeline"]) == data["statement_count"]
        assert {b["month"]: b["count"] for b in data["timeline"]} == dict(Counter(month_of(s) for s in about.select_related("article")))
        for speaker in data["speakers"]:
            assert speaker["count"] == distinct(about.filter(speaker__slug=speaker["slug"]))
        for other in data["co_mentioned"]:
            assert other["count"] == Article.objects.filter(places=place).filter(places__slug=other["slug"]).count()
        assert all(set(s) >= CONTRACT_STATEMENT for s in data["statements"])


def test_city_json_has_speakers_in_place_of_places(client, seeded):
    data = get_json(client, "/cities/aleppo/?format=json")
    assert set(data) >= {"slug", "name", "name_en", "aliases", "article_count", "statement_count", "timeline",
                         "speakers", "co_mentioned", "statements"}
    assert "places" not in data
    assert (data["name"], data["name_en"]) == ("حلب", "Aleppo")
    assert data["speakers"][0]["slug"] == "john-kerry"


# -- the lists ------------------------------------------------------------------------

@pytest.mark.parametrize("path, model", [("/actors/", Person), ("/cities/", Place)])
def test_lists_answer_every_row_with_its_counts(client, seeded, path, model):
    rows = get_json(client, f"{path}?format=json")["results"]
    assert rows and all(set(row) >= {"slug", "name", "name_en", "article_count", "statement_count"} for row in rows)
    for row in rows:
        detail = get_json(client, f"{path}{row['slug']}/?format=json")
        assert (row["article_count"], row["statement_count"]) == (detail["article_count"], detail["statement_count"])
    listed = {row["slug"] for row in rows}
    named = model.objects.filter(articles__isnull=False).values_list("slug", flat=True)
    assert set(named) <= listed
    assert [row["statement_count"] for row in rows] == sorted((row["statement_count"] for row in rows), reverse=True)
    html = client.get(path).content.decode()
    assert all(f'href="{path}{row["slug"]}/"' in html for row in rows)


# -- refusals, escaping, edge cases ---------------------------------------------------

@pytest.mark.parametrize("path", ["/actors/nobody/", "/cities/atlantis/", "/actors/<script>/", "/en/actors/nobody/"])
def test_an_unknown_slug_is_a_404_page(client, seeded, path):
    response = client.get(path)
    assert response.status_code == 404
    assert "<h1>" in response.content.decode()


@pytest.mark.parametrize("path", ["/", "/actors/", "/cities/", "/actors/john-kerry/", "/cities/aleppo/"])
def test_an_unknown_format_is_a_clear_400(client, seeded, path):
    response = client.get(f"{path}?format=xml")
    assert response.status_code == 400
    assert "Unknown format “xml”. This page answers: html, json." in response.content.decode()


@pytest.fixture
def hostile(db):
    source = Source.objects.create(name="<b>مصدر</b>", slug="hostile-source")
    person = Person.objects.create(name="<script>alert(1)</script>", name_en="<i>Mr</i>", slug="hostile", role="<u>دور</u>")
    place = Place.objects.create(name="<img src=x onerror=alert(1)>", slug="hostile-place")
    body = "قال المتحدث إن <em>الوضع</em> صعب جدا."
    article = Article.objects.create(title="<svg onload=alert(1)>", body=body, source=source)  # no date
    words = "<em>الوضع</em> صعب"
    Statement.objects.create(article=article, speaker=person, text=words, start=body.index(words),
                             end=body.index(words) + len(words), place=place)
    return person


def test_stored_markup_is_shown_as_text(client, hostile):
    for path in ("/actors/hostile/", "/en/actors/hostile/", "/cities/hostile-place/", "/actors/", "/"):
        html = client.get(path).content.decode()
        for raw in ("<script>alert(1)</script>", "<i>Mr</i>", "<img src=x", "<svg onload", "<em>الوضع</em>", "<u>دور</u>"):
            assert raw not in html, (path, raw)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in client.get("/actors/hostile/").content.decode()


def test_undated_statements_are_counted_apart(client, hostile):
    data = get_json(client, "/actors/hostile/?format=json")
    assert data["timeline"] == [{"month": None, "count": 1}]
    assert data["statement_count"] == 1
    html = client.get("/actors/hostile/").content.decode()
    assert "chart-bar" not in html


def test_saving_a_statement_names_its_speaker_and_place_in_the_article(hostile):
    statement = Statement.objects.get(speaker=hostile)
    article = statement.article
    assert list(article.people.all()) == [hostile]
    assert list(article.places.all()) == [statement.place]


def test_pages_take_a_fixed_number_of_queries(client, seeded, django_assert_max_num_queries):
    for path in ("/actors/john-kerry/", "/cities/aleppo/", "/actors/", "/cities/", "/"):
        with django_assert_max_num_queries(16):
            client.get(path)


# -- home -----------------------------------------------------------------------------

def test_home_shows_figures_latest_and_most_quoted_of_the_latest_year(client, seeded):
    data = get_json(client, "/?format=json")
    figures = data["figures"]
    assert figures["articles"] == Article.objects.count() == 5
    assert figures["statements"] == distinct(Statement.objects.all())
    assert figures["speakers"] == Person.objects.filter(statements__isnull=False).distinct().count()
    assert (figures["first"], figures["last"]) == ("2016-04-30", "2016-10-04")
    assert [a["id"] for a in data["latest"]] == list(Article.objects.order_by("-published", "-id").values_list("pk", flat=True))
    quoted = data["most_quoted"]
    assert quoted["year"] == 2016  # nothing said this year is archived: the latest year that has statements
    for row in quoted["results"]:
        assert row["count"] == distinct(Statement.objects.filter(speaker__slug=row["slug"], article__published__year=2016))
    assert quoted["results"][0]["slug"] == "john-kerry"
    html = client.get("/").content.decode()
    assert 'role="search"' in html and 'for="search-q"' in html
    assert "الأكثر تصريحًا في 2016" in html
    assert f'data-count="{figures["statements"]}"' in html
    kerry = SearchParams(type="statements", actor=("john-kerry",), date_from=date(2016, 1, 1), date_to=date(2016, 12, 31))
    assert f'href="{kerry.url().replace("&", "&amp;")}"' in html


# -- the statements view of search ----------------------------------------------------

def test_statement_results_read_who_said_what_where_when(client, seeded, search_index):
    search_index()
    data = get_json(client, "/search/?type=statements&actor=john-kerry&format=json")
    html = client.get("/search/?type=statements&actor=john-kerry").content.decode()
    for result in data["results"]:
        assert {"place", "said_on"} <= set(result)
        assert f'href="{result["url"]}"' in html  # the quote's place in the article
        assert f'href="{result["article"]["url"]}"' in html
    assert html.count('class="said"') == len(data["results"])
    assert html.count('href="/actors/john-kerry/"') >= len(data["results"])
    placed = next(r for r in data["results"] if r["place"])
    assert f'href="/cities/{placed["place"]["slug"]}/"' in html


def test_the_month_facet_is_a_histogram_whose_bars_set_the_date_range(client, seeded, search_index):
    search_index()
    data = get_json(client, "/search/?type=statements&format=json")
    html = client.get("/search/?type=statements").content.decode()
    facet = html[html.index('class="facet facet-month"'):]
    bars = re.findall(r'<a href="([^"]+)" aria-label="[^"]+" class="chart-bar[^"]*" data-month="([^"]+)" data-count="(\d+)"', facet)
    assert [(m, int(c)) for _, m, c in bars] == [(m["value"], m["count"]) for m in data["facets"]["month"]]
    for href, month, count in bars:
        narrowed = get_json(client, href.replace("&amp;", "&") + "&format=json")
        assert narrowed["count"] == int(count)
        first, last = month_range(month)
        assert f"from={first}&amp;to={last}" in href


def test_bench_pages_times_the_busiest_actor_and_place(seeded):
    from io import StringIO

    from django.core.management import call_command

    out = StringIO()
    call_command("bench_pages", runs=2, lists=True, stdout=out)
    lines = out.getvalue().splitlines()
    assert lines[0].startswith("Archive: 5 articles")
    timed = [line.split()[0] for line in lines[1:]]
    city = timed[2]  # one of the places most articles name
    most = Place.objects.filter(slug=city[len("/cities/"):-1]).values_list("articles", flat=True).count()
    assert most == max(Article.objects.filter(places=p).count() for p in Place.objects.all())
    assert timed == ["/actors/john-kerry/", "/actors/john-kerry/?format=json", city, f"{city}?format=json",
                     "/actors/", "/actors/?format=json", "/cities/", "/cities/?format=json"]
    assert all(" p50 " in line and " p95 " in line for line in lines[1:])
