"""What the pages ask of search through haystack: a page of results, every hit to export, every value of a facet.

The pages call these functions; each builds a haystack SearchQuerySet from the URL's
SearchParams, so the same page runs on any haystack backend that understands the filters
(search.reading says which). What haystack has no word for (how the query was read, the
names that widened it) comes from the archive's engine when it is the backend, and is empty
otherwise.
"""
from dataclasses import dataclass, field

from haystack.inputs import Exact
from haystack.query import SQ, SearchQuerySet

from archive.models import Article, Statement

from .engine import PAGE_SIZE, Hit
from .params import COUNTED

ORDER = {"newest": "-published", "oldest": "published", "relevance": "-score"}


@dataclass(eq=False)
class Found:
    """One page of a search, as the page, its JSON and its feed show it."""

    count: int
    page: int
    hits: list
    facets: dict
    suggestion: str = ""
    terms: list = field(default_factory=list)  # the words to highlight
    understood: str = ""
    interpretation: list = field(default_factory=list)  # names that widened the search
    recognized: list = field(default_factory=list)  # names read, also when `exact` kept them narrow
    entities: list = field(default_factory=list)  # cards of the people and places the query names
    key: tuple | None = None  # names these very results, so pages made from them can be kept (None: never)
    facet_totals: dict = field(default_factory=dict)  # {facet: how many values it has} when the backend tells

    @property
    def pages(self):
        return -(-self.count // PAGE_SIZE)


def queryset(params, facets=None):
    """The SearchQuerySet for these parameters: what is searched, filtered, counted and in what order.

    `facets` are haystack's facet options ({"actor": {"limit": -1}}); by default each facet's top values.

    Built on one query object (SearchQuerySet clones its query at every chained call, and a
    cached page is otherwise answered in a twentieth of a millisecond).
    """
    found = SearchQuerySet()
    query = found.query
    query.add_model(Statement if params.type == "statements" else Article)
    if params.q:
        query.add_filter(SQ(content=Exact(params.q) if params.exact else params.q))
    for facet in ("actor", "city", "source"):
        for slug in getattr(params, facet):
            query.add_narrow_query(f'{facet}:"{slug}"')
        for slug in getattr(params, f"not_{facet}"):  # a filter query's negation, as Solr writes it
            query.add_narrow_query(f'-{facet}:"{slug}"')
    if params.date_from:
        query.add_filter(SQ(published__gte=params.date_from))
    if params.date_to:
        query.add_filter(SQ(published__lte=params.date_to))
    if params.sort:  # otherwise the backend's default: by relevance when there are words, else newest
        query.add_order_by(ORDER[params.sort])
    for facet, options in (facets or {facet: {} for facet in COUNTED}).items():
        query.add_field_facet(facet, **options)
    return found


def find(params):
    """The page of results `params.page` asks for, with the count, facet counts and suggestion."""
    found = queryset(params)
    start = (params.page - 1) * PAGE_SIZE
    results = found[start:start + PAGE_SIZE]
    count = found.count()
    facets = found.facet_counts().get("fields", {})
    outcome = found.query.outcome
    return Found(
        count=count, page=params.page, hits=[_hit(result) for result in results],
        facets={facet: list(facets.get(facet, [])) for facet in COUNTED},
        suggestion=found.spelling_suggestion() or "",
        **(_engine_reading(outcome) if outcome is not None else {}),
    )


def every_value(params, facet):
    """(the result count, every value of one facet over these results as [(slug, count)], most frequent first)."""
    found = queryset(params, facets={facet: {"limit": -1}})
    count = found.count()
    return count, list(found.facet_counts().get("fields", {}).get(facet, []))


def find_all(params, chunk=500):
    """Every hit for these parameters, in order, in lists of `chunk` (for exports)."""
    found = queryset(params)
    for start in range(0, found.count(), chunk):
        yield [_hit(result) for result in found[start:start + chunk]]


def _hit(result):
    return Hit(result.model_name, int(result.pk))


def _engine_reading(outcome):
    return {"terms": outcome.terms, "understood": outcome.understood, "interpretation": outcome.interpretation,
            "recognized": outcome.recognized, "entities": outcome.entities, "key": outcome.key,
            "facet_totals": outcome.facet_totals}
