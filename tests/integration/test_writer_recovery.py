"""A writer killed in the middle of a rebuild's swap leaves an index that the next writer puts back in place."""
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
