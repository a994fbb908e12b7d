"""The index writer's work: apply recorded changes, rebuild from scratch, know when a rebuild is due."""
import logging
import shutil
from itertools import chain
from pathlib import Path

from haystack import connections
from whoosh import index as whoosh_index
from whoosh.filedb.filestore import FileStorage

from .analysis_version import ANALYSIS_VERSION
from .backend import index_documents
from .models import IndexChange, record_rebuild
from .search_indexes import ArticleIndex, StatementIndex

log = logging.getLogger(__name__)
VERSION_FILE = "analysis-version"
REBUILD_BATCH = 500


def backend():
    return connections["default"].get_backend()


def index_path():
    return Path(backend().path)


def index_is_current():
    """The index exists and was built by this version of the analysis."""
    path = index_path()
    stamp = path / VERSION_FILE
    return whoosh_index.exists_in(str(path)) and stamp.exists() and stamp.read_text().strip() == ANALYSIS_VERSION


def ensure_current_index():
    """Queue a rebuild when the index is missing or was built by another analysis version."""
    if not index_is_current() and not IndexChange.objects.filter(article_id__isnull=True).exists():
        record_rebuild()


def documents_for(article_ids):
    articles, statements = ArticleIndex(), StatementIndex()
    return chain(
        index_documents(articles, articles.index_queryset().filter(pk__in=article_ids)),
        index_documents(statements, statements.index_queryset().filter(article_id__in=article_ids)),
    )


def apply_pending(limit=200):
    """Apply up to `limit` recorded changes in one index commit; return how many were applied."""
    changes = list(IndexChange.objects.order_by("id")[:limit])
    if not changes:
        return 0
    if any(change.article_id is None for change in changes):
        rebuild()  # reflects every change read here, whatever its article
    else:
        article_ids = sorted({change.article_id for change in changes})
        backend().write(documents_for(article_ids), deleted_article_ids=article_ids)
    # Only the rows read are done: a change recorded meanwhile waits for the next round.
    IndexChange.objects.filter(pk__in=[change.pk for change in changes]).delete()
    return len(changes)


def rebuild():
    """Build a complete index beside the live one, then put it in its place."""
    live = index_path()
    fresh = live.with_name(live.name + ".new")
    shutil.rmtree(fresh, ignore_errors=True)
    fresh.mkdir(parents=True)
    engine = backend()
    engine.setup_if_needed()
    ix = FileStorage(str(fresh)).create_index(engine.schema)
    writer = ix.writer(limitmb=256)
    from archive.models import Article

    ids = list(Article.objects.order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(ids), REBUILD_BATCH):
        for document in documents_for(ids[start:start + REBUILD_BATCH]):
            writer.add_document(**document)
    writer.commit(optimize=True)
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
