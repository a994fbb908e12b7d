"""One statement reported by several outlets is one group of reports; editors merge and split, regrouping obeys."""
from datetime import date

import pytest

from archive.models import Article, Person, ReportGroup, Statement
from archive.reports import merge, regroup, regroup_all, split
from search.models import IndexChange

from .admin_forms import article_form

QUOTE = "الحكومة السورية والمعارضة يجب أن تعودا إلى طاولة المفاوضات في جنيف دون شروط مسبقة"
OTHER_QUOTE = "الغارات على المستشفيات في حلب يجب أن تتوقف فورا، ومن يقف وراءها يجب أن يحاسب"
REPORTS = [  # (source, published, body): three outlets, three cues, one truncation
    ("rt", "2016-06-01", f"قال وزير الخارجية الروسي سيرغي لافروف إن «{QUOTE}».\n\n"
                         "وجاء كلامه خلال مؤتمر صحفي في موسكو مع نظيره الأردني."),
    ("sputnik", "2016-06-02", f"أكد وزير الخارجية الروسي سيرغي لافروف في مؤتمر صحفي أن \"{QUOTE}\"، مضيفا أن موسكو "
                              "ستدعم أي جولة جديدة من المحادثات.\n\nولم يحدد موعدا للجولة."),
    ("arab48", "2016-06-03", "دعت روسيا إلى استئناف المحادثات السورية.\n\n"
                             "وقال لافروف: «الحكومة السورية والمعارضة يجب أن تعودا إلى طاولة المفاوضات في جنيف».\n\n"
                             "وتعثرت الجولة الأخيرة في نيسان."),
]
SAME_DAY_OTHER = ("rt", "2016-06-01", f"قال وزير الخارجية الروسي سيرغي لافروف إن «{OTHER_QUOTE}».\n\n"
                                      "وجاء ذلك في بيان نشرته الخارجية الروسية.")


def imported(importer, source, published, body):
    saved = importer.save(body, title=f"{source} {published}", published=published, source=source)
    return saved.article


def lavrov_in(article, words=QUOTE[:20]):
    return article.statements.get(speaker__slug="sergey-lavrov", text__startswith=words)


@pytest.fixture
def reports(importer):
    """The three reports of one quote and, the same day, the speaker's other statement."""
    articles = [imported(importer, *report) for report in REPORTS]
    other = imported(importer, *SAME_DAY_OTHER)
    return [lavrov_in(a) for a in articles], lavrov_in(other, OTHER_QUOTE[:20])


def test_three_outlets_reporting_one_quote_make_one_group(reports):
    quotes, _ = reports
    group = ReportGroup.objects.get()
    assert set(group.statements.all()) == set(quotes)
    assert len({q.article.source_id for q in quotes}) == 3
    assert not any(q.grouped_by_editor for q in Statement.objects.filter(pk__in=[q.pk for q in quotes]))
    recorded = set(IndexChange.objects.values_list("article_id", flat=True))
    assert {q.article_id for q in quotes} <= recorded  # bulk updates: the index change is recorded by hand


def test_the_speakers_other_statement_that_day_stays_alone(reports):
    _, other = reports
    other.refresh_from_db()
    assert other.report_group is None
    assert Statement.objects.filter(report_group__isnull=False).count() == 3


def test_a_search_shows_the_quote_once_with_its_three_reports_and_the_other_statement_apart(client, reports,
                                                                                          search_index):
    quotes, other = reports
    search_index()
    june = {"type": "statements", "actor": "sergey-lavrov", "from": "2016-06-01", "to": "2016-06-30"}
    data = client.get("/search/", {**june, "format": "json"}, follow=True).json()
    ids = [result["id"] for result in data["results"]]
    # The quote once, the other statement, and what the second outlet added after the quote.
    assert data["count"] == len(ids) == 3
    assert other.pk in ids and len(set(ids) & {q.pk for q in quotes}) == 1
    shown = next(result for result in data["results"] if result["id"] in {q.pk for q in quotes})
    assert [r["article"]["id"] for r in shown["reports"]] == [q.article_id for q in quotes]
    assert [r["source"]["slug"] for r in shown["reports"]] == ["rt", "sputnik", "arab48"]
    page = client.get("/en/search/", june, follow=True).content.decode()
    assert "Reported in 3 articles, first on 2016-06-01 by RT Arabic" in page


