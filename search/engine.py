"""Run a search: words through the Whoosh index, filters, facets and order through numpy columns.

A web worker keeps one IndexView (a searcher and its columns) per index
generation and answers repeated identical searches from a cache keyed by the
canonical URL and that generation, so a reloaded bookmark costs almost nothing.
"""
import os
import re
import threading
from collections import OrderedDict
from dataclasses import dataclass, field

import numpy as np
from haystack import connections
from whoosh import index as whoosh_index
from whoosh import query as wq

from . import columns as col
from .query import Any, Phrase, Prefix, Word, describe, parse_query, terms
from .sequences import SegmentSequences, phrase_hashes

PAGE_SIZE = 20
FACET_LIMIT = 30
RESULT_CACHE_SIZE = 512
MASK_CACHE_SIZE = 256


@dataclass
class Hit:
    kind: str  # "article" or "statement"
    id: int


@dataclass
class Outcome:
    count: int
    page: int
    pages: int
    hits: list
    facets: dict
    terms: list = field(default_factory=list)
    understood: str = ""
    suggestion: str = ""
    generation: tuple = ()


class IndexView:
    """One generation of the index: its searcher, its columns, and caches that die with it."""

    segment_columns = {}  # segment id -> Columns, shared across generations
    segment_sequences = {}  # segment id -> SegmentSequences, loaded on the first phrase

    def __init__(self, ix, key):
        self.key = key
        self.searcher = ix.searcher()
        leaves = self.searcher.reader().leaf_readers()
        parts, live = [], []
        seen = set()
        self.leaves = []
        for reader, offset in leaves:
            segment_id = reader.segment().segment_id()
            seen.add(segment_id)
            self.leaves.append((segment_id, reader, offset))
            if segment_id not in self.segment_columns:
                raw = list(reader.column_reader("facets")) if reader.has_column("facets") else [b""] * reader.doc_count_all()
                self.segment_columns[segment_id] = col.parse_segment(raw)
            parts.append(self.segment_columns[segment_id])
            alive = np.ones(reader.doc_count_all(), dtype=bool)
            if reader.has_deletions():
                alive[:] = False
                alive[np.fromiter(reader.all_doc_ids(), dtype=np.int64)] = True
            live.append(alive)
        for cache in (self.segment_columns, self.segment_sequences):
            for stale in set(cache) - seen:
                del cache[stale]
        self.columns = col.concatenate(parts)
        self.live = np.concatenate(live) if live else np.zeros(0, dtype=bool)
        self.month = col.months(self.columns.day)
        self.masks = OrderedDict()

    def mask_for(self, key, compute):
        found = self.masks.get(key)
        if found is None:
            found = self.masks[key] = compute()
            if len(self.masks) > MASK_CACHE_SIZE:
                self.masks.popitem(last=False)
        else:
            self.masks.move_to_end(key)
        return found

    def docs_mask(self, whoosh_query):
        def compute():
            mask = np.zeros(len(self.live), dtype=bool)
            docs = np.fromiter(self.searcher.docs_for_query(whoosh_query), dtype=np.int64)
            mask[docs] = True
            return mask

        return self.mask_for(("q", repr(whoosh_query)), compute)

    def phrase_mask(self, stems):
        def compute():
            mask = np.zeros(len(self.live), dtype=bool)
            hashes = phrase_hashes(stems)
            for segment_id, reader, offset in self.leaves:
                sequences = self.segment_sequences.get(segment_id)
                if sequences is None:
                    raw = list(reader.column_reader("stems")) if reader.has_column("stems") else []
                    sequences = self.segment_sequences[segment_id] = SegmentSequences(raw)
                mask[offset + sequences.docs_with(hashes)] = True
            return mask

        return self.mask_for(("p", stems), compute)

    def facet_mask(self, facet, value):
        def compute():
            vocabulary = col.VOCABULARIES[facet]
            mask = np.zeros(len(self.live), dtype=bool)
            if value not in vocabulary.ids:
                return mask
            wanted = vocabulary.ids[value]
            if facet == "source":
                return self.columns.source == wanted
            multi = getattr(self.columns, facet)
            mask[multi.rows()[multi.ids == wanted]] = True
            return mask

        return self.mask_for(("f", facet, value), compute)

    def close(self):
        self.searcher.close()


_state = threading.local()
_cache_lock = threading.Lock()
_results = OrderedDict()


TOC = re.compile(r"^_MAIN_(\d+)\.toc$")


def index_key(path):
    """Identifies an index generation: the directory (a rebuild swaps it) and its latest TOC."""
    try:
        generations = [int(m.group(1)) for m in map(TOC.match, os.listdir(path)) if m]
        return (os.stat(path).st_ino, max(generations)) if generations else None
    except OSError:
        return None


def current_view():
    backend = connections["default"].get_backend()
    key = index_key(backend.path)
    view = getattr(_state, "view", None)
    if view is not None and view.key == key:
        return view
    if key is None:
        return None
    backend.setup()
    fresh = IndexView(whoosh_index.open_dir(backend.path), key)
    if view is not None:
        view.close()
    _state.view = fresh
    return fresh


# -- compiling the analyst's query -------------------------------------------

def to_whoosh(node):
    if isinstance(node, Word):
        return wq.Term("text", node.stem)
    if isinstance(node, Phrase):  # for scoring; which documents match is decided by node_mask
        return wq.And([wq.Term("text", s) for s in node.stems])
    if isinstance(node, Prefix):
        return wq.Prefix("text", node.stem)
    if isinstance(node, Any):
        return wq.Or([to_whoosh(option) for option in node.options])
    raise TypeError(node)


