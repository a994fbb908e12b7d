"""The archive's engine behind haystack's SearchQuerySet: the query it builds and the backend's search().

`SearchQuerySet().models(Statement).filter(content="لافروف حلب").narrow('city:"aleppo"')
.facet("actor").order_by("-published")[0:20]` runs the archive's own engine (search.engine) and
returns what the search page shows: the results, the count, the facet counts and the spelling
suggestion. What haystack has no word for travels beside them (`ArchiveSearchQuery.outcome`):
how the query was read, the names that widened it, the words to highlight.

What the archive understands of haystack's query language (anything else is refused with
SearchBackendError, never silently dropped):

- `content` (or the document field, `text`): the archive's query language (words, "phrases",
  OR, -word, word*); several are ANDed, `~SQ(content=...)` excludes; `Exact(...)` keeps names to
  the spelling typed (the page's `exact=1`);
- `published__gte`, `__gt`, `__lte`, `__lt`, `__exact`: the date range;
- `actor`, `city`, `source` (`=`, `__exact`, `__in`) or `narrow('actor:"slug"')`: facet filters;
  `exclude(actor="slug")` (`~SQ(...)`, `__in` excludes each) or `narrow('-actor:"slug"')` leaves out
  every result with the value (the page's `not_actor`);
- `models(Article)` or `models(Statement)`: what is searched (articles when none is named);
- `order_by("-published")` newest first, `order_by("published")` oldest first, none (or
  `-score`) by relevance when there are words;
- `facet("actor" | "city" | "source" | "month")`: the top values with their counts (the top 30;
  `limit=n` fewer, `limit=-1` every value, as Solr's facet.limit).
"""
import logging
from dataclasses import replace
from functools import partial
from datetime import date, timedelta

from haystack.backends import BaseSearchQuery, SearchNode, log_query
from haystack.constants import FILTER_SEPARATOR
from haystack.exceptions import SearchBackendError
from haystack.inputs import BaseInput, Exact
from haystack.models import SearchResult

from . import engine, facet_values
from .params import COUNTED, EXCLUDED, SearchParams
from .params import FACETS as FILTER_FACETS

KEY_FIELDS = {"pk", "id", "django_ct", "django_id", "score"}  # what a result knows without its row
CONTENT_FIELDS = ("content", "text")
ORDERS = {"-published": "newest", "published": "oldest", "-score": "relevance", "score": "relevance"}


class ArchiveResult(SearchResult):
    """Haystack's SearchResult, with its logger looked up once rather than per result."""

    _log = logging.getLogger("haystack")

    def _get_log(self):
        return self._log


class ArchiveSearchQuery(BaseSearchQuery):
    """Haystack's query object, read into the archive's SearchParams instead of a query string."""

    def __init__(self, using="default"):
        super().__init__(using=using)
        self.result_class = ArchiveResult
        self.outcome = None

    def set_result_class(self, klass):
        self.result_class = klass or ArchiveResult

    def _reset(self):
        super()._reset()
        self.outcome = None

    def build_query_fragment(self, field, filter_type, value):
        """A readable fragment (str(query)); searching goes through search_params() instead."""
        return f"{field}{FILTER_SEPARATOR}{filter_type}={_content(value)}"

    def matching_all_fragment(self):
        return ""

    def search_params(self):
        """The SearchParams this query describes (page 1: the window comes from the offsets)."""
        reading = _Reading()
        reading.read(self.query_filter)
        for narrow in sorted(self.narrow_queries):
            reading.narrow(narrow)
        kinds = {model._meta.model_name for model in self.models}
        if len(kinds) > 1 or kinds - {"article", "statement"}:
            raise SearchBackendError("The archive searches articles or statements, one kind at a time.")
        sort = ""
        for field in self.order_by[:1]:
            if field not in ORDERS:
                raise SearchBackendError(f"The archive cannot order by {field!r}; it orders by {sorted(ORDERS)}.")
            sort = ORDERS[field]
        return SearchParams(q=reading.text(), type="statements" if kinds == {"statement"} else "articles",
                            actor=reading.values["actor"], city=reading.values["city"],
                            source=reading.values["source"], date_from=reading.date_from,
                            date_to=reading.date_to, sort=sort, exact=reading.exact,
                            **{name: reading.values[name] for name in EXCLUDED})

    def build_params(self, spelling_query=None):
        refused = [what for what, asked in (
            ("highlighting (the pages highlight themselves)", self.highlight),
            ("date facets (facet('month') counts months)", self.date_facets),
            ("query facets", self.query_facets),
            ("boosts", self.boost),
            ("more than one order", len(self.order_by) > 1),
            ("places and distances", self.within or self.dwithin or self.distance_point),
        ) if asked]
        if refused:
            raise SearchBackendError(f"The archive's search does not do {', '.join(refused)}.")
        params = super().build_params(spelling_query)
        params["archive_params"] = self.search_params()
        return params

    def run(self, spelling_query=None, **kwargs):
        search_kwargs = self.build_params(spelling_query=spelling_query)
        search_kwargs.update(kwargs)
        results = self.backend.search(self.build_query(), **search_kwargs)
        self._results = results.get("results", [])
        self._hit_count = results.get("hits", 0)
        self._facet_counts = self.post_process_facets(results)
        self._spelling_suggestion = results.get("spelling_suggestion", None)
        self.outcome = results.get("outcome")


