"""Editors add and correct articles with their statements in the admin, and nothing they save is lost."""
import pytest
from django.contrib.auth.models import Group

from archive.models import Article, Person, Statement

from .admin_forms import article_form

BODY = (
    "قال وزير الخارجية الفرنسي إن \"المفاوضات ستُستأنف في فيينا الأسبوع المقبل\".\n\n"
    "وأضاف أن الحل السياسي هو الطريق الوحيد، فيما أكد نظيره الألماني أن «برلين مستعدة لاستضافة جولة جديدة»."
)


@pytest.fixture
def speakers(db):
    return (
        Person.objects.create(name="جان مارك آيرولت", name_en="Jean-Marc Ayrault", slug="jean-marc-ayrault"),
        Person.objects.create(name="فرانك فالتر شتاينماير", name_en="Frank-Walter Steinmeier", slug="frank-walter-steinmeier"),
    )


def test_editors_group_member_is_not_a_superuser_but_can_add_articles(editor):
    assert not editor.is_superuser
    assert editor.has_perm("archive.add_article")
    assert editor.has_perm("archive.add_statement")
    assert not editor.has_perm("archive.delete_article")
    assert Group.objects.get(name="Editors") in editor.groups.all()


def test_editor_adds_article_with_two_statements_in_one_save_and_sees_it(editor_client, speakers):
    ayrault, steinmeier = speakers
    data = article_form("جولة مفاوضات جديدة", BODY, statements=[
        {"speaker": ayrault.pk, "text": "المفاوضات ستُستأنف في فيينا الأسبوع المقبل"},
        {"speaker": steinmeier.pk, "text": "برلين مستعدة لاستضافة جولة جديدة"},
    ])
    response = editor_client.post("/admin/archive/article/add/", data)
    assert response.status_code == 302, response.context["errors"] if response.context else response
    article = Article.objects.get(title="جولة مفاوضات جديدة")
    statements = list(article.statements.order_by("start"))
    assert [s.speaker for s in statements] == [ayrault, steinmeier]
    for statement in statements:
        assert article.body[statement.start:statement.end] == statement.text
    assert set(article.people.all()) == {ayrault, steinmeier}

    page = editor_client.get(article.get_absolute_url())
    html = page.content.decode()
    assert page.status_code == 200
    assert f'id="statement-{statements[0].pk}"' in html
    assert ">المفاوضات ستُستأنف في فيينا الأسبوع المقبل</mark>" in html
    assert ">برلين مستعدة لاستضافة جولة جديدة</mark>" in html


def test_statement_with_offsets_outside_the_body_is_refused_with_a_clear_message(editor_client, speakers):
    data = article_form("مقال قصير", "نص قصير جدا.", statements=[
        {"speaker": speakers[0].pk, "start": "5000", "end": "5100"},
    ])
    response = editor_client.post("/admin/archive/article/add/", data)
    assert response.status_code == 200
    assert "Offsets 5000–5100 fall outside the article body, which has 12 characters." in response.content.decode()
    assert not Article.objects.filter(title="مقال قصير").exists()


def test_statement_text_missing_from_body_is_refused(editor_client, speakers):
    data = article_form("مقال", BODY, statements=[{"speaker": speakers[0].pk, "text": "جملة لا ترد في النص"}])
    response = editor_client.post("/admin/archive/article/add/", data)
    assert "does not occur in the article body" in response.content.decode()
    assert not Article.objects.exists()


def test_overlapping_statements_are_refused(editor_client, speakers):
    data = article_form("مقال", BODY, statements=[
        {"speaker": speakers[0].pk, "text": "المفاوضات ستُستأنف في فيينا"},
        {"speaker": speakers[1].pk, "text": "فيينا الأسبوع المقبل"},
    ])
    response = editor_client.post("/admin/archive/article/add/", data)
    assert "Statements of one article may not overlap" in response.content.decode()
    assert not Article.objects.exists()


def test_correcting_the_body_moves_its_statements_with_their_text(editor_client, speakers):
    article = Article.objects.create(title="مقال", body=BODY)
    quote = "برلين مستعدة لاستضافة جولة جديدة"
    start = BODY.index(quote)
    statement = Statement.objects.create(article=article, speaker=speakers[1], text=quote, start=start, end=start + len(quote))
    corrected = "تمهيد أضافه المحرر.\n\n" + BODY
    data = article_form("مقال", corrected, initial=1, revision_seen=str(article.revision), statements=[
        {"speaker": speakers[1].pk, "text": quote, "start": str(start), "end": str(start + len(quote)),
         "pk": str(statement.pk), "article": str(article.pk)},
    ])
    response = editor_client.post(f"/admin/archive/article/{article.pk}/change/", data)
    assert response.status_code == 302
    statement.refresh_from_db()
    assert corrected[statement.start:statement.end] == quote
    assert statement.start == start + len("تمهيد أضافه المحرر.\n\n")


