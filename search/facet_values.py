"""Facet values between the URL and haystack (slugs) and the engine (database ids), and their names."""
import threading
from typing import NamedTuple

from archive.models import Person, Place, Source

from . import entity_store

MODELS = {"actor": Person, "city": Place, "source": Source}
UNKNOWN = -2  # an id no row has: an unknown slug matches nothing (and excluding it leaves every result)
WHOLE_TABLE = 500  # more ids than this are looked up by reading the table's slugs, not by a long IN list
# A person, a place or a source changes with the names version (search.entity_store): their rows are
# kept per version, and each row is read once per process and version.
KEPT_LIMIT = 100_000  # rows kept per process; past it the memory starts over


class Value(NamedTuple):
    """A facet value's row: what links to it (slug) and what it is called."""

    id: int
    slug: str
    name: str
    name_en: str


def _read(facet, ids=None, slugs=None):
    """The rows of these ids, or else these slugs (the whole table's when they are many)."""
    rows = MODELS[facet].objects.all()
    asked = ids if ids is not None else slugs
    if len(asked) <= WHOLE_TABLE:
        rows = rows.filter(pk__in=list(ids)) if ids is not None else rows.filter(slug__in=list(slugs))
    return [Value(*row) for row in rows.values_list("pk", "slug", "name", "name_en")]


class _Kept:
    """The rows read under one names version, by id and by slug."""

    def __init__(self, token):
        self.token = token
        self.by_id = {facet: {} for facet in MODELS}
        self.by_slug = {facet: {} for facet in MODELS}

    @property
    def size(self):
        return sum(len(values) for values in self.by_id.values())

    def add(self, facet, values):
        for value in values:
            self.by_id[facet][value.id] = self.by_slug[facet][value.slug] = value


_kept = _Kept(None)
_kept_lock = threading.Lock()


def _current():
    """The rows kept for the current names version (none yet when it changed)."""
    global _kept
    token = entity_store.version()
    kept = _kept
    if kept.token != token or kept.size > KEPT_LIMIT:
        with _kept_lock:
            if _kept.token != token or _kept.size > KEPT_LIMIT:
                _kept = _Kept(token)
            kept = _kept
    return kept


def values_of(facet, ids=None, slugs=None):
    """The rows of these ids ({id: Value}) or these slugs ({slug: Value}) that exist.

    A row is read once per names version; a row that does not exist is asked again next
    time (it may have been added since).
    """
    kept = _current()
    known = kept.by_id[facet] if ids is not None else kept.by_slug[facet]
    asked = ids if ids is not None else slugs
    missing = [key for key in asked if key not in known]
    if missing:
        kept.add(facet, _read(facet, ids=missing) if ids is not None else _read(facet, slugs=missing))
    return {key: known[key] for key in asked if key in known}


def ids_for(facet, slugs):
    """The database id of each slug, in order (UNKNOWN for a slug the archive does not have)."""
    found = values_of(facet, slugs=slugs)
    return [found[slug].id if slug in found else UNKNOWN for slug in slugs]


def ids_of(params):
    """{facet: database ids} of the facet filters of these SearchParams, their exclusions as {"not_actor": ids}."""
    ids = {}
    for facet in MODELS:
        for name in (facet, f"not_{facet}"):
            if getattr(params, name):
                ids[name] = tuple(ids_for(facet, getattr(params, name)))
    return ids


def with_slugs(facets):
    """Facet counts {facet: [(id, count)]} as {facet: [(slug, count)]}; a value deleted meanwhile is left out."""
    shown = {}
    for facet, counts in facets.items():
        if facet not in MODELS:
            shown[facet] = list(counts)
            continue
        values = values_of(facet, ids=[value for value, _ in counts]) if counts else {}
        shown[facet] = [(values[value].slug, count) for value, count in counts if value in values]
    return shown


def forget():
    """Drop the kept rows (tests and benchmarks: a rolled-back database may reuse a names version)."""
    global _kept
    with _kept_lock:
        _kept = _Kept(None)
