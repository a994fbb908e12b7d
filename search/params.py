"""The search page's state as parameters: parsing, validation, and the one canonical URL.

No Django import: it reads a mapping of parameter names to lists of values
(QueryDict.lists() gives one) and writes query strings.
"""
import calendar
import re
from dataclasses import dataclass, replace
from datetime import date
from urllib.parse import quote_plus, urlencode

FACETS = ("actor", "city", "source")  # the facets a URL filters by
COUNTED = FACETS + ("month",)  # the facets a search counts
EXCLUDED = tuple(f"not_{facet}" for facet in FACETS)  # the parameters that exclude a facet's values
TYPES = ("articles", "statements")
SORTS = ("relevance", "newest", "oldest")
FORMATS = ("html", "json", "csv", "atom")
# Canonical order of the parameters in every URL the archive writes.
ORDER = ("q", "type", "actor", "city", "source", "not_actor", "not_city", "not_source", "from", "to", "sort", "exact",
         "page", "format")
MAX_QUERY_LENGTH = 500
MAX_FACET_VALUES = 20
MAX_PAGE = 10_000
SLUG = re.compile(r"^[a-z0-9][a-z0-9_-]{0,99}$")
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def opposite_of(facet):
    """not_actor for actor, actor for not_actor."""
    return facet.removeprefix("not_") if facet.startswith("not_") else f"not_{facet}"


class InvalidSearch(ValueError):
    """A parameter the archive cannot honour; the message says which and why."""


@dataclass(frozen=True)
class SearchParams:
    q: str = ""
    type: str = "articles"
    actor: tuple = ()
    city: tuple = ()
    source: tuple = ()
    not_actor: tuple = ()  # results with any of these values are left out
    not_city: tuple = ()
    not_source: tuple = ()
    date_from: date | None = None
    date_to: date | None = None
    sort: str = ""
    exact: bool = False
    page: int = 1
    format: str = "html"

    @property
    def effective_sort(self):
        return self.sort or ("relevance" if self.q else "newest")

    @property
    def has_filters(self):
        return bool(any(getattr(self, name) for name in FACETS + EXCLUDED) or self.date_from or self.date_to)

    def pairs(self, include_format=True):
        """(name, value) pairs in canonical order, defaults and empties dropped."""
        values = {
            "q": [self.q] if self.q else [],
            "type": [self.type] if self.type != "articles" else [],
            "actor": list(self.actor),
            "city": list(self.city),
            "source": list(self.source),
            **{name: list(getattr(self, name)) for name in EXCLUDED},
            "from": [self.date_from.isoformat()] if self.date_from else [],
            "to": [self.date_to.isoformat()] if self.date_to else [],
            "sort": [self.sort] if self.sort and self.sort != self.default_sort else [],
            "exact": ["1"] if self.exact else [],
            "page": [str(self.page)] if self.page != 1 else [],
            "format": [self.format] if include_format and self.format != "html" else [],
        }
        return [(name, value) for name in ORDER for value in values[name]]

    @property
    def default_sort(self):
        return "relevance" if self.q else "newest"

    def query_string(self, include_format=True):
        return urlencode(self.pairs(include_format))

    def url(self, path="/search/", include_format=True):
        query = self.query_string(include_format)
        return f"{path}?{query}" if query else path

    def changed(self, **changes):
        """These parameters with some changed; any change but a page change goes back to page 1."""
        if "page" not in changes:
            changes["page"] = 1
        return replace(self, **changes)

    def adding(self, facet, value):
        """`value` among `facet`'s (actor, or not_actor to exclude it), and out of the opposite list."""
        return self.changed(**self.lists_adding(facet, value))

    def excluding(self, facet, value):
        return self.adding(f"not_{facet}", value)

    def removing(self, facet, value):
        return self.changed(**self.lists_removing(facet, value))

    def lists_adding(self, facet, value):
        """The value lists `adding` changes, as they become."""
        opposite = opposite_of(facet)
        return {facet: tuple(sorted(set(getattr(self, facet)) | {value})),
                opposite: tuple(v for v in getattr(self, opposite) if v != value)}

    def lists_removing(self, facet, value):
        return {facet: tuple(v for v in getattr(self, facet) if v != value)}


def _single(lists, name):
    values = [v for v in lists.get(name, []) if v.strip()]
    if len(values) > 1 and len(set(values)) > 1:
        raise InvalidSearch(f"“{name}” was given {len(values)} different values; give it once.")
    return values[0].strip() if values else ""


def _choice(lists, name, allowed, default):
    value = _single(lists, name).lower() or default
    if value not in allowed:
        raise InvalidSearch(f"“{name}” must be one of {', '.join(allowed)}, not “{value[:40]}”.")
    return value


def _date(lists, name):
    value = _single(lists, name)
    if not value:
        return None
    try:
        return date.fromisoformat(value) if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value) else _bad_date(name, value)
    except ValueError:
        return _bad_date(name, value)


def _bad_date(name, value):
    raise InvalidSearch(f"“{name}” must be a date written YYYY-MM-DD, such as 2016-05-24, not “{value[:40]}”.")


