"""Run a search: filter, match, count facets, rank, page; repeated searches come from a cache.

The engine works on database ids: facet filters come as ids (search.facet_values turns the
URL's slugs into them) and facet counts go out as ids; search.reading, the haystack backend,
translates them. Filters and facets use numpy columns and apply first. Words, phrases and prefixes
are matched on the documents' stem sequences (search.sequences; Whoosh's term
dictionary expands a prefix): in the whole archive, or only in the candidates
when the filters or a rare word's postings leave few. Ranking is BM25 over the
frequencies the match already produced. Several reports of one statement (wire
copy in other outlets) count and show once (search.distinct). A repeated search (a reloaded bookmark)
is answered from a cache keyed by the canonical URL and the index generation, so
it costs almost nothing and is never stale. Known names (search.entity_search)
widen a query to their other names and linked documents; the version of the
names is part of the cache key.
"""
import itertools
from dataclasses import dataclass, field, replace

import numpy as np
from . import columns as col
from . import entity_search, entity_store, facet_values
from .columns import NO_VALUE
from .distinct import distinct_count, distinct_docs, distinct_values
from .index_view import current_view, forget_view
from .lru import LRUCache
from .params import COUNTED
from .query import describe, terms

PAGE_SIZE = 20
FACET_LIMIT = 30
RESULT_CACHE_SIZE = 512
ORDER_CACHE_SIZE = 4
BM25_K1, BM25_B = 1.2, 0.75
SCOPE_SHARE = 8  # filters leaving at most 1/8 of the documents: match words in those alone
RARE_SHARE = 64  # a word in at most 1/64 of the documents: found through its postings
EMPTY_FACETS = {facet: [] for facet in COUNTED}


@dataclass
class Hit:
    kind: str  # "article" or "statement"
    id: int


@dataclass(eq=False)  # compared and hashed by identity: one computed result
class Outcome:
    count: int
    hits: list
    facets: dict  # {facet: [(database id, count)]}, months as "YYYY-MM"
    facet_totals: dict = field(default_factory=dict)  # {facet: how many values it has}, of which `facets` lists the top
    terms: list = field(default_factory=list)
    understood: str = ""
    suggestion: str = ""
    interpretation: list = field(default_factory=list)  # names that widened the search
    recognized: list = field(default_factory=list)  # names read, also when `exact` kept them narrow
    entities: list = field(default_factory=list)  # the cards of the people and places the query names
    key: tuple = ()  # this computation: the cache key (index generation, names, search) and a serial number


_results = LRUCache(RESULT_CACHE_SIZE)
_computed = itertools.count()
_orders = LRUCache(ORDER_CACHE_SIZE)  # whole result orders for windows off the page grid (search.reading)


# -- matching ------------------------------------------------------------------

def node_stats(view, node, scope=None):
    """(docs, frequencies) of the documents a query node matches (query.Node.stats)."""
    return node.stats(view, scope)


def as_mask(view, docs):
    mask = np.zeros(len(view.live), dtype=bool)
    mask[docs] = True
    return mask


@dataclass
class Selection:
    """The documents that answer a search, the documents its filters allow, and the
    (docs, frequencies) of each required node."""

    mask: np.ndarray
    filtered: np.ndarray
    stats: list
    naming: list = field(default_factory=list)  # per name in the query: the statements whose words name it


