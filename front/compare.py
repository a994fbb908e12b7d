"""Searches compared over time: the `s` parameters, the canonical URL, months side by side, grouped bars.

Pure: no Django. The page (front/compare_page.py) runs the searches and names them; this module
reads the URL into SearchParams and shapes their month counts.
"""
import re
from dataclasses import dataclass, replace
from urllib.parse import parse_qsl, urlencode

from search.params import TYPES, InvalidSearch, month_bounds, parse

from .charts import MAX_BAR, MIN_BAR, Bar, Chart, month_span

MAX_SEARCHES = 4
MAX_GIVEN = 20  # `s` values read at most, duplicates included: more is not a comparison
FORMATS = ("html", "json", "csv")
PARAMETERS = ("s", "add", "add_type", "format")
WIDTH, HEIGHT = 600, 160  # viewBox units, as front/charts.py
# A search page's address, absolute or relative, in either language (and under any path prefix).
SEARCH_ADDRESS = re.compile(r"^(?:https?://[^/?#\s]+)?(?:/[^?#\s]*)?/search/?(?:\?(?P<query>[^#]*))?(?:#.*)?$", re.I)
ADDRESS_START = ("/", "http://", "https://")


@dataclass(frozen=True)
class Comparison:
    """The searches compared, in the order given, each once; and the output format."""

    searches: tuple = ()
    format: str = "html"

    def pairs(self, include_format=True):
        pairs = [("s", search.query_string(include_format=False)) for search in self.searches]
        return pairs + ([("format", self.format)] if include_format and self.format != "html" else [])

    def url(self, path, include_format=True):
        query = urlencode(self.pairs(include_format))
        return f"{path}?{query}" if query else path

    def without(self, index):
        return replace(self, searches=self.searches[:index] + self.searches[index + 1:], format="html")

    def changed(self, **changes):
        return replace(self, **changes)


def ordinal(number):
    """1st, 2nd, 3rd, 4th... (messages about parameters are in English)."""
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def counted(params):
    """The search without what changes no count (page, sort, format): the form a comparison keeps."""
    return replace(params, page=1, sort="", format="html")


def search_query(text):
    """The query string of one search, from a query string (a leading "?" allowed) or a search page's address."""
    text = text.strip()
    address = SEARCH_ADDRESS.match(text)
    if address:
        return address.group("query") or ""
    if text.startswith(ADDRESS_START):
        raise InvalidSearch(f"“{text[:60]}” is not the address of a search page (/search/?… or /en/search/?…).")
    return text.removeprefix("?")


def search_params(query):
    """The SearchParams of one search's query string, as /search/ reads it, without page, sort and format."""
    lists = {}
    for name, value in parse_qsl(query, keep_blank_values=True):
        lists.setdefault(name, []).append(value)
    return counted(parse(lists))


def added_search(text, type_):
    """The search the page's form adds: a pasted search page address, or words searched as `type_`."""
    text = text.strip()
    if text.startswith(ADDRESS_START + ("?",)) or SEARCH_ADDRESS.match(text):
        return search_params(search_query(text))
    if type_ not in TYPES:
        raise InvalidSearch(f"“add_type” must be one of {', '.join(TYPES)}, not “{type_[:40]}”.")
    return search_params(urlencode([("q", text), ("type", type_)]))


def _single(lists, name, default=""):
    values = {value.strip().lower() for value in lists.get(name, []) if value.strip()}
    if len(values) > 1:
        raise InvalidSearch(f"“{name}” was given {len(values)} different values; give it once.")
    return values.pop() if values else default