def test_the_same_quote_two_weeks_later_is_another_statement(importer, reports):
    late = imported(importer, "sputnik", "2016-06-20", REPORTS[1][2].replace("مؤتمر صحفي", "مقابلة تلفزيونية"))
    assert lavrov_in(late).report_group is None


def test_regrouping_everything_changes_nothing_that_is_right(reports):
    before = sorted(Statement.objects.filter(report_group__isnull=False).values_list("pk", "report_group_id"))
    assert regroup_all() == set()
    assert sorted(Statement.objects.filter(report_group__isnull=False).values_list("pk", "report_group_id")) == before


def test_regroup_all_finds_groups_lost_or_never_made(reports):
    quotes, _ = reports
    Statement.objects.update(report_group=None)
    ReportGroup.objects.all().delete()
    changed = regroup_all()
    assert changed == {q.article_id for q in quotes}
    assert ReportGroup.objects.get().statements.count() == 3


def run_action(client, action, statements):
    return client.post("/admin/archive/statement/", {"action": action, "_selected_action": [s.pk for s in statements]},
                       follow=True)


def test_editors_split_and_merge_in_the_admin_and_regrouping_obeys(editor_client, reports):
    (first, second, third), other = reports
    group = ReportGroup.objects.get()

    response = run_action(editor_client, "merge_reports", [first, other])
    assert "Merged 2 statements into one statement reported in 4 articles" in response.content.decode()
    response = run_action(editor_client, "split_reports", [second])
    assert "Split 1 statements: each stands alone" in response.content.decode()
    regroup_all()

    rows = {s.pk: s for s in Statement.objects.filter(pk__in=[first.pk, second.pk, third.pk, other.pk])}
    assert {rows[pk].report_group_id for pk in (first.pk, other.pk, third.pk)} == {group.pk}
    assert rows[first.pk].grouped_by_editor and rows[other.pk].grouped_by_editor
    assert not rows[third.pk].grouped_by_editor  # the machine's report stays, with the editors' ones
    assert rows[second.pk].report_group is None and rows[second.pk].grouped_by_editor


def test_a_new_report_joins_the_editors_group_but_never_a_split_statement(importer, reports):
    (first, second, third), _ = reports
    split([first, second])  # each alone: the group keeps only the third report, so it is dissolved
    assert not ReportGroup.objects.exists()
    merge([first, third])
    body = f"وفي موسكو، شدد لافروف على أن «{QUOTE}».\n\nولم يعلق على الغارات."
    late = imported(importer, "arab48", "2016-06-02", body)
    statement = lavrov_in(late)
    first.refresh_from_db()
    assert statement.report_group_id == first.report_group_id
    assert Statement.objects.get(pk=second.pk).report_group is None


def test_splitting_all_but_one_dissolves_the_group(editor_client, reports):
    (first, second, _), _ = reports
    run_action(editor_client, "split_reports", [first, second])
    assert not ReportGroup.objects.exists()
    assert not Statement.objects.filter(report_group__isnull=False).exists()
    regroup_all()
    assert not ReportGroup.objects.exists()  # the third report has nobody left to be grouped with


def test_merge_needs_two_statements(editor_client, reports):
    _, other = reports
    response = run_action(editor_client, "merge_reports", [other])
    assert "Select at least two statements to merge." in response.content.decode()
    assert Statement.objects.get(pk=other.pk).report_group is None


def test_deleting_one_of_two_reports_leaves_the_other_alone(importer, seeded):
    first = lavrov_in(imported(importer, *REPORTS[0]))
    second = lavrov_in(imported(importer, *REPORTS[1]))
    first.refresh_from_db()
    assert first.report_group_id and first.report_group_id == Statement.objects.get(pk=second.pk).report_group_id
    IndexChange.objects.all().delete()
    second.delete()
    first.refresh_from_db()
    assert first.report_group is None and not ReportGroup.objects.exists()
    assert first.article_id in set(IndexChange.objects.values_list("article_id", flat=True))


