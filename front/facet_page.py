"""A facet's own page: every value of one facet over a search's results, filtered by part of a name."""
from dataclasses import replace

from django.urls import reverse
from django.utils.translation import gettext as _

from search import entity_store, facet_values
from search.entities import name_key
from search.finding import every_value
from search.params import FACETS

from .naming import display_name, search_path
from .search_page import FACET_TITLES, facet_page_pairs, facet_page_url

ENTITY_TYPES = {"actor": "person", "city": "place"}  # the facets whose values the name matcher knows


def facet_listing(params, facet, match=""):
    """Every value of `facet` over the results of `params`, most frequent first, those `match` names.

    `match` is read as the search reads names (arabic's normalizer: كيرى, كيري, Kerry and
    any alias find John Kerry), at the start of any word of any of a value's names.
    """
    params = replace(params, format="html")  # its links lead to the search page, whatever this page's format
    count, counted = every_value(params, facet)
    names = _names(facet, [slug for slug, _ in counted])
    wanted = matching(facet, names, match) if match else None
    active = set(getattr(params, facet))
    results = []
    for slug, number in counted:
        if slug not in names or (wanted is not None and slug not in wanted):
            continue
        changed = params.removing(facet, slug) if slug in active else params.adding(facet, slug)
        results.append({"value": slug, "label": display_name(names[slug]), "count": number, "active": slug in active,
                        "url": changed.url(search_path()), "exclude_url": params.excluding(facet, slug).url(search_path())})
    return {"facet": facet, "title": FACET_TITLES[facet], "match": match, "results": results, "total": len(counted),
            "result_count": count, "params": params,
            "search_url": params.url(search_path())}


def listing_json(listing):
    """The facet page as JSON (docs/architecture.md, "A facet's own page")."""
    return {"facet": listing["facet"], "match": listing["match"], "count": len(listing["results"]),
            "total": listing["total"], "search": listing["search_url"],
            "results": [{key: value[key] for key in ("value", "label", "count", "active", "url", "exclude_url")}
                        for value in listing["results"]]}


def listing_context(listing):
    """The facet page's template context: the listing, its form's hidden fields and its links."""
    params, facet = listing["params"], listing["facet"]
    return {
        "listing": listing,
        "hidden": facet_page_pairs(params),  # the search the form keeps while `match` changes
        "action": reverse("search_facet", args=[facet]),
        "all_url": facet_page_url(params, facet),
        "json_url": facet_page_url(params, facet, listing["match"], "json"),
        "others": [{"title": FACET_TITLES[other], "url": facet_page_url(params, other), "current": other == facet}
                   for other in FACETS],
        "heading": _("%(facet)s in these results") % {"facet": listing["title"]},
    }


def _names(facet, slugs):
    """{slug: {"id", "name", "name_en"}} of these values of a facet."""
    return {slug: {"id": value.id, "name": value.name, "name_en": value.name_en}
            for slug, value in facet_values.values_of(facet, slugs=slugs).items()}


def _surface(text):
    return " ".join(name_key(text))


def _names_it(surface, typed):
    """Whether `typed` starts a word of the name (also after its article: اسد in بشار الاسد)."""
    return f" {typed}" in f" {surface}" or f" ال{typed}" in f" {surface}"


def matching(facet, names, match):
    """The slugs among `names` that any of their names or aliases match (None: `match` holds no word)."""
    typed = _surface(match)
    if not typed:
        return None
    found = set()
    matcher = entity_store.matcher()
    kind = ENTITY_TYPES.get(facet)
    if kind:  # every name and alias of people and places, already normalized
        for surface, index, _key in matcher.completions:
            entity = matcher.entities[index]
            if entity.type == kind and _names_it(surface, typed):
                found.add(entity.id)
    for value in names.values():  # sources and unnamed speakers: not in the matcher, their names alone
        if (facet, value["id"]) not in matcher.by_link and any(
                _names_it(_surface(name), typed) for name in (value["name"], value["name_en"]) if name):
            found.add(value["id"])
    return {slug for slug, value in names.items() if value["id"] in found}
