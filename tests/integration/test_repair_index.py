"""repair_index finds every difference between a deliberately broken index and the database, and fixes it."""
import io
import json

import pytest
from django.core.management import call_command
from django.db import connection

from archive.models import Article, Statement
from search.indexing import backend, rebuild
from search.models import IndexChange


def report(*args):
    out = io.StringIO()
    try:
        call_command("repair_index", "--json", *args, stdout=out)
        code = 0
    except SystemExit as exit_:
        code = exit_.code
    return code, json.loads(out.getvalue())


@pytest.fixture
def indexed(seeded, search_index):
    rebuild(workers=1)
    IndexChange.objects.all().delete()
    return search_index


def raw_sql(*statements):
    """Changes that bypass the model signals, as a crash or a hand edit of the database would."""
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)


def index_writer():
    engine = backend()
    engine.setup_if_needed()
    return engine.index.refresh().writer()


def test_a_fresh_index_agrees_with_the_database(indexed):
    code, found = report("--check")
    assert code == 0, found
    assert found["total"] == 0
    assert found["indexed"] == found["expected"] == Article.objects.count() + Statement.objects.count()


def test_a_broken_index_is_reported_by_kind_and_repaired(client, indexed):
    first, second, third = Article.objects.order_by("pk")[:3]
    lost = Statement.objects.filter(article=third).order_by("pk").first()
    writer = index_writer()
    writer.delete_by_term("id", f"archive.article.{first.pk}")  # missing
    writer.commit()
    raw_sql(
        f"UPDATE archive_article SET title = 'عنوان مصحح يدويا' WHERE id = {second.pk}",  # stale
        f"DELETE FROM archive_statement_mentioned_people WHERE statement_id = {lost.pk}",
        f"DELETE FROM archive_statement_mentioned_places WHERE statement_id = {lost.pk}",
        f"DELETE FROM archive_statement WHERE id = {lost.pk}",  # orphaned
    )
    code, found = report("--check")
    assert code == 1
    assert found["differences"] == {"missing": 1, "stale": 1, "orphaned": 1, "duplicate": 0}, found
    assert not IndexChange.objects.exists(), "--check only reports"

    code, found = report()
    assert code == 0 and found["articles"] == 3
    assert set(IndexChange.objects.values_list("article_id", flat=True)) == {first.pk, second.pk, third.pk}
    indexed()  # the writer applies the recorded changes

    code, found = report("--check")
    assert code == 0 and found["total"] == 0, found
    results = client.get("/search/", {"q": "عنوان مصحح يدويا", "format": "json"}).json()
    assert [r["id"] for r in results["results"]] == [second.pk]


def test_a_document_of_a_deleted_article_and_a_duplicate_are_found(indexed):
    from search.documents import documents_for

    gone, doubled = Article.objects.order_by("pk")[:2]
    writer = index_writer()
    for document in documents_for([doubled.pk]):
        if document["django_ct"] == "archive.article":
            writer.add_document(**document)  # a second copy of the same document
    writer.commit()
    of_gone = f"SELECT id FROM archive_statement WHERE article_id = {gone.pk}"
    raw_sql(f"DELETE FROM archive_statement_mentioned_people WHERE statement_id IN ({of_gone})",
            f"DELETE FROM archive_statement_mentioned_places WHERE statement_id IN ({of_gone})",
            f"DELETE FROM archive_statement WHERE article_id = {gone.pk}",
            f"DELETE FROM archive_article_people WHERE article_id = {gone.pk}",
            f"DELETE FROM archive_article_places WHERE article_id = {gone.pk}",
            f"DELETE FROM archive_article WHERE id = {gone.pk}")
    code, found = report("--check")
    assert code == 1
    assert found["differences"]["duplicate"] == 1
    assert found["differences"]["orphaned"] >= 1
    report()
    indexed()
    assert report("--check")[1]["total"] == 0


def test_changes_waiting_for_the_writer_are_pending_not_differences(indexed):
    article = Article.objects.order_by("pk").first()
    article.title = "عنوان جديد ينتظر الكاتب"
    article.save()
    code, found = report("--check")
    assert code == 0 and found["pending_articles"] == 1 and found["total"] == 0


def test_a_missing_index_is_queued_for_a_rebuild(seeded, search_index):
    IndexChange.objects.all().delete()
    code, found = report("--check")
    assert code == 1 and not found["index_current"]
    report()
    assert IndexChange.objects.filter(article_id__isnull=True).exists()
    search_index()
    assert report("--check")[1]["total"] == 0
