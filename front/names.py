"""What the search page and JSON show of names: how the query was read, entity cards, suggestions."""
import re

from django.urls import NoReverseMatch, reverse
from django.utils.translation import get_language

from search.params import SearchParams

from .naming import search_path

FILTERS = {"person": "actor", "place": "city"}
PAGES = {"person": ("actor", "/actors/{}/"), "place": ("city", "/cities/{}/")}
EMPTY_QUOTES = re.compile(r"[\"“”«»„‟]\s*[\"“”«»„‟]")


def entity_page_url(type_, slug):
    """The entity's own page (/actors/<slug>/, /cities/<slug>/), by its URL name once it has one."""
    name, path = PAGES[type_]
    try:
        return reverse(name, args=[slug])
    except NoReverseMatch:
        return path.format(slug)


def without(q, text):
    """The query with the words that named an entity taken out (once), and any quotes they leave empty."""
    at = q.find(text) if text else -1
    if at < 0:
        return q
    rest = EMPTY_QUOTES.sub(" ", q[:at] + " " + q[at + len(text):])
    return " ".join(rest.split())


def filter_url(params, found, card):
    """These results narrowed to the entity by its actor or city filter, its name taken out of the query."""
    q = params.q
    for item in found.recognized:
        if not item["excluded"] and item["entity"]["slug"] == card["slug"] and item["entity"]["type"] == card["type"]:
            q = without(q, item["text"])
    narrowed = params.adding(FILTERS[card["type"]], card["slug"])  # out of the exclusions, if it was there
    return narrowed.changed(q=q, sort="" if not q else params.sort, format="html").url(search_path())


def entity_cards(params, found):
    """The entity cards of the results with their links, for the page and for JSON."""
    english = (get_language() or "").startswith("en")
    return [{**card, "url": entity_page_url(card["type"], card["slug"]), "filter_url": filter_url(params, found, card),
             "role_shown": (card["role_en"] if english else "") or card["role"]}
            for card in found.entities]


def names_context(params, found):
    """The search page's part about names (templates/search/_names.html)."""
    return {
        "names": {
            "read": found.recognized,
            "expanded": bool(found.interpretation),
            "exact": params.exact,
            "exact_url": params.changed(exact=True).url(search_path()),
            "expand_url": params.changed(exact=False).url(search_path()),
            "cards": entity_cards(params, found),
        }
    }


def suggestion_json(entity, written):
    facet = FILTERS[entity.type]
    return {
        **entity.ref(), "alias": written, "role": entity.role,
        "url": SearchParams(**{facet: (entity.slug,)}).url(search_path()),
        "page": entity_page_url(entity.type, entity.slug),
    }