def select(view, params, ids, query):
    """The Selection for these parameters (facet values as `ids`, {facet: database ids}).

    Filters (type, facets, dates) apply first; when they leave few candidates the words
    are matched in those documents alone instead of in the whole archive.
    """
    c = view.columns
    mask = view.live & (c.kind == (col.STATEMENT if params.type == "statements" else col.ARTICLE))
    for facet in ("actor", "city", "source"):
        for value_id in ids.get(facet, ()):
            mask &= view.facet_mask(facet, value_id)
        for value_id in ids.get(f"not_{facet}", ()):
            mask &= ~excluded_mask(view, facet, value_id)
    if params.date_from:
        mask &= c.day >= col.day_number(params.date_from)
    if params.date_to:
        mask &= (c.day >= 0) & (c.day <= col.day_number(params.date_to))
    filtered, scope = mask.copy(), scope_of(mask)
    # Not when ranking weighs several words against each other: their rarity among the filtered
    # documents needs every match, not only those beside the rarest word.
    if scope is None and params.type == "articles" and (len(query.required) == 1 or params.effective_sort != "relevance"):
        scope = rare_word_scope(view, query, mask)
    stats = []
    for node in query.required:
        stats.append(node.stats(view, scope))
        mask &= as_mask(view, stats[-1][0])
    for node in query.excluded:
        mask &= ~as_mask(view, node.stats(view, scope)[0])
    naming = []
    if params.type == "statements" and params.effective_sort == "relevance":  # only that order uses them
        naming = [docs for docs in (node.naming(view, scope) for node in query.required) if docs is not None]
    return Selection(mask, filtered, stats, naming)


def excluded_mask(view, facet, value_id):
    """The documents an excluded value leaves out: those carrying it, and every other report of their statements.

    A statement is a result when any of its reports carries a value (the filter), so it is left
    out when any does: the results with and without a value then add up to all of them.
    """

    def compute():
        carrying = view.facet_mask(facet, value_id)
        groups = view.columns.report_group
        held = groups[carrying]
        held = held[held != NO_VALUE]
        return carrying | np.isin(groups, held) if len(held) else carrying

    return view.cached(("x", facet, value_id), compute)


def scope_of(mask):
    """The candidates' document numbers when they are few enough to scan alone, else None."""
    candidates = np.flatnonzero(mask)
    return candidates if len(candidates) * SCOPE_SHARE <= len(mask) else None


def rare_word_scope(view, query, mask):
    """The filtered articles that hold the query's rarest required word, when it is rare enough.

    A word that only a few articles hold is cheaper to find in Whoosh's postings (every
    article lists its words there; statements do not) than by scanning every sequence; the
    scan then runs in those articles alone, for the frequencies and the phrases.
    """
    stems = [stem for node in query.required for stem in node.required_stems()]
    if not stems:
        return None
    frequency, rarest = min((view.doc_frequency(stem), stem) for stem in stems)
    if frequency * RARE_SHARE > len(mask):
        return None
    return np.flatnonzero(mask & as_mask(view, view.postings(rarest)))


# -- facets and order --------------------------------------------------------------

def facet_counts(view, mask, complete=()):
    """The top values of each facet over the result set, and how many values each has.

    ({facet: [(database id or month, count)]}, {facet: number of values}). A facet named in
    `complete` lists every value, the others their FACET_LIMIT most frequent. A value counts
    distinct statements: the reports of one statement count once, as in the result count after
    clicking it.
    """
    c = view.columns
    counts, totals = {}, {}
    docs = np.flatnonzero(mask)
    # Only reports of one statement share a group: results with none count each document as it is.
    grouped = bool(np.any(c.report_group[docs] != NO_VALUE))
    for facet in ("actor", "city", "source"):
        if facet == "source":
            values, rows = c.source[docs], docs
        else:
            values, rows = tags_of(getattr(c, facet), mask, docs, with_rows=grouped)
        present = values >= 0
        values = distinct_values(view, values[present], rows[present]) if grouped else values[present]
        tally = np.bincount(values) if len(values) else np.zeros(0, dtype=np.int64)
        counts[facet] = _top(tally, None if facet in complete else FACET_LIMIT)
        totals[facet] = int(np.count_nonzero(tally))
    months = view.month[docs]
    present = months >= 0
    months = distinct_values(view, months[present], docs[present]) if grouped else months[present]
    counts["month"] = []
    if len(months):
        low = int(months.min())
        tally = np.bincount(months - low)
        counts["month"] = [(col.month_label(low + i), int(n)) for i, n in enumerate(tally) if n]
    totals["month"] = len(counts["month"])
    return counts, totals


SPARSE_SHARE = 8  # results below 1/8 of the documents read their own tags rather than test every tag's document


