"""Entity-aware search for the engine: read known names in the query, match them, count their documents."""
from dataclasses import dataclass, field

import numpy as np

from . import columns as col
from . import entity_store
from .distinct import distinct_count
from .query import Query, parse_query

EMPTY = np.zeros(0, dtype=np.int64)


@dataclass
class Understanding:
    """The query to run, and the names read in it (whether or not `exact` switched their expansion off)."""

    query: Query
    names: object = None  # the EntityMatcher the query was read with
    recognized: list = field(default_factory=list)  # [{text, entity, excluded}]
    expanded: bool = False

    @property
    def interpretation(self):
        """The names that did widen this search, for the page and JSON."""
        return [dict(item) for item in self.recognized] if self.expanded else []


def version_for(params):
    """The part of a result's cache key that names decide ("" when the query has no words)."""
    return entity_store.version() if params.q else ""


def understand(params, token=None):
    """Read params.q with the archive's names; with params.exact the plain query runs, names only shown."""
    if not params.q:
        return Understanding(parse_query(params.q))
    names = entity_store.matcher(token)
    named = parse_query(params.q, names=names) if len(names) else parse_query(params.q)
    recognized = names.interpret(named) if len(names) else []
    if params.exact or not recognized:
        return Understanding(parse_query(params.q) if recognized else named, names, recognized, False)
    return Understanding(named, names, recognized, True)


def _sum_by_doc(docs, counts):
    """(sorted unique docs, summed counts). Not np.unique: unless asked for counts it imports
    numpy.ma on its first call in a process (about 70 ms), which would land on an analyst's search."""
    if not len(docs):
        return EMPTY, EMPTY
    order = np.argsort(docs, kind="stable")
    docs, counts = docs[order], counts[order].astype(np.int64)
    starts = np.flatnonzero(np.concatenate(([True], docs[1:] != docs[:-1])))
    return docs[starts], np.add.reduceat(counts, starts)


def _linked_mask(view, node, facets=True):
    """Documents linked to the node's names: by a subject key, and (with `facets`) by facet value."""
    linked = None
    for facet, value_id in node.links:
        masks = [view.facet_mask("subject", col.subject_key(facet, value_id))]
        if facets:
            masks.append(view.facet_mask(facet, value_id))
        for mask in masks:
            linked = mask if linked is None else linked | mask
    return linked


def named_stats(view, node, node_stats, scope=None):
    """(docs, frequencies) of a Named node: any of its names in the text, or a document linked to it.

    Linked are an article naming it, a statement by that person, said in that place, or whose
    words name it (its subjects: "نظيره الروسي" read as Lavrov). A linked document that never
    writes the name counts as one mention, so it ranks below those that write it.
    """

    def compute():
        merged, frequency = written_stats(view, node, node_stats, scope)
        linked = _linked_mask(view, node)
        linked = np.flatnonzero(linked) if linked is not None else EMPTY
        if not len(linked):
            return merged, frequency
        every, total = _sum_by_doc(np.concatenate([merged, linked]),
                                   np.concatenate([frequency, np.zeros(len(linked), dtype=np.int64)]))
        at = np.searchsorted(every, linked)
        total[at] = np.maximum(total[at], 1)
        return every, total

    return view.matched(("n", node.options, node.links), compute, scope)


def written_stats(view, node, node_stats, scope=None):
    """(docs, frequencies) of the node's names written in the text."""
    parts = [node_stats(view, option, scope) for option in node.options]
    return _sum_by_doc(np.concatenate([d for d, _ in parts]) if parts else EMPTY,
                       np.concatenate([c for _, c in parts]) if parts else EMPTY)


def naming_docs(view, node, node_stats, scope=None):
    """Sorted documents whose own words name the node: a name written, or a subject link.

    A statement merely by that person or said in that place is not among them: what
    it says is about something else, so it ranks after those that name it.
    """

    def compute():
        written = written_stats(view, node, node_stats, scope)[0]
        subjects = _linked_mask(view, node, facets=False)
        found = written if subjects is None else np.union1d(written, np.flatnonzero(subjects))
        return found, np.ones(len(found), dtype=np.int64)

    return view.matched(("nn", node.options, node.links), compute, scope)[0]


def entity_cards(view, understanding):
    """The people and places the query names (not those it excludes), with their document counts."""
    names, cards, seen = understanding.names, [], set()
    for item in understanding.recognized:
        ref = item["entity"]
        key = (ref["type"], ref["slug"])
        if item["excluded"] or key in seen:
            continue
        seen.add(key)
        entity = names.entity(*key)
        if entity is None:
            continue
        card = {**entity.ref(), "role": entity.role, "role_en": entity.role_en, "article_count": 0, "statement_count": 0}
        if view is not None:
            linked = view.live & view.facet_mask(entity.facet, entity.id)
            card["article_count"] = int((linked & (view.columns.kind == col.ARTICLE)).sum())
            card["statement_count"] = distinct_count(view, linked & (view.columns.kind == col.STATEMENT))
        cards.append(card)
    return cards