def node_mask(view, node):
    if isinstance(node, Phrase):
        return view.phrase_mask(node.stems)
    if isinstance(node, Any):
        mask = np.zeros(len(view.live), dtype=bool)
        for option in node.options:
            mask |= node_mask(view, option)
        return mask
    return view.docs_mask(to_whoosh(node))


def matching(view, query, base):
    mask = base.copy()
    for node in query.required:
        mask &= node_mask(view, node)
    for node in query.excluded:
        mask &= ~node_mask(view, node)
    return mask


# -- facets and order ----------------------------------------------------------

def facet_counts(view, mask):
    c = view.columns
    counts = {}
    for facet in ("actor", "city"):
        multi = getattr(c, facet)
        in_result = np.repeat(mask, np.diff(multi.ptr))
        tally = np.bincount(multi.ids[in_result], minlength=len(col.VOCABULARIES[facet]))
        counts[facet] = _top(tally, col.VOCABULARIES[facet].values)
    sources = c.source[mask]
    tally = np.bincount(sources[sources >= 0], minlength=len(col.VOCABULARIES["source"]))
    counts["source"] = _top(tally, col.VOCABULARIES["source"].values)
    months = view.month[mask]
    months = months[months >= 0]
    if len(months):
        low = int(months.min())
        tally = np.bincount(months - low)
        counts["month"] = [(col.month_label(low + i), int(n)) for i, n in enumerate(tally) if n]
    else:
        counts["month"] = []
    return counts


def _top(tally, values):
    order = np.argsort(-tally, kind="stable")[:FACET_LIMIT]
    return [(values[i], int(tally[i])) for i in order if tally[i] > 0]


def ordered_docs(view, mask, params, query, needed):
    docs = np.flatnonzero(mask)
    sort = params.effective_sort
    if sort == "relevance" and query.required:
        allowed = set(docs.tolist()) if len(docs) < len(mask) else None
        combined = wq.And([to_whoosh(node) for node in query.required])
        results = view.searcher.search(combined, limit=needed or None, filter=allowed)
        return np.array([hit.docnum for hit in results], dtype=np.int64)
    day = view.columns.day[docs]
    ids = view.columns.db_id[docs]
    if sort == "oldest":
        order = np.lexsort((ids, day))
    else:
        order = np.lexsort((-ids, -day))
    return docs[order[:needed]]


def run(params):
    """The Outcome of a search for these SearchParams."""
    view = current_view()
    cache_key = (view.key if view else None, params.query_string(include_format=False))
    with _cache_lock:
        cached = _results.get(cache_key)
        if cached is not None:
            _results.move_to_end(cache_key)
            return cached
    outcome = compute(view, params)
    with _cache_lock:
        _results[cache_key] = outcome
        if len(_results) > RESULT_CACHE_SIZE:
            _results.popitem(last=False)
    return outcome


def select(view, params, query):
    """The mask of documents that answer these parameters."""
    c = view.columns
    mask = view.live & (c.kind == (col.STATEMENT if params.type == "statements" else col.ARTICLE))
    if not query.empty:
        mask = matching(view, query, mask)
    for facet in ("actor", "city", "source"):
        for value in getattr(params, facet):
            mask = mask & view.facet_mask(facet, value)
    if params.date_from:
        mask = mask & (c.day >= col.day_number(params.date_from))
    if params.date_to:
        mask = mask & (c.day >= 0) & (c.day <= col.day_number(params.date_to))
    return mask


def hits_for(view, params, docs):
    kind = "statement" if params.type == "statements" else "article"
    return [Hit(kind, int(view.columns.db_id[d])) for d in docs]


def compute(view, params):
    query = parse_query(params.q)
    if view is None:
        return Outcome(0, params.page, 0, [], {"actor": [], "city": [], "source": [], "month": []},
                       terms(query), describe(query))
    mask = select(view, params, query)
    count = int(mask.sum())
    pages = -(-count // PAGE_SIZE)
    start = (params.page - 1) * PAGE_SIZE
    hits = []
    if start < count:
        hits = hits_for(view, params, ordered_docs(view, mask, params, query, start + PAGE_SIZE)[start:])
    outcome = Outcome(count, params.page, pages, hits, facet_counts(view, mask), terms(query), describe(query),
                      generation=view.key)
    if count == 0 and not query.empty:
        outcome.suggestion = suggest(view, query)
    return outcome


def all_hits(params, chunk=500):
    """Every hit for these parameters, in order, in lists of `chunk` (for exports)."""
    view = current_view()
    if view is None:
        return
    query = parse_query(params.q)
    mask = select(view, params, query)
    docs = ordered_docs(view, mask, params, query, int(mask.sum()))
    for start in range(0, len(docs), chunk):
        yield hits_for(view, params, docs[start:start + chunk])


def suggest(view, query):
    """A spelling the index knows for each unknown word of the query, or "" when none helps."""
    reader = view.searcher.reader()
    words, changed = [], False
    for node in query.required:
        if isinstance(node, Word) and reader.doc_frequency("text", node.stem) == 0:
            options = view.searcher.suggest("text", node.stem, limit=1, maxdist=2, prefix=1)
            if options:
                words.append(options[0])
                changed = True
                continue
        words.append(getattr(node, "original", ""))
    return " ".join(w for w in words if w) if changed else ""


def reset():
    """Forget this thread's index view and every cached result (tests, after a rebuild)."""
    view = getattr(_state, "view", None)
    if view is not None:
        view.close()
    _state.view = None
    with _cache_lock:
        _results.clear()
    IndexView.segment_columns.clear()
    IndexView.segment_sequences.clear()
