"""What the search page shows: results, facets with their links, removable filter chips, paging."""
import json
import zlib
from dataclasses import replace
from datetime import date
from urllib.parse import urlencode

from django.core.serializers.json import DjangoJSONEncoder
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from search import entity_store
from search.engine import FACET_LIMIT, PAGE_SIZE
from search.lru import LRUCache
from search.params import FACETS, FacetLinks, month_bounds

from .exports import json_links
from .names import names_context
from .naming import search_path
from .results import labelled_facets, load, result, results_json

FACET_TITLES = {"actor": gettext_lazy("People"), "city": gettext_lazy("Places"), "source": gettext_lazy("Sources"),
                "month": gettext_lazy("Months")}
SORT_TITLES = {"relevance": gettext_lazy("Most relevant"), "newest": gettext_lazy("Newest"), "oldest": gettext_lazy("Oldest")}
TYPE_TITLES = {"articles": gettext_lazy("Articles"), "statements": gettext_lazy("Statements")}


ALL_VALUES = {  # the link under a cut facet list to the facet's own page
    "actor": lambda n: ngettext("All %(count)s person…", "All %(count)s people…", n),
    "city": lambda n: ngettext("All %(count)s place…", "All %(count)s places…", n),
    "source": lambda n: ngettext("All %(count)s source…", "All %(count)s sources…", n),
}


def facet_groups(params, facets, labels, count, totals=None):
    """Each facet's values with the links that include, exclude or remove them, its exclusions, its own page."""
    groups, links = [], FacetLinks(params, search_path())
    for facet in FACETS:
        active = set(getattr(params, facet))
        values = list(facets[facet])
        listed = len(values)
        shown = {value["value"] for value in values}
        for slug in sorted(active - shown):  # an active value is always listed, and removable
            values.insert(0, {"value": slug, "label": labels[facet].get(slug, slug), "count": count})
        for value in values:
            value["active"] = value["value"] in active
            value["url"] = (links.removing if value["active"] else links.adding)(facet, value["value"])
            value["exclude_url"] = links.excluding(facet, value["value"])
        # An excluded value has no result left, so no count: it is listed struck, with the link that takes it back.
        excluded = [{"value": slug, "label": labels[facet].get(slug, slug), "url": links.removing(f"not_{facet}", slug)}
                    for slug in getattr(params, f"not_{facet}")]
        total = (totals or {}).get(facet)
        cut = listed < total if total is not None else listed >= FACET_LIMIT
        groups.append({"name": facet, "title": FACET_TITLES[facet], "values": values, "excluded": excluded,
                       "url": facet_page_url(params, facet), "cut": cut,
                       "all_label": ALL_VALUES[facet](total) % {"count": total} if total else _("All values…")})
    return groups


def facet_page_pairs(params, match="", output="html"):
    """The facet page's parameters in canonical order: the search's (but its page and sort), `match`, `format`."""
    pairs = replace(params, page=1, sort="").pairs(include_format=False)
    return pairs + ([("match", match)] if match else []) + ([("format", output)] if output != "html" else [])


def facet_page_url(params, facet, match="", output="html"):
    """/search/facets/<facet>/: every value of one facet over these results, filtered by `match`."""
    path = reverse("search_facet", args=[facet])
    query = urlencode(facet_page_pairs(params, match, output))
    return f"{path}?{query}" if query else path


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
        # A range that starts or ends inside the month keeps that day: the link finds what the month counted.
        first, last = max(first, params.date_from or first), min(last, params.date_to or last)
        # With its parameter's name: a query may hold the date itself, but never an unencoded "=".
        url = (pattern.replace(f"from={_SOME_FROM.isoformat()}", f"from={first.isoformat()}")
               .replace(f"to={_SOME_TO.isoformat()}", f"to={last.isoformat()}"))
        links.append({**month, "url": url})
    return links


