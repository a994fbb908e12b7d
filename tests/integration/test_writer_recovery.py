"""The index writer's rebuilds: a writer killed in a swap leaves an index the next one puts back; saves made meanwhile reach search."""
import shutil

from search.indexing import VERSION_FILE, ensure_current_index, index_is_current, index_path, rebuild
from search.models import IndexChange


def test_a_swap_interrupted_after_the_live_index_moved_aside_is_recovered(seeded, search_index):
    rebuild(workers=1)
    live = index_path()
    fresh, old = live.with_name(live.name + ".new"), live.with_name(live.name + ".old")
    shutil.copytree(live, fresh)
    live.rename(old)  # killed here: neither directory is the live index
    IndexChange.objects.all().delete()
    ensure_current_index()
    assert index_is_current() and not fresh.exists()
    assert not IndexChange.objects.exists(), "a complete index was put back: nothing to rebuild"


def test_a_half_built_index_is_never_put_in_place(seeded, search_index):
    rebuild(workers=1)
    live = index_path()
    fresh = live.with_name(live.name + ".new")
    shutil.copytree(live, fresh)
    (fresh / VERSION_FILE).unlink()  # killed before the rebuild finished: no version stamp yet
    shutil.rmtree(live)
    IndexChange.objects.all().delete()
    ensure_current_index()
    assert not index_is_current()
    assert IndexChange.objects.filter(article_id__isnull=True).exists(), "a rebuild is queued instead"
    search_index()
    assert index_is_current()


def test_an_article_saved_during_a_rebuild_is_searchable_before_the_rebuild_ends(seeded, search_index, client, monkeypatch):
    """The rebuild is slowed to one article a batch; an editor saves after its second batch."""
    from archive.models import Article
    from search import indexing

    indexing.record_rebuild()
    search_index()  # a live index built (and stamped) by this analysis
    assert indexing.index_is_current()
    monkeypatch.setattr(indexing, "REBUILD_BATCH", 1)
    monkeypatch.setattr(indexing, "LIVE_SYNC_SECONDS", 0)
    batches, seen = indexing.prepared_batches, {}

    def while_an_editor_saves(ids, workers):
        for number, batch in enumerate(batches(ids, 1)):
            if number == 1:
                seen["saved"] = Article.objects.create(title="وصول قافلة", body="وصلت قافلة مساعدات إلى طرطوس فجرا.")
            if number == 3:
                seen["found while rebuilding"] = search(client, "طرطوس")
            yield batch

    monkeypatch.setattr(indexing, "prepared_batches", while_an_editor_saves)
    indexing.record_rebuild()
    search_index()
    saved = seen["saved"].pk
    assert seen["found while rebuilding"] == [saved]
    assert search(client, "طرطوس") == [saved]  # and in the rebuilt index that replaced it
    assert not IndexChange.objects.exists()


def search(client, text):
    return [result["id"] for result in client.get("/search/", {"q": text, "format": "json"}).json()["results"]]
