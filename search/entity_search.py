"""Entity-aware search for the engine: read known names in the query and count the documents of their cards."""
from dataclasses import dataclass, field

from . import columns as col
from . import entity_store
from .distinct import distinct_count
from .query import Query, parse_query


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
