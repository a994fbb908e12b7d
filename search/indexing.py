"""The index writer's work: apply recorded changes, rebuild from scratch, know when a rebuild is due."""
import logging
import multiprocessing
import os
import shutil
import signal
import time
from collections import deque
from datetime import timedelta
from pathlib import Path

from django.db import connections as connections_db
from django.utils import timezone
from haystack import connections
from whoosh import index as whoosh_index
from whoosh import writing
from whoosh.filedb.filestore import FileStorage

from .analysis_version import ANALYSIS_VERSION
from .backend import index_writer
from .documents import documents_for
from .index_view import write_segment_files
from .models import IndexChange, record_rebuild

log = logging.getLogger(__name__)
VERSION_FILE = "analysis-version"
REBUILD_BATCH = 500
SEGMENT_DOCUMENTS = 20_000
AHEAD_PER_WORKER = 8
LIVE_SYNC_SECONDS = 1.0  # during a rebuild, how often editors' changes reach the live index
LIVE_BATCH = 200
BATCH_SECONDS = 1.0  # the work one commit of the writer aims at (see Pace)
MIN_BATCH, MAX_BATCH = 50, 5000
GATHER_SECONDS = 5.0  # how long a bulk write's changes may wait for a commit's worth of them (pending_changes)
GATHERING = timedelta(seconds=GATHER_SECONDS)


def backend():
    return connections["default"].get_backend()


def index_path():
    return Path(backend().path)


def index_is_current():
    """The index exists and was built by this version of the analysis."""
    path = index_path()
    stamp = path / VERSION_FILE
    return whoosh_index.exists_in(str(path)) and stamp.exists() and stamp.read_text().strip() == ANALYSIS_VERSION


def recover_interrupted_swap():
    """Put an index back in place when a writer died between the two renames of a swap."""
    live = index_path()
    if live.exists():
        return
    for candidate in (live.with_name(live.name + ".new"), live.with_name(live.name + ".old")):
        stamp = candidate / VERSION_FILE
        if whoosh_index.exists_in(str(candidate)) and stamp.exists():
            candidate.rename(live)
            log.warning("Recovered the index from %s after an interrupted swap.", candidate.name)
            return


def ensure_current_index():
    """Queue a rebuild when the index is missing or was built by another analysis version."""
    recover_interrupted_swap()
    if not index_is_current() and not IndexChange.objects.filter(article_id__isnull=True).exists():
        record_rebuild()


class Pace:
    """How many changes the writer applies per second, learnt from its own commits.

    A commit is sized to about BATCH_SECONDS of work: large enough that a long queue (an import)
    pays Whoosh's per-commit cost on thousands of articles, small enough that an editor's save
    read in the next round is searchable within a second or two. Counted in changes, as the
    batch is (an imported article records two: its row, then its statements).
    """

    rate = 200.0  # changes/s until the first commit says otherwise

    @classmethod
    def batch(cls):
        return int(min(MAX_BATCH, max(MIN_BATCH, cls.rate * BATCH_SECONDS)))

    @classmethod
    def learn(cls, changes, seconds):
        if changes >= MIN_BATCH and seconds > 0:
            cls.rate = 0.5 * cls.rate + 0.5 * changes / seconds


class Arrivals:
    """The highest change id the previous round read: what lies above it arrived since; and
    whether that round made way for a change that arrived during it (the next need not wait)."""

    seen = 0
    made_way = False


def pending_changes(limit, gather=False):
    """Up to `limit` changes: those recorded since the last round first (newest first), then the
    oldest; a bulk write's changes (an import's), oldest first, only in a round that has no other.

    An editor's save is always among the newest changes, so it is applied in the round after it
    was recorded, however long the queue an import left and however fast the import records
    more; and that round is short, as it carries none of the import's changes.

    With `gather` (the running writer), a bulk write's changes wait until a whole batch of them
    is queued or the oldest has waited GATHER_SECONDS. A writer that keeps up with an import
    would otherwise commit whatever a few of its batches recorded: a segment of some thousand
    documents, a thousand segments at 100,000 articles, which every search then visits.
    """
    queue = IndexChange.objects.filter(bulk=False)
    newest = queue.order_by("-id").values_list("pk", flat=True).first()
    if newest is None:
        bulk = list(IndexChange.objects.filter(bulk=True).order_by("id")[:limit])
        if gather and bulk and len(bulk) < limit and timezone.now() - bulk[0].recorded < GATHERING:
            return []
        return bulk
    if newest < Arrivals.seen:  # the table was emptied and its numbering started again
        Arrivals.seen = 0
    fresh = list(queue.filter(pk__gt=Arrivals.seen).order_by("-id")[:limit])
    backlog = []
    if len(fresh) < limit:
        backlog = list(queue.filter(pk__lte=Arrivals.seen).order_by("id")[:limit - len(fresh)])
    if fresh:
        Arrivals.seen = fresh[0].pk
    return fresh + backlog


