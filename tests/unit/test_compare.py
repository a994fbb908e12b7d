"""Comparing searches, the pure parts (front/compare.py): reading `s`, the canonical URL, months side by side, bars."""
from datetime import date

import pytest

from front.compare import (Comparison, added_search, grouped_bars, month_by_month, month_range, month_rows,
                           months_within, ordinal, parse_comparison, search_params, search_query)
from search.params import InvalidSearch, SearchParams

LAVROV = "type=statements&actor=sergey-lavrov"
KERRY = "type=statements&actor=john-kerry"


def test_ordinals():
    assert [ordinal(n) for n in (1, 2, 3, 4, 11, 12, 13, 21, 22, 101, 111)] == \
        ["1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "101st", "111th"]


@pytest.mark.parametrize("text, query", [
    ("q=x&type=statements", "q=x&type=statements"),
    ("?q=x", "q=x"),
    ("", ""),
    ("/search/?q=x&page=2", "q=x&page=2"),
    ("/en/search/?actor=john-kerry", "actor=john-kerry"),
    ("/search/", ""),
    ("/en/search", ""),
    ("https://archive.example/en/search/?q=%D8%AD%D9%84%D8%A8#results", "q=%D8%AD%D9%84%D8%A8"),
    ("  http://localhost:8000/search/?city=aleppo  ", "city=aleppo"),
    ("/archive/search/?q=x", "q=x"),  # served under a path prefix
])
def test_a_search_is_its_query_string_or_its_pages_address(text, query):
    assert search_query(text) == query


@pytest.mark.parametrize("text", ["/actors/john-kerry/", "https://example.org/", "/en/searching/?q=x"])
def test_another_pages_address_is_refused(text):
    with pytest.raises(InvalidSearch, match="is not the address of a search page"):
        search_query(text)


def test_a_search_keeps_what_changes_its_counts_only():
    params = search_params("actor=sergey-lavrov&type=statements&page=3&sort=oldest&format=csv&from=2016-05-01&exact=1")
    assert params.query_string(include_format=False) == "type=statements&actor=sergey-lavrov&from=2016-05-01&exact=1"
    assert (params.page, params.sort, params.format) == (1, "", "html")


def test_the_canonical_comparison_keeps_the_given_order_and_drops_repeats():
    comparison = parse_comparison({"s": ["actor=john-kerry&type=statements&page=2", LAVROV, f"?{KERRY}", ""],
                                   "format": ["JSON"]})
    assert comparison.pairs() == [("s", KERRY), ("s", LAVROV), ("s", ""), ("format", "json")]
    assert comparison.url("/en/compare/") == ("/en/compare/?s=type%3Dstatements%26actor%3Djohn-kerry"
                                              "&s=type%3Dstatements%26actor%3Dsergey-lavrov&s=&format=json")
    assert comparison.without(0).pairs() == [("s", LAVROV), ("s", "")]  # and back to the page
    assert Comparison().url("/compare/") == "/compare/"


def test_arabic_words_are_written_back_as_search_writes_them():
    comparison = parse_comparison({"s": ["q=حلب&type=statements"]})
    assert comparison.pairs() == [("s", "q=%D8%AD%D9%84%D8%A8&type=statements")]
    assert comparison.pairs() == parse_comparison({"s": ["q=%D8%AD%D9%84%D8%A8&type=statements"]}).pairs()


@pytest.mark.parametrize("lists, message", [
    ({"s": [LAVROV, "q=x&to=2016-02-30"]}, "The 2nd search: “to” must be a date written YYYY-MM-DD"),
    ({"s": ["q=x&speaker=lavrov"]}, "The 1st search: Unknown parameter “speaker”."),
    ({"s": ["q=a", "q=b", "q=c", "type=poems"]}, "The 4th search: “type” must be one of articles, statements"),
    ({"s": ["q=1", "q=2", "q=3", "q=4", "q=5"]}, "At most 4 searches can be compared; this address gives 5."),
    ({"s": ["q=x"] * 21}, "At most 4 searches can be compared; this address gives 21."),
    ({"s": ["q=x"], "page": ["2"]}, "Unknown parameter “page”. This page takes: s"),
    ({"s": ["q=x"], "format": ["atom"]}, "“format” must be one of html, json, csv, not “atom”."),
    ({"format": ["json", "csv"]}, "“format” was given 2 different values"),
    ({"s": [LAVROV], "add": ["/search/?q=x&from=soon"]}, "The added search: “from” must be a date"),
    ({"s": [LAVROV], "add": ["x"], "add_type": ["poems"]}, "“add_type” must be one of articles, statements"),
    ({"s": [LAVROV], "add_type": ["poems"]}, "“add_type” must be one of articles, statements"),
    ({"s": ["q=1", "q=2", "q=3", "q=4"], "add": ["q5"]}, "At most 4 searches can be compared; this address gives 5."),
])
def test_refusals_name_the_search_and_the_fault(lists, message):
    with pytest.raises(InvalidSearch) as refused:
        parse_comparison(lists)
    assert str(refused.value).startswith(message)


def test_five_values_of_four_searches_are_a_comparison():
    assert len(parse_comparison({"s": ["q=1", "q=2", "q=1", "q=3", "q=4"]}).searches) == 4


def test_the_form_adds_words_as_the_first_searchs_type_or_a_pasted_page():
    words = parse_comparison({"s": [LAVROV], "add": ["  وقف إطلاق النار "]})
    assert words.searches[1] == SearchParams(q="وقف إطلاق النار", type="statements")
    assert parse_comparison({"add": ["Kerry"]}).searches == (SearchParams(q="Kerry"),)
    chosen = parse_comparison({"s": [LAVROV], "add": ["Kerry"], "add_type": ["articles"]})
    assert chosen.searches[1] == SearchParams(q="Kerry")
    pasted = parse_comparison({"s": [LAVROV], "add": ["https://archive.example/en/search/?type=statements&actor=john-kerry&page=2"]})
    assert pasted.pairs() == [("s", LAVROV), ("s", KERRY)]
    assert parse_comparison({"s": [LAVROV], "add": ["", " "]}).pairs() == [("s", LAVROV)]
    assert added_search("?q=x&city=aleppo", "articles") == SearchParams(q="x", city=("aleppo",))


def test_the_months_run_without_gaps_from_the_first_to_the_last_of_any_search():
    counts = [[("2016-05", 2), ("2016-08", 1)], [("2015-12", 4)], []]
    months = month_range(counts)
    assert months == ["2015-12", "2016-01", "2016-02", "2016-03", "2016-04", "2016-05", "2016-06", "2016-07", "2016-08"]
    rows = month_rows(months, counts)
    assert rows[0] == ("2015-12", [0, 4, 0]) and rows[5] == ("2016-05", [2, 0, 0]) and rows[-1] == ("2016-08", [1, 0, 0])
    assert month_range([[], []]) == [] and month_rows([], [[], []]) == []


def test_months_outside_a_searchs_own_dates_are_not_its_own():
    months = ["2016-04", "2016-05", "2016-06", "2016-07"]
    params = SearchParams(date_from=date(2016, 5, 10), date_to=date(2016, 6, 1))
    assert months_within(params, months) == ["2016-05", "2016-06"]
    assert months_within(SearchParams(), months) == months


def test_grouped_bars_stand_side_by_side_in_their_months_column():
    months = month_span_of(12)
    counts = [[(month, index + 1) for index, month in enumerate(months)], [(months[3], 24)], [], [(months[0], 1)]]
    charts = grouped_bars(months, counts, url_for=lambda i, m: f"/s{i}/{m}", label_for=lambda i, m, n: f"{i} {m} {n}",
                          width=600, height=160)
    assert len(charts) == 4 and all(len(chart.bars) == 12 for chart in charts)
    assert {chart.peak for chart in charts} == {24}  # one scale for all
    assert charts[1].bars[3].height == 156 and charts[0].bars[11].height == pytest.approx(78)
    assert [bar.url for bar in charts[1].linked] == [f"/s1/{months[3]}"] and charts[2].linked == []
    assert charts[3].linked[0].label == f"3 {months[0]} 1"
    for position in range(12):
        bars = [chart.bars[position] for chart in charts]
        # Left to right in the given order, each inside its link, the links covering the month's column.
        assert [bar.x for bar in bars] == sorted(bar.x for bar in bars)
        for bar in bars:
            assert bar.slot_x <= bar.x and bar.x + bar.width <= bar.slot_x + bar.slot_width + 1e-6
        assert bars[0].slot_x == pytest.approx(position * 50)
        for left, right in zip(bars, bars[1:]):
            assert left.slot_x + left.slot_width == pytest.approx(right.slot_x, abs=0.02)
        assert bars[-1].slot_x + bars[-1].slot_width == pytest.approx((position + 1) * 50, abs=0.02)


def test_one_month_two_searches_are_two_bars_next_to_each_other():
    left, right = grouped_bars(["2016-05"], [[("2016-05", 3)], [("2016-05", 1)]], width=600, height=160)
    assert right.bars[0].x - (left.bars[0].x + left.bars[0].width) < 10  # side by side, not at the column's ends
    assert right.bars[0].height >= 2 and left.bars[0].height == 156
    assert grouped_bars([], [[]]) == []


def test_the_links_go_through_the_chart_month_by_month():
    months = ["2016-04", "2016-05", "2016-06"]
    charts = grouped_bars(months, [[("2016-04", 1), ("2016-06", 2)], [("2016-05", 3), ("2016-06", 1)]],
                          url_for=lambda index, month: f"/{index}/{month}")
    links = month_by_month(charts)
    assert [bar.url for bar in links.linked] == ["/0/2016-04", "/1/2016-05", "/0/2016-06", "/1/2016-06"]
    assert (links.peak, links.total, links.height) == (3, 7, charts[0].height)
    assert month_by_month([]).bars == []


def month_span_of(count):
    return [f"2016-{month:02d}" for month in range(1, count + 1)]
