"""Compare the search index with the database and queue a fix for every difference.

Each index document is keyed by (kind, database id) and carries a stamp: its
article's id and a digest of what it was made from (search.stamps). The
database side computes the same stamps in bulk, without analysing any text,
so a full check of a large archive takes seconds. A difference is:

- missing: the database has it, the index does not;
- stale: both have it, but the index was made from other content;
- orphaned: the index has it, the database no longer does;
- duplicate: the index holds the same document twice.

The fix is never written here: the article of every difference is recorded
as an IndexChange, and the one index writer replaces that article's documents.
The order of reading (the queue, then the index, then the database) means a
change is either still queued (counted as pending, not as a difference) or
already visible in the index that is read.
"""
import time
from collections import defaultdict
from dataclasses import dataclass, field

import numpy as np
from whoosh import index as whoosh_index

from . import columns as col
from . import stamps
from .documents import article_facets, statement_facets
from .index_view import raw_column
from .models import IndexChange, record_articles, record_rebuild

KIND_SHIFT = 40  # a document's key: kind * 2**40 + database id
KINDS = {col.ARTICLE: "article", col.STATEMENT: "statement"}
CHUNK = 2000


@dataclass
class Report:
    indexed: int = 0  # live documents read from the index
    expected: int = 0  # documents the database calls for
    differences: dict = field(default_factory=lambda: {"missing": 0, "stale": 0, "orphaned": 0, "duplicate": 0})
    examples: list = field(default_factory=list)
    articles: set = field(default_factory=set)  # whose documents need replacing
    unattributed: int = 0  # orphans whose article is unknown: only a rebuild removes them
    pending_articles: int = 0
    rebuild_pending: bool = False
    index_current: bool = True
    seconds: float = 0.0

    @property
    def total(self):
        return sum(self.differences.values())


def key(kind, db_id):
    return (np.asarray(kind, dtype=np.int64) << KIND_SHIFT) + np.asarray(db_id, dtype=np.int64)


def describe_key(value):
    kind, db_id = int(value) >> KIND_SHIFT, int(value) & ((1 << KIND_SHIFT) - 1)
    return f"{KINDS.get(kind, 'unknown')} {db_id}"


# -- the two sides ---------------------------------------------------------------

def indexed_documents(path):
    """(keys, article ids, digests) of the live documents of the index at `path`."""
    ix = whoosh_index.open_dir(str(path))
    keys, articles, digests = [], [], []
    with ix.reader() as reader:
        for leaf, _ in reader.leaf_readers():
            facets = col.parse_segment(*raw_column(leaf, "facets"))
            article_ids, segment_digests = stamps.parse_segment(*raw_column(leaf, "stamp"))
            alive = np.ones(leaf.doc_count_all(), dtype=bool)
            if leaf.has_deletions():
                alive[np.fromiter(leaf.segment().deleted_docs(), dtype=np.int64)] = False
            # A document without a readable facets record gets kind 7, which nothing in the database has.
            kinds = np.where(facets.kind >= 0, facets.kind, 7)
            keys.append(key(kinds, facets.db_id)[alive])
            articles.append(article_ids[alive])
            digests.append(segment_digests[alive])
    if not keys:
        return np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0, np.uint64)
    return np.concatenate(keys), np.concatenate(articles), np.concatenate(digests)


