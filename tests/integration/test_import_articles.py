"""Editors and scripts import scraped articles in bulk; every good one lands, every bad one is named."""
import json

import pytest
from django.core.management import call_command

from archive.models import Article, Person, Statement


LAVROV_TEXT = (
    "موسكو تدعو لاستئناف المفاوضات\n\n"
    "قال وزير الخارجية الروسي سيرغي لافروف إن «موسكو مستعدة لاستئناف المحادثات في جنيف الأسبوع المقبل».\n\n"
    "وأضاف أن الحل السياسي هو الطريق الوحيد لإنهاء المعارك في حلب.\n\n"
    "شارك على فيسبوك\n\nاقرأ أيضاً: لافروف يلتقي نظيره الأمريكي"
)
UNKNOWN_SPEAKER_TEXT = (
    "قال المندوب الصيني في مجلس الأمن ليو جيي إن بلاده ترفض أي تدخل عسكري في سوريا دون تفويض دولي واضح."
)


def write_jsonl(path, rows):
    path.write_text("\n".join(r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in rows) + "\n")
    return path


def run_import(*args):
    try:
        call_command("import_articles", *map(str, args))
    except SystemExit as exit_:
        return exit_.code
    return 0


@pytest.fixture
def jsonl(tmp_path, seeded):
    return write_jsonl(tmp_path / "batch.jsonl", [
        {"body": LAVROV_TEXT, "published": "2016-06-01", "source": "arab48"},
        "{this is not json",
        {"body": UNKNOWN_SPEAKER_TEXT, "published": "2016-07-10"},
        {"body": "   "},
    ])


def test_bad_lines_are_reported_with_their_numbers_and_the_rest_lands(jsonl, capsys):
    code = run_import(jsonl)
    captured = capsys.readouterr()
    assert code == 1
    assert "batch.jsonl:2: rejected: invalid JSON" in captured.err
    assert "batch.jsonl:4: rejected: the body is empty" in captured.err
    assert "Created 2 articles" in captured.out and "rejected 2" in captured.out
    assert Article.objects.filter(title="موسكو تدعو لاستئناف المفاوضات").exists()


def test_boilerplate_is_removed_and_statements_are_extracted(jsonl):
    run_import(jsonl)
    article = Article.objects.get(title="موسكو تدعو لاستئناف المفاوضات")
    assert "شارك على فيسبوك" not in article.body and "اقرأ أيضاً" not in article.body
    statements = list(article.statements.order_by("start"))
    assert [s.speaker.slug for s in statements] == ["sergey-lavrov", "sergey-lavrov"]
    assert statements[0].text == "موسكو مستعدة لاستئناف المحادثات في جنيف الأسبوع المقبل"
    assert all(not s.reviewed for s in statements)
    assert {"aleppo", "geneva"} <= set(article.places.values_list("slug", flat=True))


def test_an_unknown_speaker_becomes_an_unreviewed_person(jsonl):
    run_import(jsonl)
    person = Person.objects.get(name="ليو جيي")
    assert not person.reviewed
    assert Statement.objects.filter(speaker=person).count() == 1


def test_reimporting_the_same_file_changes_nothing(jsonl, capsys):
    run_import(jsonl)
    before = (Article.objects.count(), Statement.objects.count(), Person.objects.count())
    run_import(jsonl)
    assert (Article.objects.count(), Statement.objects.count(), Person.objects.count()) == before
    assert "skipped 2 already archived" in capsys.readouterr().out


def test_txt_files_take_source_and_date_options_and_reject_non_utf8(tmp_path, seeded, capsys):
    good = tmp_path / "lavrov.txt"
    good.write_text(LAVROV_TEXT, encoding="utf-8")
    bad = tmp_path / "latin.txt"
    bad.write_bytes("قال".encode() + b"\xff\xfe rest")
    code = run_import(good, bad, "--source", "enab-baladi", "--published", "2016-06-02")
    assert code == 1
    assert "latin.txt: rejected: not UTF-8 text (byte 0xff" in capsys.readouterr().err
    article = Article.objects.get(title="موسكو تدعو لاستئناف المفاوضات")
    assert article.source.slug == "enab-baladi" and article.published.isoformat() == "2016-06-02"


def test_an_imported_article_is_searchable_at_once_by_text_actor_and_city(jsonl, search_index, client):
    search_index()
    run_import(jsonl)
    article = Article.objects.get(title="موسكو تدعو لاستئناف المفاوضات")
    for query in ("q=المحادثات", "q=لاستئناف&actor=sergey-lavrov", "q=المعارك&city=aleppo"):
        ids = {r["id"] for r in client.get(f"/search/?{query}&format=json").json()["results"]}
        assert article.pk in ids, query


def test_the_admin_extract_action_proposes_unreviewed_statements(editor_client, seeded):
    article = Article.objects.create(title="مقال", body=LAVROV_TEXT.split("\n\n", 1)[1].rsplit("\n\nشارك", 1)[0])
    response = editor_client.post("/admin/archive/article/", {
        "action": "propose_statements", "_selected_action": [article.pk]}, follow=True)
    assert "Proposed 2 statements" in response.content.decode()
    assert article.statements.filter(reviewed=False).count() == 2