def test_deleting_an_editors_partner_frees_the_other_for_the_machine(importer, reports):
    (first, second, third), other = reports
    split([first, second, third, other])
    merge([first, other])
    Statement.objects.get(pk=other.pk).delete()
    regroup([first.pk])
    first.refresh_from_db()
    assert not first.grouped_by_editor  # nothing the editor said binds it any more
    assert first.report_group is None  # the others are split by an editor: nobody to join


def test_an_editor_typing_the_quote_in_a_new_article_groups_it(editor_client, reports):
    lavrov = Person.objects.get(slug="sergey-lavrov")
    body = f"نقلت وكالة عن لافروف قوله إن «{QUOTE}»."
    response = editor_client.post("/admin/archive/article/add/", article_form(
        "تقرير محرر", body, statements=[{"speaker": lavrov.pk, "text": QUOTE}], published="2016-06-02"))
    assert response.status_code == 302
    typed = Article.objects.get(title="تقرير محرر").statements.get()
    assert typed.report_group == ReportGroup.objects.get()
    assert ReportGroup.objects.get().statements.count() == 4


def test_the_admin_lists_show_the_reports(editor_client, reports):
    group = ReportGroup.objects.get()
    listing = editor_client.get("/admin/archive/statement/?reports=several").content.decode()
    assert "reported in 3 articles" in listing and f"/admin/archive/reportgroup/{group.pk}/change/" in listing
    assert OTHER_QUOTE[:30] not in listing
    groups = editor_client.get("/admin/archive/reportgroup/")
    assert groups.status_code == 200
    page = editor_client.get(f"/admin/archive/reportgroup/{group.pk}/change/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "RT Arabic" in html or "روسيا اليوم" in html
    assert html.count(QUOTE[:30]) >= 3
    assert editor_client.get("/admin/archive/reportgroup/add/").status_code == 403
    statement = group.statements.first()
    form = editor_client.get(f"/admin/archive/statement/{statement.pk}/change/").content.decode()
    assert "reported in 3 articles" in form


def test_deleting_an_article_dissolves_the_group_its_report_leaves_alone(importer, seeded):
    first = lavrov_in(imported(importer, *REPORTS[0]))
    second = lavrov_in(imported(importer, *REPORTS[1]))
    second.article.delete()  # administrators only: the cascade deletes its statements one signal at a time
    first.refresh_from_db()
    assert first.report_group is None and not ReportGroup.objects.exists()


def test_one_batch_groups_each_speakers_reports_in_its_own_window_only(importer):
    """A batch's days lie far apart: each speaker's new report joins their own report near its day,
    never the same speaker's same words a year away, nor another speaker's near that day."""
    kerry = "على جميع الأطراف احترام وقف الأعمال العدائية في حلب والسماح بدخول المساعدات الإنسانية فورا"
    imported(importer, "rt", "2016-06-01", f"قال وزير الخارجية الروسي سيرغي لافروف إن «{QUOTE}».")
    imported(importer, "rt", "2017-03-10", f"قال وزير الخارجية الأمريكي جون كيري إن «{kerry}».")
    imported(importer, "rt", "2017-03-10", f"قال وزير الخارجية الأمريكي جون كيري إن «{QUOTE}».")
    with importer.batch():  # regrouped together, once, at the batch's end
        later = imported(importer, "sputnik", "2016-06-02", f"أكد سيرغي لافروف أن «{QUOTE}».")
        kerry_later = imported(importer, "sputnik", "2017-03-11", f"أكد جون كيري أن «{kerry}».")
        lavrov_far = imported(importer, "arab48", "2017-03-11", f"قال سيرغي لافروف إن «{QUOTE}».")
    groups = {frozenset(Statement.objects.filter(report_group=g).values_list("article__source__slug",
                                                                             "article__published", "speaker__slug"))
              for g in ReportGroup.objects.all()}
    assert groups == {
        frozenset({("rt", date(2016, 6, 1), "sergey-lavrov"), ("sputnik", date(2016, 6, 2), "sergey-lavrov")}),
        frozenset({("rt", date(2017, 3, 10), "john-kerry"), ("sputnik", date(2017, 3, 11), "john-kerry")}),
    }
    assert later.statements.get().report_group_id and kerry_later.statements.get().report_group_id
    assert lavrov_far.statements.get().report_group_id is None