def _slugs(lists, name):
    values = sorted({v.strip().lower() for v in lists.get(name, []) if v.strip()})
    if len(values) > MAX_FACET_VALUES:
        raise InvalidSearch(f"At most {MAX_FACET_VALUES} values of “{name}” can be combined.")
    for value in values:
        if not SLUG.match(value):
            raise InvalidSearch(f"“{value[:40]}” is not a valid {name}: use the value from a facet link.")
    return tuple(values)


def _page(lists):
    value = _single(lists, "page") or "1"
    # isdecimal, not isdigit: int() refuses superscripts such as ² that isdigit accepts.
    if not value.isdecimal() or not 1 <= int(value) <= MAX_PAGE:
        raise InvalidSearch(f"“page” must be a whole number from 1 to {MAX_PAGE:,}, not “{value[:20]}”.")
    return int(value)


def _query(lists):
    value = " ".join(v for v in lists.get("q", []) if v.strip())
    if len(value) > MAX_QUERY_LENGTH:
        raise InvalidSearch(f"The query has {len(value):,} characters; the most is {MAX_QUERY_LENGTH}.")
    return " ".join(CONTROL.sub(" ", value).split())


def parse(lists, allowed_formats=FORMATS):
    """SearchParams from request parameters, or InvalidSearch naming the first bad one."""
    unknown = sorted(set(lists) - set(ORDER))
    if unknown:
        raise InvalidSearch(f"Unknown parameter “{unknown[0][:40]}”. This page takes: {', '.join(ORDER)}.")
    params = SearchParams(
        q=_query(lists),
        type=_choice(lists, "type", TYPES, "articles"),
        actor=_slugs(lists, "actor"),
        city=_slugs(lists, "city"),
        source=_slugs(lists, "source"),
        **{name: _slugs(lists, name) for name in EXCLUDED},
        date_from=_date(lists, "from"),
        date_to=_date(lists, "to"),
        sort=_choice(lists, "sort", ("",) + SORTS, ""),
        exact=_single(lists, "exact") in ("1", "true", "yes", "on"),
        page=_page(lists),
        format=_choice(lists, "format", allowed_formats, "html"),
    )
    for facet in FACETS:
        both = sorted(set(getattr(params, facet)) & set(getattr(params, f"not_{facet}")))
        if both:
            raise InvalidSearch(f"“{both[0][:40]}” is given both in “{facet}” and in “not_{facet}”: "
                                f"a result cannot have it and lack it. Keep one of the two.")
    if params.date_from and params.date_to and params.date_from > params.date_to:
        raise InvalidSearch(f"“from” ({params.date_from}) comes after “to” ({params.date_to}).")
    if params.sort == params.default_sort or (params.sort == "relevance" and not params.q):
        params = replace(params, sort="")
    return params


MAX_MATCH_LENGTH = 100
LISTING_FORMATS = ("html", "json")


def parse_listing(lists):
    """(SearchParams, match) for a facet's own page: the search's parameters and `match`, the typed part of a name."""
    lists = dict(lists)
    typed = lists.pop("match", [])
    unknown = sorted(set(lists) - set(ORDER))
    if unknown:
        raise InvalidSearch(f"Unknown parameter “{unknown[0][:40]}”. This page takes: {', '.join(ORDER)}, match.")
    params = parse(lists, allowed_formats=LISTING_FORMATS)
    match = " ".join(CONTROL.sub(" ", " ".join(typed)).split())
    if len(match) > MAX_MATCH_LENGTH:
        raise InvalidSearch(f"“match” has {len(match):,} characters; the most is {MAX_MATCH_LENGTH}.")
    return params, match


def month_bounds(month):
    """The first and last day of a "YYYY-MM" month: the from and to of its month link."""
    year, number = map(int, month.split("-"))
    return date(year, number, 1), date(year, number, calendar.monthrange(year, number)[1])


class FacetLinks:
    """The addresses of one search with a facet value added, excluded or removed, as
    SearchParams.adding / excluding / removing give them (on page 1), from the search's
    parameters encoded once: a page links each of its ninety facet values twice."""

    def __init__(self, params, path="/search/"):
        self.params, self.path = params, path
        pairs = params.changed(page=1).pairs()
        self._parts = {name: _query_part(name, [value for key, value in pairs if key == name]) for name in ORDER}

    def _url(self, lists):
        parts = {**self._parts, **{name: _query_part(name, values) for name, values in lists.items()}}
        query = "&".join(part for part in (parts[name] for name in ORDER) if part)
        return f"{self.path}?{query}" if query else self.path

    def adding(self, facet, value):
        return self._url(self.params.lists_adding(facet, value))

    def excluding(self, facet, value):
        return self.adding(f"not_{facet}", value)

    def removing(self, facet, value):
        return self._url(self.params.lists_removing(facet, value))


def _query_part(name, values):
    """One parameter's pairs as urlencode writes them (a name is plain ASCII), without its per-pair type checks."""
    return "&".join(f"{name}={quote_plus(value)}" for value in values)
