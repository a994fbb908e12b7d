"""What the search page shows: results, facets with their links, removable filter chips, paging."""
import json
import zlib
from datetime import date

from django.core.serializers.json import DjangoJSONEncoder
from django.template.loader import render_to_string
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from search.lru import LRUCache
from search.params import month_bounds

from .names import names_context
from .naming import search_path
from .results import labelled_facets, load, result, results_json

FACET_TITLES = {"actor": gettext_lazy("People"), "city": gettext_lazy("Places"), "source": gettext_lazy("Sources"),
                "month": gettext_lazy("Months")}
SORT_TITLES = {"relevance": gettext_lazy("Most relevant"), "newest": gettext_lazy("Newest"), "oldest": gettext_lazy("Oldest")}
TYPE_TITLES = {"articles": gettext_lazy("Articles"), "statements": gettext_lazy("Statements")}


def facet_groups(params, facets, labels, count):
    groups = []
    for facet in ("actor", "city", "source"):
        active = set(getattr(params, facet))
        values = list(facets[facet])
        shown = {value["value"] for value in values}
        for slug in sorted(active - shown):  # an active value is always listed, and removable
            values.insert(0, {"value": slug, "label": labels[facet].get(slug, slug), "count": count})
        for value in values:
            value["active"] = value["value"] in active
            changed = params.removing(facet, value["value"]) if value["active"] else params.adding(facet, value["value"])
            value["url"] = changed.url(search_path())
        groups.append({"name": facet, "title": FACET_TITLES[facet], "values": values})
    return groups


_SOME_FROM, _SOME_TO = date(1, 1, 1), date(1, 1, 2)  # stand-ins no real month link holds


def month_links(params, months):
    """Each month of the facet with the link that sets the date range to that month.

    One link is built and its two dates replaced for each month: building each of a long
    archive's two hundred month links whole took a fifth of a search page's time.
    """
    pattern = params.changed(date_from=_SOME_FROM, date_to=_SOME_TO).url(search_path())
    links = []
    for month in months:
        first, last = month_bounds(month["value"])
        # With its parameter's name: a query may hold the date itself, but never an unencoded "=".
        url = (pattern.replace(f"from={_SOME_FROM.isoformat()}", f"from={first.isoformat()}")
               .replace(f"to={_SOME_TO.isoformat()}", f"to={last.isoformat()}"))
        links.append({**month, "url": url})
    return links


def chips(params, labels):
    found = []
    for facet in ("actor", "city", "source"):
        for slug in getattr(params, facet):
            found.append({"label": labels[facet].get(slug, slug), "kind": FACET_TITLES[facet],
                          "url": params.removing(facet, slug).url(search_path())})
    if params.date_from:
        found.append({"label": _("from %(date)s") % {"date": params.date_from.isoformat()}, "kind": _("Date"),
                      "url": params.changed(date_from=None).url(search_path())})
    if params.date_to:
        found.append({"label": _("until %(date)s") % {"date": params.date_to.isoformat()}, "kind": _("Date"),
                      "url": params.changed(date_to=None).url(search_path())})
    return found


def pagination(params, found):
    if found.pages <= 1:
        return None
    window = range(max(1, params.page - 3), min(found.pages, params.page + 3) + 1)
    return {
        "previous": params.changed(page=params.page - 1).url(search_path()) if params.page > 1 else None,
        "next": params.changed(page=params.page + 1).url(search_path()) if params.page < found.pages else None,
        "pages": [{"number": n, "url": params.changed(page=n).url(search_path()), "current": n == params.page} for n in window],
    }


def page_context(params, found):
    facets, labels = labelled_facets(found.facets, {f: getattr(params, f) for f in ("actor", "city", "source")})
    results = [result(row, found.terms) for row in load(found.hits)]
    sorts = ["relevance", "newest", "oldest"] if params.q else ["newest", "oldest"]
    return {
        "params": params,
        "found": found,
        "results": results,
        "facet_groups": facet_groups(params, facets, labels, found.count),
        "months": month_links(params, facets["month"]),
        "chips": chips(params, labels),
        "clear_url": params.changed(actor=(), city=(), source=(), date_from=None, date_to=None).url(search_path()),
        "pagination": pagination(params, found),
        "sorts": [{"name": s, "title": SORT_TITLES[s], "current": s == params.effective_sort,
                   "url": params.changed(sort=s if s != params.default_sort else "").url(search_path())} for s in sorts],
        "types": [{"name": t, "title": title, "current": t == params.type, "url": params.changed(type=t).url(search_path())}
                  for t, title in TYPE_TITLES.items()],
        "formats": {f: params.changed(page=params.page, format=f).url(search_path()) for f in ("json", "csv", "atom")},
        "suggestion_url": params.changed(q=found.suggestion).url(search_path()) if found.suggestion else None,
        "first": (params.page - 1) * 20 + 1,
        **names_context(params, found),
    }


PRESENTED_PAGES = 1024
_presented = LRUCache(PRESENTED_PAGES)


def presented(found, key, make):
    """The bytes `make()` builds from these results, built once per key while the results stand.

    A reloaded bookmark then costs neither loading, highlighting nor rendering. `found.key`
    names the index generation and the names the results came from, so a page follows the
    index: an article corrected in the admin shows once the writer has applied it, as its
    search results do. Pages are kept compressed (a 140 KB page in 20 KB; half a millisecond
    to unpack), so a thousand of them fit in about 20 MB.
    """
    if found.key is None:  # results that cannot be named cannot be kept
        return make()
    return zlib.decompress(_presented.get_or_make((found.key, key), lambda: zlib.compress(make(), 1)))


def page_html(request, params, found):
    """The search page as UTF-8 bytes, for these results in this language at this address."""
    return presented(found, ("html", get_language(), request.get_full_path()), lambda: render_to_string(
        "search/search.html", page_context(params, found), request).encode("utf-8"))


def page_json(params, found):
    """The search results as UTF-8 JSON, for these results in this language."""
    return presented(found, ("json", get_language()), lambda: json.dumps(
        results_json(params, found), cls=DjangoJSONEncoder, ensure_ascii=False).encode("utf-8"))