class _Reading:
    """What a haystack filter tree says, in the archive's terms."""

    def __init__(self):
        self.words, self.exact = [], False
        self.date_from = self.date_to = None
        self.values = {facet: () for facet in FILTER_FACETS + EXCLUDED}  # not_actor: the excluded actors

    def text(self):
        return " ".join(self.words)

    def read(self, node, negated=False):
        negated = negated != node.negated
        facets = [child for child in node.children if _facet_condition(child)]
        if negated and facets and len(node.children) > 1:
            # not (a or b) of facet values is "without each"; not (a and b) is neither without a nor without b
            if node.connector != SearchNode.OR or len(facets) < len(node.children):
                raise SearchBackendError("The archive excludes facet values one by one, not a combination of conditions.")
            for child in facets:
                self.condition(*child, negated=True)
            return
        if node.connector == SearchNode.OR and len(node.children) > 1:
            alternatives = [self._alternative(child) for child in node.children]
            # not (a or b) is "neither": each word excluded
            self.words.append(" ".join(_excluded(a) for a in alternatives) if negated else " OR ".join(alternatives))
            return
        for child in node.children:
            if isinstance(child, SearchNode):
                self.read(child, negated)
            else:
                self.condition(*child, negated=negated)

    def _alternative(self, child):
        if isinstance(child, SearchNode) or child[0].split(FILTER_SEPARATOR)[0] not in CONTENT_FIELDS:
            raise SearchBackendError("The archive can OR words, not filters.")
        return _content(child[1])

    def condition(self, expression, value, negated=False):
        field, filter_type = SearchNode().split_expression(expression)
        if field in CONTENT_FIELDS and filter_type in ("content", "contains", "exact"):
            self.exact = self.exact or isinstance(value, Exact) or filter_type == "exact"
            text = _content(value)
            self.words.append(_excluded(text) if negated else text)
        elif field in FILTER_FACETS and filter_type in ("content", "exact", "in"):
            values = value if filter_type == "in" else [value]
            # not (a or b) leaves out each: excluding `actor__in` excludes every value in it
            self.values[f"not_{field}" if negated else field] += tuple(_content(v) for v in values)
        elif negated:
            raise SearchBackendError(f"The archive can exclude words and facet values, not {field}.")
        elif field == "published":
            self.published(filter_type, value)
        else:
            raise SearchBackendError(f"The archive cannot filter on {expression!r}.")

    def published(self, filter_type, value):
        if filter_type not in ("gte", "gt", "lte", "lt", "exact"):
            raise SearchBackendError(f"The archive filters published by gte, gt, lte, lt or exact, not {filter_type!r}.")
        day = value.date() if hasattr(value, "date") else value
        if not isinstance(day, date):
            raise SearchBackendError("A published date must be a date.")
        if filter_type in ("gte", "gt", "exact"):
            self.date_from = day + timedelta(days=filter_type == "gt")
        if filter_type in ("lte", "lt", "exact"):
            self.date_to = day - timedelta(days=filter_type == "lt")

    def narrow(self, narrow):
        field, _, value = narrow.partition(":")
        excluded = field.startswith(("-", "NOT "))  # a Solr filter query's negation: -actor:"slug"
        field = field.removeprefix("-").removeprefix("NOT ").strip().removesuffix("_exact")
        if field not in FILTER_FACETS or not value:
            raise SearchBackendError(f"The archive narrows by actor, city or source, not {narrow!r}.")
        self.values[f"not_{field}" if excluded else field] += (value.strip('"').replace('\\', ''),)


