"""A search after an editor's save sees the save: matches kept from older index generations never go stale."""
from datetime import date

import pytest

from archive.models import Article


@pytest.fixture
def truce_articles(db, search_index):
    made = [Article.objects.create(title=f"هدنة في الشمال {n}", body=f"أعلن الطرفان هدنة جديدة في المنطقة رقم {n}.",
                                   published=date(2016, 5, n + 1)) for n in range(3)]
    search_index()
    return made


def found(client, query):
    return {result["id"] for result in client.get(f"/search/?{query}&format=json").json()["results"]}


def test_a_saved_article_is_found_beside_those_found_before(client, truce_articles, search_index):
    assert found(client, "q=هدنة") == {a.pk for a in truce_articles}
    added = Article.objects.create(title="هدنة جديدة", body="تحدثت الهيئة عن الهدنة.", published=date(2016, 6, 1))
    search_index()
    assert found(client, "q=هدنة") == {a.pk for a in truce_articles} | {added.pk}
    assert found(client, 'q="هدنة جديدة"') == {truce_articles[0].pk, truce_articles[1].pk, truce_articles[2].pk, added.pk}


def test_an_edited_article_loses_the_words_it_no_longer_holds(client, truce_articles, search_index):
    assert found(client, 'q="هدنة جديدة"') == {a.pk for a in truce_articles}
    edited = truce_articles[1]
    edited.title = "اجتماع في الشمال"
    edited.body = "أعلن الطرفان اجتماعا في المنطقة."
    edited.save()
    search_index()
    assert found(client, "q=هدنة") == {truce_articles[0].pk, truce_articles[2].pk}
    assert found(client, 'q="هدنة جديدة"') == {truce_articles[0].pk, truce_articles[2].pk}
    assert found(client, "q=اجتماعا") == {edited.pk}


def test_a_deleted_article_is_no_longer_found(client, truce_articles, search_index):
    assert len(found(client, "q=هدنة")) == 3
    truce_articles[0].delete()
    search_index()
    assert found(client, "q=هدنة") == {truce_articles[1].pk, truce_articles[2].pk}


def segment_count():
    from search.indexing import backend

    return len(backend().index.refresh()._segments())


def test_editors_saves_do_not_pile_up_segments_and_merging_changes_no_result(client, truce_articles, search_index):
    from search.indexing import merge_when_idle

    saved = []
    for n in range(12):  # each save is a commit of its own, as when editors save minutes apart
        saved.append(Article.objects.create(title=f"هدنة رقم {n}", body=f"بيان عن الهدنة رقم {n}.", published=date(2016, 7, n + 1)))
        search_index()
    assert segment_count() <= 5  # small segments merged as they gather, not twelve of them
    before = [client.get(f"/search/?{query}&format=json").json() for query in ("q=هدنة", 'q="هدنة جديدة"', "sort=oldest")]
    merged = segment_count()
    while merge_when_idle():
        pass
    assert segment_count() <= merged
    after = [client.get(f"/search/?{query}&format=json").json() for query in ("q=هدنة", 'q="هدنة جديدة"', "sort=oldest")]
    assert [page["results"] for page in after] == [page["results"] for page in before]
    assert after[0]["count"] == 3 + len(saved)


def test_an_archive_whose_every_article_was_deleted_searches_empty(client, truce_articles, search_index):
    for article in truce_articles:
        article.delete()
    search_index()
    response = client.get("/search/?q=هدنة&format=json")
    assert response.status_code == 200 and response.json()["count"] == 0
    assert client.get("/search/").status_code == 200


def test_every_segment_gets_its_positions_file_and_an_outdated_one_is_written_again(client, truce_articles, search_index):
    from pathlib import Path

    from search.indexing import backend

    folder = Path(backend().index.storage.folder)
    files = sorted(folder.glob("MAIN_*.positions"))
    segments = {segment.segment_id() for segment in backend().index.refresh()._segments()}
    assert {f.name.removesuffix(".positions") for f in files} == segments
    files[0].write_bytes(b"ARCHPOS1" + bytes(80))  # a file an older version wrote
    Article.objects.create(title="هدنة أخرى", body="بيان آخر عن الهدنة.", published=date(2016, 8, 1))
    search_index()
    assert all(f.read_bytes()[:8] == b"ARCHPOS2" for f in folder.glob("MAIN_*.positions"))
    assert found(client, "q=هدنة") == {a.pk for a in truce_articles} | {Article.objects.latest("pk").pk}


def test_an_article_saved_again_and_again_is_found_once_with_its_last_words(client, truce_articles, search_index):
    """Each save is a commit that replaces the article's documents, while commits merge segments
    under it: the writer finds the documents to replace in every segment, new or merged."""
    from search.indexing import backend

    edited, words = truce_articles[1], ["اتفاق", "بيان", "تصريح", "لقاء", "مؤتمر", "وفد", "جولة", "مبادرة"]
    documents = backend().index.refresh().doc_count()
    for n, word in enumerate(words):
        Article.objects.create(title=f"هدنة رقم {n}", body=f"خبر عن الهدنة رقم {n}.", published=date(2016, 9, n + 1))
        edited.title = f"{word} في الشمال"
        edited.save()
        search_index()
        assert found(client, f"q={word}") == {edited.pk}
        assert all(found(client, f"q={before}") == set() for before in words[:n])
        assert backend().index.refresh().doc_count() == documents + n + 1