def parse_comparison(lists):
    """The Comparison of request parameters ({name: [values]}), or InvalidSearch saying which search is wrong and why.

    Each `s` is one search's query string (or a search page's address); `add`, with `add_type`
    for plain words, is the form's new search. Neither `add` nor repeated searches stay in
    the canonical URL.
    """
    unknown = sorted(set(lists) - set(PARAMETERS))
    if unknown:
        raise InvalidSearch(f"Unknown parameter “{unknown[0][:40]}”. This page takes: s (one search each, "
                            f"repeated), format, and add and add_type from its form.")
    given = lists.get("s", [])
    if len(given) > MAX_GIVEN:
        raise InvalidSearch(f"At most {MAX_SEARCHES} searches can be compared; this address gives {len(given)}.")
    searches = []
    for number, value in enumerate(given, 1):
        try:
            searches.append(search_params(search_query(value)))
        except InvalidSearch as error:
            raise InvalidSearch(f"The {ordinal(number)} search: {error}") from error
    added = [value for value in lists.get("add", []) if value.strip()]
    add_type = _single(lists, "add_type", searches[0].type if searches else "articles")
    if add_type not in TYPES:  # refused whether or not words came with it: a wrong address is never quietly ignored
        raise InvalidSearch(f"“add_type” must be one of {', '.join(TYPES)}, not “{add_type[:40]}”.")
    for value in added:
        try:
            searches.append(added_search(value, add_type))
        except InvalidSearch as error:
            raise InvalidSearch(f"The added search: {error}") from error
    distinct = {}
    for search in searches:  # each search once, where it was first given
        distinct.setdefault(search.query_string(include_format=False), search)
    distinct = list(distinct.values())
    if len(distinct) > MAX_SEARCHES:
        raise InvalidSearch(f"At most {MAX_SEARCHES} searches can be compared; this address gives {len(distinct)}. "
                            f"Remove one.")
    output = _single(lists, "format", "html")
    if output not in FORMATS:
        raise InvalidSearch(f"“format” must be one of {', '.join(FORMATS)}, not “{output[:40]}”.")
    return Comparison(tuple(distinct), output)


def month_range(month_counts):
    """Every month from the earliest to the latest that any search counts, ascending, empty months too.

    `month_counts` is each search's month facet: [("YYYY-MM", count)].
    """
    months = {month for counts in month_counts for month, count in counts if month and count}
    return month_span(min(months), max(months)) if months else []


def months_within(params, months):
    """The months of `months` that the search's own dates (from, to) reach."""
    return [month for month in months
            if (not params.date_from or month_bounds(month)[1] >= params.date_from)
            and (not params.date_to or month_bounds(month)[0] <= params.date_to)]


def month_rows(months, month_counts):
    """[(month, [each search's count])] for each of `months`."""
    tallies = [dict(counts) for counts in month_counts]
    return [(month, [tally.get(month, 0) for tally in tallies]) for month in months]


def grouped_bars(months, month_counts, url_for=lambda index, month: "", label_for=lambda index, month, count: "",
                 width=WIDTH, height=HEIGHT):
    """One Chart per search, drawn together: in each month's column the searches' bars side by side, in order.

    Heights share one scale (the busiest month of any search). Each bar's link covers the full
    height of its share of the column: the bar itself, and for the outer bars the column's
    margin beside them, so a short bar is as easy to click as a tall one.
    """
    tallies = [dict(counts) for counts in month_counts]
    if not months or not tallies:
        return []
    peak = max(max(tally.get(month, 0) for month in months) for tally in tallies)
    slot = width / len(months)
    group = min(slot * 0.8, MAX_BAR * len(tallies))
    cell = group / len(tallies)
    room = height - 4  # a little air above the busiest month
    charts = []
    for index, tally in enumerate(tallies):
        bars = []
        for position, month in enumerate(months):
            count = tally.get(month, 0)
            bar_height = max(MIN_BAR, room * count / peak) if count else 0
            start = position * slot + (slot - group) / 2 + index * cell
            lane_start = position * slot if index == 0 else start
            lane_end = (position + 1) * slot if index == len(tallies) - 1 else start + cell
            bars.append(Bar(
                month=month, count=count, x=round(start + cell * 0.05, 2), y=round(height - bar_height, 2),
                width=round(cell * 0.9, 2), height=round(bar_height, 2), slot_x=round(lane_start, 2),
                slot_width=round(lane_end - lane_start, 2), url=url_for(index, month) if count else "",
                label=label_for(index, month, count) if count else "",
            ))
        charts.append(Chart(bars=bars, peak=peak, total=sum(tally.get(month, 0) for month in months),
                            width=width, height=height))
    return charts


def month_by_month(charts):
    """The bars of grouped charts in one Chart, month by month and in each month search by search.

    The order of their links: a keyboard goes through the chart in time, as the eye reads it.
    """
    if not charts:
        return Chart()
    bars = [chart.bars[position] for position in range(len(charts[0].bars)) for chart in charts]
    return Chart(bars=bars, peak=charts[0].peak, total=sum(chart.total for chart in charts),
                 width=charts[0].width, height=charts[0].height)
