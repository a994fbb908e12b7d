"""Facet values between the URL and haystack (slugs) and the engine (database ids)."""
from archive.models import Person, Place, Source

MODELS = {"actor": Person, "city": Place, "source": Source}
UNKNOWN = -2  # an id no row has: an unknown slug matches nothing (and excluding it leaves every result)
WHOLE_TABLE = 500  # more ids than this are looked up by reading the table's slugs, not by a long IN list


def ids_for(facet, slugs):
    """The database id of each slug, in order (UNKNOWN for a slug the archive does not have)."""
    found = dict(MODELS[facet].objects.filter(slug__in=slugs).values_list("slug", "pk"))
    return [found.get(slug, UNKNOWN) for slug in slugs]


def ids_of(params):
    """{facet: database ids} of the facet filters of these SearchParams, their exclusions as {"not_actor": ids}."""
    ids = {}
    for facet in MODELS:
        for name in (facet, f"not_{facet}"):
            if getattr(params, name):
                ids[name] = tuple(ids_for(facet, getattr(params, name)))
    return ids


def slugs_for(facet, ids):
    """{id: slug} for these ids."""
    rows = MODELS[facet].objects.all()
    if len(ids) <= WHOLE_TABLE:
        rows = rows.filter(pk__in=list(ids))
    return dict(rows.values_list("pk", "slug"))


def with_slugs(facets):
    """Facet counts {facet: [(id, count)]} as {facet: [(slug, count)]}; a value deleted meanwhile is left out."""
    shown = {}
    for facet, counts in facets.items():
        if facet not in MODELS:
            shown[facet] = list(counts)
            continue
        slugs = slugs_for(facet, [value for value, _ in counts]) if counts else {}
        shown[facet] = [(slugs[value], count) for value, count in counts if value in slugs]
    return shown
