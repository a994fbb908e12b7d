"""A statement search for a place or a person finds what was said about it or there, not near it."""
import re
from datetime import date

import pytest

from archive.models import Article, Person, Place, ReportGroup, Source, Statement
from search.params import SearchParams


def person(slug, name, *aliases):
    found = Person.objects.create(name=name, slug=slug)
    for alias in aliases:
        found.aliases.create(name=alias)
    return found


def place(slug, name):
    found = Place.objects.create(name=name, slug=slug)
    found.aliases.create(name=name)
    return found


def article(title, body, published, source=None, places=()):
    made = Article.objects.create(title=title, body=body, published=published, source=source)
    made.places.add(*places)
    return made


def said(article, speaker, words, about=(), naming=(), there=None):
    start = article.body.index(words)
    statement = Statement.objects.create(article=article, speaker=speaker, text=words, start=start,
                                         end=start + len(words), place=there)
    statement.mentioned_places.add(*about)
    statement.mentioned_people.add(*naming)
    return statement


@pytest.fixture
def archive(db):
    lavrov = person("sergey-lavrov", "سيرغي لافروف", "لافروف")
    kerry = person("john-kerry", "جون كيري", "كيري")
    aleppo, moscow, geneva = place("aleppo", "حلب"), place("moscow", "موسكو"), place("geneva", "جنيف")
    wire, daily = (Source.objects.create(name=name, slug=slug)
                   for slug, name in (("wire", "وكالة الأنباء"), ("daily", "الصحيفة اليومية")))
    talks = article(
        "لافروف يتحدث عن حلب وجولة المحادثات",
        "وصل الوزير إلى موسكو مساء الأحد. وقال لافروف إن القصف على أحياء حلب الشرقية يجب أن يتوقف فورا. "
        "وأضاف أن العاصمة مستعدة لاستضافة جولة جديدة من المفاوضات الشهر المقبل.",
        date(2016, 5, 9), wire, [moscow, aleppo])
    truce = article(
        "كيري من جنيف: الهدنة للجميع",
        "قال كيري في جنيف إن الهدنة يجب أن تشمل كل الأطراف دون استثناء. "
        "وتابع أن المساعدات إلى حلب لن تنتظر أكثر، وأن نظيره الروسي وعد بفتح الطرق.",
        date(2016, 5, 10), daily, [geneva, aleppo])
    return {
        "lavrov_on_aleppo": said(talks, lavrov, "القصف على أحياء حلب الشرقية يجب أن يتوقف فورا", about=[aleppo]),
        "lavrov_on_talks": said(talks, lavrov, "العاصمة مستعدة لاستضافة جولة جديدة من المفاوضات الشهر المقبل"),
        "kerry_in_geneva": said(truce, kerry, "الهدنة يجب أن تشمل كل الأطراف دون استثناء", there=geneva),
        "kerry_on_aleppo": said(truce, kerry, "المساعدات إلى حلب لن تنتظر أكثر، وأن نظيره الروسي وعد بفتح الطرق",
                                about=[aleppo], naming=[lavrov]),
    }


def found(client, **params):
    data = client.get("/search/", {**params, "format": "json"}, follow=True).json()
    return data, [result["id"] for result in data["results"]]


def test_the_place_filter_finds_what_was_said_about_it_not_what_its_article_also_mentions(client, archive, search_index):
    search_index()
    _, about_aleppo = found(client, type="statements", city="aleppo")
    _, about_moscow = found(client, type="statements", city="moscow")
    assert set(about_aleppo) == {archive["lavrov_on_aleppo"].pk, archive["kerry_on_aleppo"].pk}
    assert archive["lavrov_on_aleppo"].pk not in about_moscow  # its article names Moscow, its words do not
    assert about_moscow == []
    _, said_in_geneva = found(client, type="statements", city="geneva")
    assert said_in_geneva == [archive["kerry_in_geneva"].pk]  # said there, though its words name no place


def test_article_search_keeps_the_places_its_articles_mention(client, archive, search_index):
    search_index()
    data, _ = found(client, city="moscow")
    assert [result["title"] for result in data["results"]] == ["لافروف يتحدث عن حلب وجولة المحادثات"]


def test_a_place_typed_in_a_statement_search_ranks_statements_naming_it_first(client, archive, search_index):
    aleppo = Place.objects.get(slug="aleppo")
    Statement.objects.filter(pk=archive["kerry_in_geneva"].pk).update(place=aleppo)  # now said in Aleppo
    Article.objects.get(pk=archive["kerry_in_geneva"].article_id).save()
    search_index()
    _, ids = found(client, q="حلب", type="statements")
    naming = {archive["lavrov_on_aleppo"].pk, archive["kerry_on_aleppo"].pk}
    assert set(ids[:2]) == naming
    assert ids[2:] == [archive["kerry_in_geneva"].pk]  # said there, about something else: after them