def tags_of(multi, mask, docs, with_rows=True):
    """The values of a multi-valued column held by the documents in `mask` (`docs` its positions), and their
    rows (None unless `with_rows`).

    In document order either way: a few results gather their own runs of the column, many
    test each stored value's document against the mask. Each costs what its side holds.
    """
    if len(docs) * SPARSE_SHARE < len(mask):
        starts = multi.ptr[docs]
        counts = multi.ptr[docs + 1] - starts
        return multi.ids[col.ranges(starts, counts)], np.repeat(docs, counts) if with_rows else None
    chosen = mask[multi.rows]
    return multi.ids[chosen], multi.rows[chosen] if with_rows else None


def _top(tally, limit):
    """The values with a count, most frequent first (the lower id first among equals), at most `limit`."""
    order = np.argsort(-tally, kind="stable")[:np.count_nonzero(tally) if limit is None else limit]
    return [(int(i), int(tally[i])) for i in order if tally[i] > 0]


def scores(view, selection, docs):
    """BM25 of each of `docs` for the query's required words and phrases.

    A word's rarity (idf) is counted among the documents the filters allow, so the same
    search ranks alike whether its words were matched in those documents or in all.
    """
    total = np.zeros(len(docs), dtype=np.float64)
    allowed = max(int(selection.filtered.sum()), 1)
    lengths = view.lengths
    average = max(float(lengths.mean()) if len(lengths) else 1.0, 1.0)
    for matched, frequency in selection.stats:
        holding = int(selection.filtered[matched].sum())
        idf = np.log(1 + (allowed - holding + 0.5) / (holding + 0.5))
        where = np.searchsorted(matched, docs)
        where[where >= len(matched)] = 0
        hit = matched[where] == docs if len(matched) else np.zeros(len(docs), dtype=bool)
        tf = np.where(hit, frequency[where] if len(matched) else 0, 0).astype(np.float64)
        norm = BM25_K1 * (1 - BM25_B + BM25_B * lengths[docs] / average) if len(lengths) else BM25_K1
        total += idf * tf * (BM25_K1 + 1) / (tf + norm)
    return total


def ordered_docs(view, selection, params, needed):
    """The first `needed` results in order, each statement once however many articles report it.

    In a statement search for a name, those whose own words name it come first.
    """
    docs = np.flatnonzero(selection.mask)
    day, ids = view.columns.day[docs], view.columns.db_id[docs]
    sort = params.effective_sort
    if sort == "relevance" and selection.stats:
        keys = [-ids, -day, -scores(view, selection, docs)]
        if selection.naming:
            keys.append(-sum(np.isin(docs, named, assume_unique=True).astype(np.int64) for named in selection.naming))
    elif sort == "oldest":
        keys = [ids, day]
    else:
        keys = [-ids, -day]
    if params.type == "statements":  # the reports of one statement are dropped after ordering: order all
        return distinct_docs(view, docs[np.lexsort(keys)])[:needed]
    return docs[first_in_order(keys, needed)]


def first_in_order(keys, needed):
    """The positions of the `needed` first in np.lexsort(keys) order, without ordering them all.

    Those past the needed-th value of the primary (last) key cannot come first; the few left,
    ties included, are ordered in full: the same order, as lexsort keeps ties in place.
    """
    primary = keys[-1]
    if needed <= 0:
        return np.zeros(0, dtype=np.int64)
    if needed >= len(primary):
        return np.lexsort(keys)
    cut = np.partition(primary, needed - 1)[needed - 1]
    few = np.flatnonzero(primary <= cut)
    return few[np.lexsort([key[few] for key in keys])][:needed]


def hits_for(view, params, docs):
    kind = "statement" if params.type == "statements" else "article"
    return [Hit(kind, int(view.columns.db_id[d])) for d in docs]


# -- the search ----------------------------------------------------------------------

def _ids(params, ids):
    """The facet filters as ids: every facet value of the URL must have come translated."""
    ids = ids() if callable(ids) else ids
    ids = {facet: tuple(values) for facet, values in (ids or {}).items() if values}
    for facet in ("actor", "city", "source", "not_actor", "not_city", "not_source"):
        if len(getattr(params, facet)) != len(ids.get(facet, ())):
            raise ValueError(f"the {facet} filter must come as database ids (search.facet_values.ids_of)")
    return ids