def expected_documents():
    """(keys, article ids, digests) of every document the database calls for, computed in bulk."""
    from archive.models import Article, Statement

    people, places, speakers = defaultdict(set), defaultdict(set), defaultdict(set)
    for article_id, person_id in Article.people.through.objects.values_list("article_id", "person_id").iterator(CHUNK):
        people[article_id].add(person_id)
    for article_id, place_id in Article.places.through.objects.values_list("article_id", "place_id").iterator(CHUNK):
        places[article_id].add(place_id)
    for article_id, speaker_id in Statement.objects.values_list("article_id", "speaker_id").iterator(CHUNK):
        speakers[article_id].add(speaker_id)

    keys, articles, digests, meta = [], [], [], {}
    rows = Article.objects.order_by().values_list("pk", "title", "body", "published", "source_id")
    for pk, title, body, published, source_id in rows.iterator(CHUNK):
        meta[pk] = (published, source_id)
        facets = article_facets(pk, published, source_id, people[pk] | speakers[pk], places[pk])
        keys.append((col.ARTICLE << KIND_SHIFT) + pk)
        articles.append(pk)
        digests.append(stamps.digest(f"{title}\n{body}", facets))
    mentioned_people, mentioned_places = statement_subjects()
    rows = Statement.objects.order_by().values_list("pk", "article_id", "text", "start", "end", "speaker_id",
                                                    "place_id", "report_group_id")
    for pk, article_id, text, start, end, speaker_id, place_id, report_group in rows.iterator(CHUNK):
        if article_id not in meta:  # saved after the articles were read: the next check sees it
            continue
        published, source_id = meta[article_id]
        facets = statement_facets(pk, published, source_id, speaker_id, place_id, mentioned_people[pk],
                                  mentioned_places[pk], report_group)
        keys.append((col.STATEMENT << KIND_SHIFT) + pk)
        articles.append(article_id)
        digests.append(stamps.digest(text, facets, stamps.statement_extra(start, end)))
    return (np.array(keys, dtype=np.int64), np.array(articles, dtype=np.int64),
            np.array(digests, dtype=np.uint64))


def statement_subjects():
    """({statement id: person ids}, {statement id: place ids}) its own words name."""
    from archive.models import Statement

    people, places = defaultdict(set), defaultdict(set)
    for through, owner, found in ((Statement.mentioned_people.through, "person_id", people),
                                  (Statement.mentioned_places.through, "place_id", places)):
        for statement_id, value in through.objects.values_list("statement_id", owner).iterator(CHUNK):
            found[statement_id].add(value)
    return people, places


# -- comparing -------------------------------------------------------------------

def compare(index_side, database_side, report, examples=10):
    """Fill `report` with the differences between the two sides."""
    i_keys, i_articles, i_digests = index_side
    d_keys, d_articles, d_digests = database_side

    unique, first, counts = np.unique(i_keys, return_index=True, return_counts=True)
    duplicated = unique[counts > 1]
    note(report, "duplicate", duplicated, i_articles[first[counts > 1]], examples)

    common, at_index, at_database = np.intersect1d(unique, d_keys, assume_unique=True, return_indices=True)
    at_index = first[at_index]
    stale = (i_digests[at_index] != d_digests[at_database]) | (i_articles[at_index] != d_articles[at_database])
    note(report, "stale", common[stale], np.concatenate([i_articles[at_index][stale], d_articles[at_database][stale]]),
         examples)

    missing = ~np.isin(d_keys, unique, assume_unique=True)
    note(report, "missing", d_keys[missing], d_articles[missing], examples)

    orphaned = ~np.isin(unique, d_keys, assume_unique=True)
    orphan_articles = i_articles[first[orphaned]]
    report.unattributed += int((orphan_articles < 0).sum())
    note(report, "orphaned", unique[orphaned], orphan_articles, examples)
    return report


def note(report, kind, keys, article_ids, examples):
    report.differences[kind] += len(keys)
    report.articles.update(int(a) for a in article_ids if a >= 0)
    for value in keys[: max(0, examples - len(report.examples))]:
        report.examples.append(f"{kind}: {describe_key(value)}")


def check(path, index_current=True):
    """The report of one comparison; queued changes count as pending, not as differences."""
    started = time.monotonic()
    report = Report(index_current=index_current)
    queued = set(IndexChange.objects.values_list("article_id", flat=True))
    report.rebuild_pending = None in queued
    queued.discard(None)
    report.pending_articles = len(queued)
    if index_current:
        index_side, database_side = indexed_documents(path), expected_documents()
        report.indexed, report.expected = len(index_side[0]), len(database_side[0])
        if queued:  # the writer is about to replace these articles' documents anyway
            index_side, database_side = without(index_side, queued), without(database_side, queued)
        compare(index_side, database_side, report)
    report.seconds = time.monotonic() - started
    return report


def without(side, article_ids):
    keep = ~np.isin(side[1], np.fromiter(article_ids, dtype=np.int64))
    return tuple(part[keep] for part in side)


def repair(report):
    """Queue the fix of every difference in `report` for the index writer; return what was queued."""
    if not report.index_current or report.unattributed:
        if not report.rebuild_pending:
            record_rebuild()
        return "a rebuild of the whole index"
    record_articles(report.articles)
    return f"{len(report.articles)} articles"