def _facet_condition(child):
    return not isinstance(child, SearchNode) and child[0].split(FILTER_SEPARATOR)[0] in FILTER_FACETS


def _content(value):
    return str(value.query_string if isinstance(value, BaseInput) else value)


def _excluded(text):
    """One word, excluded. The query language cannot say "not all of these words" or "not this phrase"."""
    if len(text.split()) != 1 or text[:1] in '"“«':
        raise SearchBackendError(f"The archive can exclude single words, not {text!r}.")
    return f"-{text}"


def _limit(facets, name):
    """How many values of a facet were asked for: None for the top FACET_LIMIT, -1 (or more) for all."""
    options = facets.get(name) if isinstance(facets, dict) else None
    limit = (options or {}).get("limit")
    return None if limit is None else int(limit)


def _complete(facets):
    """The facets whose every value was asked for (a limit below zero, or above what the engine lists)."""
    return tuple(name for name in FILTER_FACETS if name in (facets or ())
                 and (_limit(facets, name) or 0) not in range(0, engine.FACET_LIMIT + 1))


def _listed(values, limit):
    return values if limit is None or limit < 0 else values[:limit]


class EngineSearch:
    """The read half of the archive's haystack backend: search() answered by search.engine."""

    @log_query
    def search(self, query_string, start_offset=0, end_offset=None, facets=None, result_class=None,
               archive_params=None, spelling_query=None, **kwargs):
        params = archive_params if archive_params is not None else SearchParams(q=query_string)
        # values() and values_list() ask for fields (through the query's `fields` or the call's)
        if set(kwargs.get("fields") or ()) - KEY_FIELDS:
            raise SearchBackendError("The archive's index stores no fields: results load their rows.")
        unknown = sorted(set(facets or ()) - set(COUNTED))
        if unknown:
            raise SearchBackendError(f"The archive counts {', '.join(COUNTED)}, not {', '.join(unknown)}.")
        ids = partial(facet_values.ids_of, params)  # looked up only when the result is not cached
        outcome, hits = engine.window(params, ids, start_offset or 0, end_offset, _complete(facets))
        suggestion = outcome.suggestion
        if spelling_query:  # the suggestion for another text than the query's (SearchQuerySet.spelling_suggestion)
            suggestion = engine.run(replace(params, q=spelling_query, page=1), ids).suggestion
        # Rows are kept per entity version (search.facet_values): a renamed slug shows at once.
        slugged = facet_values.with_slugs(outcome.facets) if facets else {}
        result_class = result_class or ArchiveResult
        app_model = ("archive", "statement" if params.type == "statements" else "article")
        return {
            # Keys are strings, as haystack's other backends give them; results are in rank order (no scores).
            "results": [result_class(*app_model, str(hit.id), 0.0) for hit in hits],
            "hits": outcome.count,
            "facets": {"fields": {name: _listed(slugged[name], _limit(facets, name)) for name in (facets or ())},
                       "dates": {}, "queries": {}},
            "spelling_suggestion": suggestion or None,
            "outcome": outcome,
        }

    def more_like_this(self, model_instance, additional_query_string=None, **kwargs):
        raise SearchBackendError("The archive's search does not find documents like another one.")
