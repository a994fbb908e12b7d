"""Editors review the machine's proposals in the admin, the least certain first, seeing why each was attributed."""
import pytest

from archive.models import Article, Person, Statement

from .admin_forms import article_form

BODY = "قال المسؤول إن الاجتماع المقبل سيعقد في جنيف قريبا، وأضاف أن الوفد سيصل غدا، وأكد أن الهدنة صامدة."


@pytest.fixture
def proposals(db):
    """Three machine proposals of differing confidence and one statement an editor checked."""
    role = Person.objects.create(name="وزير الخارجية التركي", slug="turkish-fm-role", kind=Person.Kind.ROLE,
                                 role="وزير الخارجية التركي", reviewed=False)
    known = Person.objects.create(name="جون كيري", slug="john-kerry")
    article = Article.objects.create(title="مقال المراجعة", body=BODY, published="2018-05-01")
    rows = [("الاجتماع المقبل سيعقد في جنيف قريبا", role, 0.8, False, "cue «قال»; <b>role</b> with no holder"),
            ("الوفد سيصل غدا", known, 0.3, False, "cue «وأضاف»; the last speaker goes on"),
            ("الهدنة صامدة", known, 0.55, False, "cue «وأكد»; the last speaker goes on"),
            ("سيعقد", known, None, True, "")]
    made = []
    for words, speaker, confidence, reviewed, why in rows[:3]:
        start = BODY.index(words)
        made.append(Statement.objects.create(article=article, speaker=speaker, text=words, start=start,
                                             end=start + len(words), confidence=confidence, reviewed=reviewed,
                                             attribution=why))
    checked = Article.objects.create(title="مقال راجعه محرر", body="قال كيري إن الاتفاق سيعقد قريبا.")
    start = checked.body.index("سيعقد")
    made.append(Statement.objects.create(article=checked, speaker=known, text="سيعقد", start=start, end=start + 5))
    return made


def row_order(html, texts):
    return sorted(texts, key=lambda text: html.index(text))


def test_the_review_queue_lists_unreviewed_statements_least_certain_first_with_why(editor_client, proposals):
    response = editor_client.get("/admin/archive/statement/?review=unreviewed")
    assert response.status_code == 200
    html = response.content.decode()
    results = html[html.index('id="result_list"'):]
    assert row_order(results, ["الوفد سيصل غدا", "الهدنة صامدة", "الاجتماع المقبل سيعقد"]) == [
        "الوفد سيصل غدا", "الهدنة صامدة", "الاجتماع المقبل سيعقد"]
    assert "مقال راجعه محرر" not in results  # reviewed: not in the queue
    assert "the last speaker goes on" in results
    assert "&lt;b&gt;role&lt;/b&gt; with no holder" in results and "<b>role</b>" not in results
    assert "لم يراجعه محرر، الأقل ثقة أولًا" in html  # the filter, by its name


def test_the_statement_list_sorts_by_confidence_and_filters_by_speaker_kind(editor_client, proposals):
    html = editor_client.get("/admin/archive/statement/").content.decode()
    assert 'class="sortable column-confidence' in html and "column-attribution" in html
    role_only = editor_client.get("/admin/archive/statement/?speaker__kind=role").content.decode()
    results = role_only[role_only.index('id="result_list"'):]
    assert "الاجتماع المقبل سيعقد" in results and "الوفد سيصل غدا" not in results
    assert "منصب لم يُعرف شاغله" in role_only


def test_filtered_people_show_the_unreviewed_first_with_their_kind(editor_client, proposals):
    Person.objects.create(name="أ وزير الخارجية الروسي", slug="checked-role", kind=Person.Kind.ROLE)
    html = editor_client.get("/admin/archive/person/?kind__exact=role").content.decode()
    results = html[html.index('id="result_list"'):]
    assert row_order(results, ["أ وزير الخارجية الروسي", "وزير الخارجية التركي"]) == [
        "وزير الخارجية التركي", "أ وزير الخارجية الروسي"]
    assert "جون كيري" not in results and "منصب لم يُعرف شاغله" in results


def test_an_editor_sees_why_in_the_statement_form_and_cannot_forge_it(editor_client, proposals):
    doubtful = proposals[1]
    form = editor_client.get(f"/admin/archive/statement/{doubtful.pk}/change/").content.decode()
    assert "the last speaker goes on" in form and 'name="attribution"' not in form
    article_page = editor_client.get(f"/admin/archive/article/{doubtful.article_id}/change/").content.decode()
    assert "the last speaker goes on" in article_page
    assert '<div class="readonly">0,3</div>' in article_page  # the confidence, in the admin's Arabic number format


def test_a_statement_an_editor_types_has_no_machine_confidence(editor_client, db):
    speaker = Person.objects.create(name="جون كيري", slug="john-kerry")
    body = "قال كيري إن الحل السياسي ممكن."
    response = editor_client.post("/admin/archive/article/add/", article_form(
        "مقال كتبه محرر", body, [{"speaker": speaker.pk, "text": "الحل السياسي ممكن"}]))
    assert response.status_code == 302
    statement = Statement.objects.get()
    assert statement.confidence is None and statement.attribution == "" and statement.reviewed


def test_accepting_from_the_queue_empties_it(editor_client, proposals):
    ids = [s.pk for s in proposals[:3]]
    editor_client.post("/admin/archive/statement/?review=unreviewed",
                       {"action": "mark_reviewed", "_selected_action": ids}, follow=True)
    html = editor_client.get("/admin/archive/statement/?review=unreviewed").content.decode()
    assert not any(s.text in html for s in proposals[:3])
    assert not Statement.objects.filter(reviewed=False).exists()


@pytest.mark.parametrize("url", [
    "/admin/archive/statement/?review=bogus", "/admin/archive/statement/?speaker__kind=<script>",
    "/admin/archive/statement/?review=unreviewed&o=99", "/admin/archive/statement/?confidence__gt=abc",
    "/admin/archive/person/?kind__exact=nothing", "/admin/archive/person/?kind__exact=role&reviewed__exact=x",
])
def test_odd_filter_values_never_break_the_lists(editor_client, proposals, url):
    assert editor_client.get(url).status_code in (200, 302)
