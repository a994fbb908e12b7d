"""What the comparison page, its JSON and its CSV show: each search named, counted month by month, linked."""
import csv
import io
from dataclasses import dataclass, field

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, pgettext

from search.finding import find
from search.params import FACETS

from .compare import MAX_SEARCHES, grouped_bars, month_by_month, month_range, month_rows, months_within
from .exports import spreadsheet_cell
from .naming import search_path
from .results import facet_labels
from .search_page import TYPE_TITLES, month_links


@dataclass
class Compared:
    """One search of a comparison: its name, its link, its counts."""

    params: object
    number: int
    parts: list  # the words of its label: its type, its query, the names of its filters, its dates
    url: str
    remove_url: str
    total: int = 0
    months: dict = field(default_factory=dict)  # its month facet: {"YYYY-MM": count}
    links: dict = field(default_factory=dict)  # {"YYYY-MM": that month's search, or None outside its dates}

    @property
    def label(self):
        kind, *rest = self.parts
        return f"{kind}: {' · '.join(rest)}" if rest else kind

    @property
    def counts(self):
        """Its month facet as [("YYYY-MM", count)]."""
        return list(self.months.items())

    @property
    def undated(self):
        """Results without a date: counted in the total, in no month."""
        return self.total - sum(self.months.values())


def compare_path():
    return reverse("compare")


def label_parts(params, names):
    """The words that name a search: its type, its query, its people, places and sources by name, its dates."""
    parts = [str(TYPE_TITLES[params.type])]
    if params.q:
        parts.append(params.q)
    for facet in FACETS:
        parts.extend(names[facet].get(slug, slug) for slug in getattr(params, facet))
    for facet in FACETS:  # the values a search leaves out, where it has them
        parts.extend(pgettext("comparison", "without %(name)s") % {"name": names[facet].get(slug, slug)}
                     for slug in getattr(params, f"not_{facet}", ()))
    if params.date_from:
        parts.append(_("from %(date)s") % {"date": params.date_from.isoformat()})
    if params.date_to:
        parts.append(_("until %(date)s") % {"date": params.date_to.isoformat()})
    if params.exact:
        parts.append(_("words exactly as typed"))
    return parts


def named(comparison):
    """A Compared (not yet counted) for each search, named in the interface's language."""
    slugs = {facet: [(slug, 0) for search in comparison.searches
                     for slug in getattr(search, facet) + getattr(search, f"not_{facet}", ())] for facet in FACETS}
    names = facet_labels(slugs)  # one query per kind of name, for all the searches
    path = compare_path()
    return [Compared(params=search, number=number, parts=label_parts(search, names), url=search.url(search_path()),
                     remove_url=comparison.without(number - 1).url(path))
            for number, search in enumerate(comparison.searches, 1)]


def compared(comparison):
    """(each search named and counted, every month from the first to the last any of them counts)."""
    searches = named(comparison)
    for search in searches:
        found = find(search.params)
        search.total = found.count
        search.months = {month: count for month, count in found.facets["month"]}
    months = month_range([search.counts for search in searches])
    for search in searches:
        # A month outside the search's own dates has no link: no search finds its nothing.
        within = months_within(search.params, months)
        linked = month_links(search.params, [{"value": month, "count": search.months.get(month, 0)} for month in within])
        search.links = {month: None for month in months} | {link["value"]: link["url"] for link in linked}
    return searches, months


def comparison_json(searches, months):
    return {
        "searches": [{
            "query": search.params.query_string(include_format=False), "label": search.label, "url": search.url,
            "total": search.total, "undated": search.undated,
            "months": [{"month": month, "count": search.months.get(month, 0), "url": search.links[month]}
                       for month in months],
        } for search in searches],
        "months": months,
    }


def comparison_csv(searches, months):
    """The month table as CSV text: a header of `month` and each search's label, one row per month."""
    out = io.StringIO()
    writer = csv.writer(out)
    out.write("\ufeff")  # spreadsheet programs need the BOM to read UTF-8 Arabic
    writer.writerow(["month"] + [spreadsheet_cell(search.label) for search in searches])
    for month, counts in month_rows(months, [search.counts for search in searches]):
        writer.writerow([month, *counts])
    return out.getvalue()


def _bar_label(search):
    if search.params.type == "statements":
        return lambda month, count: ngettext(
            "Search %(number)d, %(month)s: %(count)d statement", "Search %(number)d, %(month)s: %(count)d statements",
            count) % {"number": search.number, "month": month, "count": count}
    return lambda month, count: ngettext(
        "Search %(number)d, %(month)s: %(count)d article", "Search %(number)d, %(month)s: %(count)d articles",
        count) % {"number": search.number, "month": month, "count": count}


def page_context(comparison, searches, months):
    """The page's context: the searches, their bars (when there are two to compare), the table and the form."""
    labels = [_bar_label(search) for search in searches]
    bars = grouped_bars(months, [search.counts for search in searches],
                        url_for=lambda index, month: searches[index].links[month],
                        label_for=lambda index, month, count: labels[index](month, count))
    rows = [{"month": month, "cells": [{"count": count, "url": search.links[month]}
                                       for search, count in zip(searches, counts)]}
            for month, counts in month_rows(months, [search.counts for search in searches])]
    links = month_by_month(bars) if bars and len(searches) >= 2 else None  # the bars' links, in time order
    first_type = searches[0].params.type if searches else "articles"
    return {
        "comparison": comparison,
        "searches": searches,
        "compares": len(searches) >= 2,
        "months": months,
        "rows": rows,
        "chart": {"series": bars, "links": links, "first": months[0], "last": months[-1]} if links else None,
        "undated": any(search.undated for search in searches),
        "queries": [pair[1] for pair in comparison.pairs(include_format=False)],
        "can_add": len(searches) < MAX_SEARCHES,
        "most": MAX_SEARCHES,
        "types": [{"name": name, "title": title, "selected": name == first_type}
                  for name, title in TYPE_TITLES.items()],
        "compare_path": compare_path(),
        "formats": {output: comparison.changed(format=output).url(compare_path()) for output in ("json", "csv")},
    }
