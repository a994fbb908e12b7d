"""Names and paths in the interface's language: English names where the archive has them, /en/ paths."""
from urllib.parse import parse_qsl

from django.conf import settings
from django.core.handlers.wsgi import get_str_from_wsgi
from django.urls import get_script_prefix, reverse
from django.utils.translation import get_language

from archive.models import Person, Place, Source

REF_MODELS = {"speaker": Person, "actors": Person, "place": Place, "cities": Place, "source": Source}


def given_pairs(request):
    """The request's parameters as written, in order, blanks kept: what a canonical URL is compared with."""
    return parse_qsl(get_str_from_wsgi(request.META, "QUERY_STRING", ""), keep_blank_values=True)


def english():
    return (get_language() or settings.LANGUAGE_CODE).startswith("en")


def display_name(thing, in_english=None):
    """The name to show: the English one in the English interface when known, else the Arabic one.

    `in_english` says which interface, for a caller naming many things at once (it is looked up otherwise).
    """
    if thing is None:
        return ""
    get = thing.get if isinstance(thing, dict) else lambda key, default="": getattr(thing, key, default)
    return (get("name_en", "") if (english() if in_english is None else in_english) else "") or get("name", "")


def other_name(thing):
    """The name in the other script, when the archive has it and it differs."""
    get = thing.get if isinstance(thing, dict) else lambda key, default="": getattr(thing, key, default)
    name, name_en = get("name", ""), get("name_en", "")
    other = name if english() else name_en
    return other if other and other != display_name(thing) else ""


def with_english_names(results):
    """Result dicts (front/results.py shapes) whose people, places and source carry `name_en`.

    For the pages only: JSON keeps the contract's {slug, name}. One query per
    model, and none at all in the Arabic interface, which shows `name`.
    """
    if not english():
        return results
    slugs = {model: set() for model in (Person, Place, Source)}
    for item in _with_reports(results):
        for key, model in REF_MODELS.items():
            for ref in _refs(item.get(key)):
                slugs[model].add(ref["slug"])
    names = {model: dict(model.objects.filter(slug__in=found).values_list("slug", "name_en"))
             for model, found in slugs.items() if found}

    def shaped(item):
        item = dict(item)
        for key, model in REF_MODELS.items():
            value = item.get(key)
            if isinstance(value, dict):
                item[key] = {**value, "name_en": names.get(model, {}).get(value["slug"], "")}
            elif isinstance(value, list):
                item[key] = [{**ref, "name_en": names.get(model, {}).get(ref["slug"], "")} for ref in value]
        if isinstance(item.get("reports"), list):  # a statement's other reports name their sources too
            item["reports"] = [shaped(report) for report in item["reports"]]
        return item

    return [shaped(item) for item in results]


def _with_reports(results):
    for item in results:
        yield item
        yield from item.get("reports") or ()


def _refs(value):
    if isinstance(value, dict):
        return [value]
    return value if isinstance(value, list) else []


def switch_path(path, query, target):
    """The same page in the `target` language: /en/ prefixed for English, the plain path for Arabic.

    `path` is the path inside the site (request.path_info) and `query` the
    raw query string, kept as it is so the page's whole state carries over.
    """
    bare = path
    for code, _ in settings.LANGUAGES:
        if code != settings.LANGUAGE_CODE and (path == f"/{code}" or path.startswith(f"/{code}/")):
            bare = path[len(code) + 1:] or "/"
    moved = bare if target == settings.LANGUAGE_CODE else f"/{target}{bare}"
    return f"{moved}?{query}" if query else moved


_SEARCH_PATHS = {}


def search_path():
    """The search page's path in the interface's language (/search/ or /en/search/).

    Remembered per language and script prefix: a search page writes a few hundred links
    (facets, months, chips) and reversing the URL each time took a tenth of its time.
    """
    key = (get_language(), get_script_prefix())
    path = _SEARCH_PATHS.get(key)
    if path is None:
        path = _SEARCH_PATHS[key] = reverse("search")
    return path
