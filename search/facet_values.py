"""Facet values between the URL and haystack (slugs) and the engine (database ids)."""
from archive.models import Person, Place, Source

MODELS = {"actor": Person, "city": Place, "source": Source}
UNKNOWN = -2  # an id no row has: an unknown slug matches nothing


def ids_for(facet, slugs):
    """The database id of each slug, in order (UNKNOWN for a slug the archive does not have)."""
    found = dict(MODELS[facet].objects.filter(slug__in=slugs).values_list("slug", "pk"))
    return [found.get(slug, UNKNOWN) for slug in slugs]


def ids_of(params):
    """{facet: database ids} of the facet filters of these SearchParams."""
    return {facet: tuple(ids_for(facet, getattr(params, facet))) for facet in MODELS if getattr(params, facet)}


def slugs_for(facet, ids):
    """{id: slug} for these ids."""
    return dict(MODELS[facet].objects.filter(pk__in=list(ids)).values_list("pk", "slug"))


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
