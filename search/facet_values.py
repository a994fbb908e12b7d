"""Facet values between the URL (slugs) and the index (database ids)."""
from archive.models import Person, Place, Source

MODELS = {"actor": Person, "city": Place, "source": Source}
UNKNOWN = -2  # an id no row has: an unknown slug matches nothing


def ids_for(facet, slugs):
    """The database id of each slug, in order (UNKNOWN for a slug the archive does not have)."""
    found = dict(MODELS[facet].objects.filter(slug__in=slugs).values_list("slug", "pk"))
    return [found.get(slug, UNKNOWN) for slug in slugs]


def slugs_for(facet, ids):
    """{id: slug} for these ids."""
    return dict(MODELS[facet].objects.filter(pk__in=list(ids)).values_list("pk", "slug"))
