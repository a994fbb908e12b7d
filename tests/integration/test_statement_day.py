"""A statement's day (when it was said, else its article's date) follows every correction, and an upgrade fills it."""
from datetime import date
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from archive.models import Article, Person, ReportGroup, Statement
from archive.reports import regroup

from .admin_forms import article_form
from .test_statement_reports import REPORTS, imported, lavrov_in


def inline(statement):
    return {"speaker": statement.speaker_id, "text": statement.text, "start": str(statement.start),
            "end": str(statement.end), "kind": statement.kind, "pk": str(statement.pk),
            "article": str(statement.article_id)}


def test_a_report_filed_under_a_wrong_date_joins_its_group_once_the_editor_corrects_the_date(editor_client, importer):
    first = lavrov_in(imported(importer, *REPORTS[0]))
    source, _, body = REPORTS[1]
    misdated = lavrov_in(imported(importer, source, "2016-09-20", body))
    assert misdated.day == date(2016, 9, 20) and not ReportGroup.objects.exists()

    article = misdated.article
    statements = [inline(s) for s in article.statements.order_by("start")]
    response = editor_client.post(f"/admin/archive/article/{article.pk}/change/", article_form(
        article.title, article.body, statements=statements, initial=len(statements), published="2016-06-02",
        revision_seen=str(article.revision)))
    assert response.status_code == 302

    misdated.refresh_from_db()
    first.refresh_from_db()
    assert misdated.day == date(2016, 6, 2)
    assert misdated.report_group is not None and misdated.report_group == first.report_group


def test_correcting_an_articles_date_redates_only_the_statements_its_text_does_not_date(seeded):
    body = "قال لافروف إن الجولة انتهت. وقال أمس إن الحوار سيستمر."
    article = Article.objects.create(title="مقال", body=body, published=date(2016, 6, 1))
    lavrov = Person.objects.get(slug="sergey-lavrov")

    def statement(text, said_on=None):
        start = body.index(text)
        return Statement.objects.create(article=article, speaker=lavrov, text=text, start=start,
                                        end=start + len(text), said_on=said_on)

    undated, dated = statement("الجولة انتهت"), statement("الحوار سيستمر", date(2016, 5, 31))
    assert (undated.day, dated.day) == (date(2016, 6, 1), date(2016, 5, 31))
    article.published = date(2016, 6, 5)
    article.save()
    undated.refresh_from_db()
    dated.refresh_from_db()
    assert (undated.day, dated.day) == (date(2016, 6, 5), date(2016, 5, 31))


def test_the_day_its_text_gives_comes_first_and_groups_it_there(importer):
    first = lavrov_in(imported(importer, *REPORTS[0]))
    source, _, body = REPORTS[1]
    late = lavrov_in(imported(importer, source, "2016-06-20", body))  # filed late: more than the window away
    assert late.report_group is None
    late.said_on = date(2016, 6, 1)  # the editor reads when it was said
    late.save()
    regroup([late.pk])  # as the statement admin does after a save
    late.refresh_from_db()
    first.refresh_from_db()
    assert late.day == date(2016, 6, 1)
    assert late.report_group is not None and late.report_group == first.report_group


def test_regrouping_everything_corrects_a_day_a_bulk_change_left_behind_and_groups_by_it(importer):
    first = lavrov_in(imported(importer, *REPORTS[0]))
    source, _, body = REPORTS[1]
    late = lavrov_in(imported(importer, source, "2016-06-20", body))
    Statement.objects.filter(pk=late.pk).update(said_on=date(2016, 6, 1))  # around save(): its day stays
    out = StringIO()
    call_command("regroup_statements", stdout=out)
    assert "Corrected the stored day of 1 statement." in out.getvalue()
    late.refresh_from_db()
    first.refresh_from_db()
    assert late.day == date(2016, 6, 1)
    assert late.report_group is not None and late.report_group == first.report_group
    out = StringIO()
    call_command("regroup_statements", stdout=out)
    assert "Corrected" not in out.getvalue()  # nothing left to correct


@pytest.mark.django_db(transaction=True)
def test_upgrading_an_archive_fills_every_statements_day():
    executor = MigrationExecutor(connection)
    before, after = [("archive", "0008_statement_reports")], [("archive", "0009_statement_day")]
    executor.migrate(before)
    apps = executor.loader.project_state(before).apps
    Person, OldArticle, OldStatement = (apps.get_model("archive", name) for name in ("Person", "Article", "Statement"))
    speaker = Person.objects.create(name="متحدث", slug="speaker")
    dated = OldArticle.objects.create(title="مؤرخ", body="قال المتحدث إن الجولة انتهت.", published=date(2016, 6, 1),
                                      fingerprint="a")
    undated = OldArticle.objects.create(title="بلا تاريخ", body="قال المتحدث إن الجولة انتهت.", fingerprint="b")
    text = "الجولة انتهت"
    start = dated.body.index(text)
    rows = [(dated, None), (dated, date(2016, 5, 31)), (undated, None), (undated, date(2016, 5, 30))]
    for article, said_on in rows:
        OldStatement.objects.create(article=article, speaker=speaker, text=text, start=start, end=start + len(text),
                                    said_on=said_on)

    executor = MigrationExecutor(connection)
    executor.migrate(after)
    apps = executor.loader.project_state(after).apps
    days = list(apps.get_model("archive", "Statement").objects.order_by("pk").values_list("day", flat=True))
    assert days == [date(2016, 6, 1), date(2016, 5, 31), None, date(2016, 5, 30)]
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
    assert Article.objects.count() == 2