def apply_pending(limit=None, gather=False):
    """Apply recorded changes in one index commit (at most `limit`, else a batch sized to the
    writer's pace); return how many changes were applied. `gather`: see pending_changes.

    A round of a bulk write's changes alone makes way for any other change recorded meanwhile:
    it commits the articles written so far and leaves the rest queued (Arrivals.made_way).
    """
    if IndexChange.objects.filter(article_id__isnull=True).exists():
        top = IndexChange.objects.order_by("-id").values_list("pk", flat=True).first()
        rebuild()  # reflects every change recorded before it began, whatever its article
        # Changes recorded during the rebuild wait: it may have read their articles before they changed.
        return IndexChange.objects.filter(pk__lte=top).delete()[0]
    changes = pending_changes(limit or Pace.batch(), gather)
    if not changes:
        return 0
    bulk_only = all(change.bulk for change in changes)
    started = time.monotonic()
    written = set(write_articles({change.article_id for change in changes},
                                 stop=other_change_waiting if bulk_only else None))
    seconds = time.monotonic() - started
    # Only the rows read and written are done: a change recorded meanwhile waits for the next round.
    done = [change.pk for change in changes if change.article_id in written]
    Arrivals.made_way = len(done) < len(changes)
    Pace.learn(len(done), seconds)
    log.info("Indexed %d articles in %.2f s (next batch %d%s).", len(written), seconds, Pace.batch(),
             ", made way for another change" if Arrivals.made_way else "")
    IndexChange.objects.filter(pk__in=done).delete()
    return len(done)


def other_change_waiting():
    """Whether a change that is not a bulk write's (an editor's save) is queued."""
    return IndexChange.objects.filter(bulk=False).exists()


def merge_when_idle():
    """Merge segments the commits left small (search.merging); False when there was nothing to merge."""
    return backend().merge_when_idle()


def write_articles(article_ids, stop=None):
    """Replace these articles' documents (and their statements') in the live index, in one commit;
    the ids written (all, unless `stop()` ended the commit early: search.backend's write)."""
    article_ids = sorted(article_ids)
    return backend().write(by_article(article_ids, documents_for(article_ids)), stop)


def by_article(article_ids, documents):
    """(article id, its documents) for each id in order, from documents in that order; an article
    that no longer exists has none (its old ones are deleted all the same)."""
    documents = iter(documents)
    upcoming = next(documents, None)
    for article_id in article_ids:
        own = []
        while upcoming is not None and upcoming["article_id"] == str(article_id):
            own.append(upcoming)
            upcoming = next(documents, None)
        yield article_id, own


def _prepare_batch(article_ids):
    """Documents of a batch of articles, prepared in a worker process."""
    return list(documents_for(article_ids))


def _worker_start():
    connections_db.close_all()  # a forked child must open its own database connection
    # The writer's SIGTERM handler only asks its loop to stop: a worker that inherited it would
    # outlive Pool.terminate() and leave the rebuild waiting for it forever.
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def prepared_batches(ids, workers):
    """Document batches in order; analysis runs in `workers` processes while the caller writes."""
    batches = [ids[start:start + REBUILD_BATCH] for start in range(0, len(ids), REBUILD_BATCH)]
    if workers <= 1 or len(batches) <= 1:
        yield from map(_prepare_batch, batches)
        return
    connections_db.close_all()
    with multiprocessing.get_context("fork").Pool(workers, initializer=_worker_start) as pool:
        # At most a few batches wait ahead of the writer, so memory stays flat however large the archive.
        waiting = deque()
        for batch in batches:
            waiting.append(pool.apply_async(_prepare_batch, (batch,)))
            if len(waiting) > AHEAD_PER_WORKER * workers:
                yield waiting.popleft().get()
        while waiting:
            yield waiting.popleft().get()


def keep_live_current(after_id):
    """Apply to the live index the article changes recorded after change `after_id`, leaving them queued.

    A rebuild takes minutes on a large archive; meanwhile an editor's save still reaches
    search within seconds. The changes stay queued: the new index may have read those
    articles before they changed, so it applies them again once it is in place.
    Returns the last change applied.
    """
    changes = list(IndexChange.objects.filter(pk__gt=after_id, article_id__isnull=False).order_by("id")[:LIVE_BATCH])
    if not changes:
        return after_id
    write_articles({change.article_id for change in changes})
    return changes[-1].pk


def rebuild(workers=None):
    """Build a complete index beside the live one, then put it in its place.

    While it builds, the live index keeps taking editors' changes (keep_live_current) when
    it was built by this analysis; one built by another is left as it is until the swap.
    """
    from archive.models import Article

    live = index_path()
    live_current, synced, last_sync = index_is_current(), 0, time.monotonic()
    fresh = live.with_name(live.name + ".new")
    shutil.rmtree(fresh, ignore_errors=True)
    fresh.mkdir(parents=True)
    engine = backend()
    engine.setup_if_needed()
    ix = FileStorage(str(fresh)).create_index(engine.schema)
    ids = list(Article.objects.order_by("pk").values_list("pk", flat=True))
    writer, in_segment = index_writer(ix), 0
    for documents in prepared_batches(ids, workers if workers is not None else os.cpu_count() or 1):
        for document in documents:
            writer.add_document(**document)
        in_segment += len(documents)
        if live_current and time.monotonic() - last_sync >= LIVE_SYNC_SECONDS:
            synced, last_sync = keep_live_current(synced), time.monotonic()
        if in_segment >= SEGMENT_DOCUMENTS:
            # A segment per ~20k documents, never merged: Whoosh's posting pool spills to disk
            # and its merges are slow in Python, while the engine reads segments side by side.
            writer.commit(mergetype=writing.NO_MERGE)
            writer, in_segment = index_writer(ix), 0
    writer.commit(mergetype=writing.NO_MERGE)
    write_segment_files(ix.refresh())
    (fresh / VERSION_FILE).write_text(ANALYSIS_VERSION)
    swap_into_place(fresh, live)
    engine.setup()
    log.info("Rebuilt the index: %d articles.", len(ids))


def swap_into_place(fresh, live):
    old = live.with_name(live.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    if live.exists():
        live.rename(old)
    fresh.rename(live)
    shutil.rmtree(old, ignore_errors=True)