def test_a_stale_form_is_refused_and_keeps_the_editors_text(editor_client, speakers):
    article = Article.objects.create(title="مقال", body=BODY)
    seen = article.revision
    article.title = "عنوان صححه محرر آخر"
    article.save()  # a colleague saves first
    mine = BODY + "\n\nفقرة كتبتها أنا."
    response = editor_client.post(
        f"/admin/archive/article/{article.pk}/change/", article_form("عنواني", mine, revision_seen=str(seen))
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Another editor saved this article" in html
    assert "فقرة كتبتها أنا." in html  # the editor's text is still in the form
    article.refresh_from_db()
    assert article.title == "عنوان صححه محرر آخر"


def test_saving_a_second_article_with_the_same_text_is_refused(editor_client, speakers):
    existing = Article.objects.create(title="الأصل", body=BODY)
    response = editor_client.post("/admin/archive/article/add/", article_form("نسخة", BODY))
    assert f"Article #{existing.pk}" in response.content.decode()
    assert Article.objects.count() == 1


def test_admin_lists_filter_by_source_date_and_speaker(editor_client, speakers):
    article = Article.objects.create(title="مقال للتصفية", body=BODY)
    quote = "برلين مستعدة لاستضافة جولة جديدة"
    start = BODY.index(quote)
    Statement.objects.create(article=article, speaker=speakers[1], text=quote, start=start, end=start + len(quote))
    other = Article.objects.create(title="مقال آخر", body="قال الوزير إن الوفد وصل.")
    Statement.objects.create(article=other, speaker=speakers[0], text="الوفد وصل", start=15, end=24)
    response = editor_client.get(f"/admin/archive/article/?statements__speaker__id__exact={speakers[1].pk}")
    html = response.content.decode()
    assert "مقال للتصفية" in html and "مقال آخر" not in html
    assert editor_client.get("/admin/archive/article/?q=فيينا").status_code == 200


def test_each_listed_article_has_the_box_that_selects_it_for_an_action(editor_client):
    from django import forms
    from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
    from django.utils.html import format_html
    from django.utils.translation import gettext

    article = Article.objects.create(title='بيان <b>"عاجل"</b> & تعليق', body=BODY)
    html = editor_client.get("/admin/archive/article/").content.decode()
    # The box Django's own widget draws, its label escaped once.
    label = format_html(gettext("Select this object for an action - {}"), str(article))
    expected = forms.CheckboxInput({"class": "action-select", "aria-label": label}, lambda value: False).render(
        ACTION_CHECKBOX_NAME, str(article.pk))
    assert f'<td class="action-checkbox">{expected}</td>' in html
    assert "<b>" not in html.split('class="action-select"')[1].split(">")[0]


DATED = ["2015-12-31", "2016-01-01", "2016-05-24", "2016-05-31", "2016-11-03", "2018-02-28", None]


@pytest.fixture
def dated_articles(db):
    return [Article.objects.create(title=f"خبر {n}", body=f"نص الخبر رقم {n} عن المفاوضات.", published=day)
            for n, day in enumerate(DATED)]


@pytest.mark.parametrize("kind", ["year", "month", "day"])
@pytest.mark.parametrize("order", ["ASC", "DESC"])
def test_the_dates_the_admin_navigates_are_those_the_database_truncates(dated_articles, kind, order):
    from django.db.models import QuerySet

    for articles in (Article.objects.all(), Article.objects.filter(title__in=["خبر 1", "خبر 3", "خبر 5"]),
                     Article.objects.none()):
        assert list(articles.dates("published", kind, order)) == list(QuerySet.dates(articles, "published", kind, order))


def test_the_first_and_last_dates_are_those_one_query_finds(dated_articles):
    from django.db.models import Count, Max, Min, QuerySet

    for articles in (Article.objects.all(), Article.objects.filter(title__in=["خبر 1", "خبر 3"]), Article.objects.none()):
        asked = {"first": Min("published"), "last": Max("published"), "newest": Max("pk")}
        assert articles.aggregate(**asked) == QuerySet.aggregate(articles, **asked)
        assert articles.aggregate(first=Min("published"), n=Count("pk")) == QuerySet.aggregate(
            articles, first=Min("published"), n=Count("pk"))


def test_the_article_list_navigates_by_year_month_and_day(editor_client, dated_articles):
    years = editor_client.get("/admin/archive/article/").content.decode()
    assert all(f"published__year={y}" in years for y in (2015, 2016, 2018)) and "published__year=2017" not in years
    months = editor_client.get("/admin/archive/article/?published__year=2016").content.decode()
    assert all(f"published__month={m}" in months for m in (1, 5, 11)) and "published__month=2&" not in months
    days = editor_client.get("/admin/archive/article/?published__year=2016&published__month=5").content.decode()
    assert "published__day=24" in days and "published__day=31" in days and "published__day=25" not in days