def test_a_person_and_a_place_give_what_that_person_said_about_that_place(client, archive, search_index):
    search_index()
    _, ids = found(client, q="حلب", type="statements", actor="sergey-lavrov")
    assert ids == [archive["lavrov_on_aleppo"].pk]


def test_a_person_typed_in_a_statement_search_finds_statements_naming_them_by_a_reference(client, archive, search_index):
    search_index()
    _, ids = found(client, q="لافروف", type="statements")
    # Lavrov's own statements, and Kerry's that calls him "his Russian counterpart" first.
    assert archive["kerry_on_aleppo"].pk in ids
    assert set(ids) == {archive["lavrov_on_aleppo"].pk, archive["lavrov_on_talks"].pk, archive["kerry_on_aleppo"].pk}
    assert ids[0] == archive["kerry_on_aleppo"].pk


@pytest.mark.parametrize("query", [{}, {"q": "حلب"}, {"q": "لافروف"}])
def test_every_statement_facet_count_equals_the_results_after_clicking_it(client, archive, search_index, query):
    search_index()
    data, _ = found(client, type="statements", **query)
    checked = 0
    for facet in ("actor", "city", "source"):
        for value in data["facets"][facet]:
            clicked, _ = found(client, type="statements", **query, **{facet: value["value"]})
            assert clicked["count"] == value["count"], (facet, value)
            checked += 1
    assert checked >= 4


def reports_of_one_statement(lavrov):
    """The same Lavrov sentence in three outlets' copy, each with its own clause around it."""
    quote = "لا حل عسكريا للأزمة في سوريا والحوار هو الطريق الوحيد"
    bodies = (
        ("وكالة", date(2016, 5, 9), f"قال لافروف في مؤتمر صحفي: «{quote}». ولم يعلق على أسئلة أخرى."),
        ("صحيفة", date(2016, 5, 9), f"جدد وزير الخارجية الروسي موقف بلاده، وقال لافروف \"{quote}\" بحسب ما نقلت وكالات."),
        ("قناة", date(2016, 5, 10), f"في موسكو، أكد لافروف أنه «{quote}»، مضيفا أن الاتصالات مستمرة."),
    )
    group = ReportGroup.objects.create()
    reports = []
    for name, published, body in bodies:
        source = Source.objects.create(name=name, slug=f"outlet-{len(reports)}")
        report = said(article(f"تقرير {name}", body, published, source), lavrov, quote)
        reports.append(report)
    Statement.objects.filter(pk__in=[r.pk for r in reports]).update(report_group=group)
    for report in reports:
        report.article.save()  # as the grouping does: the index learns the group
    return reports


def test_a_statement_reported_by_three_outlets_shows_once_with_three_reports(client, archive, search_index):
    reports = reports_of_one_statement(Person.objects.get(slug="sergey-lavrov"))
    search_index()
    data, ids = found(client, q="الحوار", type="statements")
    assert data["count"] == 1 and len(ids) == 1 and ids[0] in {r.pk for r in reports}
    listed = data["results"][0]["reports"]
    assert [r["article"]["id"] for r in listed] == [r.article_id for r in reports]  # earliest first
    assert listed[0]["published"] == "2016-05-09"
    for value in data["facets"]["source"]:  # each outlet counts the statement once, as clicking it shows
        clicked, _ = found(client, q="الحوار", type="statements", source=value["value"])
        assert clicked["count"] == value["count"] == 1
    assert data["facets"]["actor"] == [{"value": "sergey-lavrov", "label": "سيرغي لافروف", "count": 1}]
    lavrov_all, _ = found(client, type="statements", actor="sergey-lavrov")
    assert lavrov_all["count"] == 3  # two statements of his own, and the one reported three times
    page = client.get("/en/search/", {"q": "الحوار", "type": "statements"}).content.decode()
    assert "Reported in 3 articles" in page
    assert all(f'href="{r.get_absolute_url()}"' in page for r in reports)


def test_articles_still_count_each_report(client, archive, search_index):
    reports_of_one_statement(Person.objects.get(slug="sergey-lavrov"))
    search_index()
    data, _ = found(client, q="الحوار")
    assert data["count"] == 3


def test_an_old_bookmark_of_a_statement_search_still_opens(client, archive, search_index):
    search_index()
    url = SearchParams(type="statements", city=("aleppo",), q="حلب").url()
    response = client.get(url)
    assert response.status_code == 200
    assert re.search(r'data-count="2"', response.content.decode())


def test_the_measure_of_place_searches_reports_results_naming_and_precision(archive, search_index):
    from io import StringIO

    from django.core.management import call_command

    search_index()
    out = StringIO()
    call_command("evaluate_subjects", "حلب", "جنيف", stdout=out)
    rows = {line.split()[0]: line.split()[1:] for line in out.getvalue().splitlines()[1:]}
    assert rows["حلب"] == ["2", "2", "1.00", "0"]
    assert rows["جنيف"] == ["1", "0", "0.00", "1"]  # said in Geneva, its words name no place