def chips(params, labels):
    found = []
    for facet in FACETS:
        for slug in getattr(params, facet):
            found.append({"label": labels[facet].get(slug, slug), "kind": FACET_TITLES[facet],
                          "url": params.removing(facet, slug).url(search_path())})
    for facet in FACETS:
        for slug in getattr(params, f"not_{facet}"):  # shown as "not …"
            found.append({"label": labels[facet].get(slug, slug), "kind": FACET_TITLES[facet], "negated": True,
                          "url": params.removing(f"not_{facet}", slug).url(search_path())})
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
    facets, labels = labelled_facets(found.facets, {f: getattr(params, f) + getattr(params, f"not_{f}") for f in FACETS})
    results = [result(row, found.terms) for row in load(found.hits)]
    sorts = ["relevance", "newest", "oldest"] if params.q else ["newest", "oldest"]
    return {
        "params": params,
        "found": found,
        "results": results,
        "facet_groups": facet_groups(params, facets, labels, found.count, found.facet_totals),
        "months": month_links(params, facets["month"]),
        "chips": chips(params, labels),
        "clear_url": params.changed(actor=(), city=(), source=(), not_actor=(), not_city=(), not_source=(),
                                    date_from=None, date_to=None).url(search_path()),
        "pagination": pagination(params, found),
        "sorts": [{"name": s, "title": SORT_TITLES[s], "current": s == params.effective_sort,
                   "url": params.changed(sort=s if s != params.default_sort else "").url(search_path())} for s in sorts],
        "types": [{"name": t, "title": title, "current": t == params.type, "url": params.changed(type=t).url(search_path())}
                  for t, title in TYPE_TITLES.items()],
        # JSON is this page's; the CSV export holds every match and the feed the newest, from page 1.
        "formats": {"json": params.changed(page=params.page, format="json").url(search_path()),
                    **{f: params.changed(format=f).url(search_path()) for f in ("csv", "atom")}},
        "suggestion_url": params.changed(q=found.suggestion).url(search_path()) if found.suggestion else None,
        "first": (params.page - 1) * PAGE_SIZE + 1,
        **names_context(params, found),
    }


PRESENTED_PAGES = 1024
_presented = LRUCache(PRESENTED_PAGES)


def presented(found, key, make):
    """The bytes `make()` builds from these results, built once per key while the results stand.

    A reloaded bookmark then costs neither loading, highlighting nor rendering. `found.key`
    names the index generation and the names the results came from, so a page follows the
    index: an article corrected in the admin shows once the writer has applied it, as its
    search results do. The names version keys it too: a renamed person, place or source
    changes no indexed document, but shows under its new name on every page at once. Pages
    are kept compressed (a 140 KB page in 20 KB; half a millisecond to unpack), so a
    thousand of them fit in about 20 MB.
    """
    if found.key is None:  # results that cannot be named cannot be kept
        return make()
    kept = (found.key, entity_store.version(), key)
    return zlib.decompress(_presented.get_or_make(kept, lambda: zlib.compress(make(), 1)))


def page_html(request, params, found):
    """The search page as UTF-8 bytes, for these results in this language at this address."""
    return presented(found, ("html", get_language(), request.get_full_path()), lambda: render_to_string(
        "search/search.html", page_context(params, found), request).encode("utf-8"))


def page_json(request, params, found):
    """The search results as UTF-8 JSON, for these results in this language, with what this response is.

    The results are kept with the page cache; `search_url`, `generated` (when this response was
    made), `next` and `previous` are added to each response, as absolute URLs of the address asked.
    """
    kept = presented(found, ("json", get_language()), lambda: json.dumps(
        results_json(params, found), cls=DjangoJSONEncoder, ensure_ascii=False).encode("utf-8"))
    described = json.dumps(json_links(request, params, found), ensure_ascii=False).encode("utf-8")
    return kept[:-1] + b", " + described[1:]  # both are JSON objects: one object with the fields of both