def run(params, ids=None, complete=()):
    """The Outcome of a search for these SearchParams.

    `ids` are its facet values as database ids ({facet: ids}, {"not_actor": ids} for exclusions),
    or a function giving them, called only when the result is not cached: within one index
    generation a slug names one row (a changed slug is a change the writer applies, and with it a
    new generation). The facets named in `complete` list every value (a facet's own page), the
    others their top FACET_LIMIT.
    """
    view = current_view()
    names_token = entity_search.version_for(params)
    complete = tuple(sorted(complete))
    cache_key = (view.key if view else None, names_token, params.query_string(include_format=False), complete)
    cached = _results.get(cache_key)
    if cached is not None:
        return cached
    outcome = compute(view, params, _ids(params, ids), names_token, complete)
    outcome.key = (*cache_key, next(_computed))  # a result computed again (after reset()) is a new one
    _results.put(cache_key, outcome)
    return outcome


def compute(view, params, ids, names_token=None, complete=()):
    understanding = entity_search.understand(params, names_token)
    query = understanding.query
    named = {"interpretation": understanding.interpretation, "recognized": understanding.recognized,
             "entities": entity_search.entity_cards(view, understanding)}
    if view is None:
        return Outcome(0, [], dict(EMPTY_FACETS), {facet: 0 for facet in EMPTY_FACETS}, terms(query), describe(query),
                       **named)
    selection = select(view, params, ids, query)
    count = distinct_count(view, selection.mask)
    start = (params.page - 1) * PAGE_SIZE
    hits = []
    if start < count:
        hits = hits_for(view, params, ordered_docs(view, selection, params, start + PAGE_SIZE)[start:])
    facets, totals = facet_counts(view, selection.mask, complete)
    outcome = Outcome(count, hits, facets, totals, terms(query), describe(query), **named)
    if count == 0 and not query.empty:
        outcome.suggestion = suggest(view, query, understanding.names)
    return outcome


def window(params, ids, start, end=None, complete=()):
    """(Outcome, the hits from `start` to `end` in the search's order): haystack's slices.

    A page's window comes from the result cache; any other (an export's chunks) from the
    whole order, kept for the few searches exported at once.
    """
    if end is not None and start % PAGE_SIZE == 0 and end - start <= PAGE_SIZE:
        outcome = run(replace(params, page=start // PAGE_SIZE + 1), ids, complete)
        return outcome, outcome.hits[:max(end - start, 0)]
    outcome = run(replace(params, page=1), ids, complete)
    view = current_view()
    if view is None:
        return outcome, []
    docs = _orders.get_or_make(outcome.key[:-1], lambda: _whole_order(view, params, ids))
    return outcome, hits_for(view, params, docs[start:end])


def _whole_order(view, params, ids):
    selection = select(view, params, _ids(params, ids), entity_search.understand(params).query)
    return ordered_docs(view, selection, params, int(selection.mask.sum()))  # all of them


def suggest(view, query, names=None):
    """A known name or a spelling the index knows for each unknown word of the query, or "" when none helps."""
    reader = view.searcher.reader()
    words, changed = [], False
    for node in query.required:
        stem = node.lone_stem()
        if stem is not None and reader.doc_frequency("text", stem) == 0:
            name = names.closest(node.original) if names is not None else ""
            if name:  # a misspelled name (لافرف, Lavrof): the alias list knows better than the index
                words.append(name)
                changed = True
                continue
            options = view.searcher.suggest("text", stem, limit=1, maxdist=2, prefix=1)
            if options:
                words.append(options[0])
                changed = True
                continue
        words.append(node.original)
    return " ".join(w for w in words if w) if changed else ""


def reset():
    """Forget this thread's index view and every cached result (tests, benchmarks)."""
    forget_view()
    entity_store.forget()
    facet_values.forget()
    _results.clear()
    _orders.clear()
