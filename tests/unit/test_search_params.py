"""The search URL is the page's whole state: one canonical form, clear refusals of bad input."""
from datetime import date

import pytest

from search.params import InvalidSearch, SearchParams, parse


def lists(query):
    from urllib.parse import parse_qs

    return parse_qs(query, keep_blank_values=True)


def test_canonical_order_drops_empties_and_defaults():
    params = parse(lists("page=1&city=aleppo&q=كيري&actor=&sort=relevance&type=articles&actor=john-kerry&from=2016-05-01"))
    assert params.query_string() == "q=%D9%83%D9%8A%D8%B1%D9%8A&actor=john-kerry&city=aleppo&from=2016-05-01"


def test_repeated_facet_values_come_out_sorted_and_once():
    params = parse(lists("actor=sergey-lavrov&actor=john-kerry&actor=sergey-lavrov"))
    assert params.actor == ("john-kerry", "sergey-lavrov")
    assert params.query_string() == "actor=john-kerry&actor=sergey-lavrov"


def test_canonical_form_is_stable():
    once = parse(lists("to=2016-12-31&type=statements&source=arab48&q=  جنيف   حلب &page=3&sort=oldest&format=json"))
    assert parse(lists(once.query_string())) == once
    assert once.query_string() == (
        "q=%D8%AC%D9%86%D9%8A%D9%81+%D8%AD%D9%84%D8%A8&type=statements&source=arab48&to=2016-12-31&sort=oldest&page=3&format=json"
    )


def test_sort_defaults_to_relevance_with_a_query_and_newest_without():
    assert parse(lists("q=x")).effective_sort == "relevance"
    assert parse(lists("")).effective_sort == "newest"
    assert parse(lists("sort=relevance")).query_string() == ""


def test_changing_a_filter_returns_to_page_one():
    params = SearchParams(q="حلب", page=4)
    assert params.adding("city", "aleppo").page == 1
    assert params.adding("city", "aleppo").removing("city", "aleppo") == SearchParams(q="حلب")


@pytest.mark.parametrize("query, message", [
    ("from=2016-13-45", "“from” must be a date written YYYY-MM-DD"),
    ("to=yesterday", "“to” must be a date written YYYY-MM-DD"),
    ("from=2016-06-01&to=2016-05-01", "“from” (2016-06-01) comes after “to” (2016-05-01)"),
    ("page=0", "“page” must be a whole number from 1"),
    ("page=-3", "“page” must be a whole number from 1"),
    ("page=99999999999", "“page” must be a whole number from 1"),
    ("type=people", "“type” must be one of articles, statements"),
    ("format=xml", "“format” must be one of html, json, csv, atom"),
    ("sort=random", "“sort” must be one of"),
    ("actor=<script>", "is not a valid actor"),
    ("colour=red", "Unknown parameter “colour”"),
    ("q=" + "ا" * 501, "The query has 501 characters; the most is 500"),
])
def test_bad_parameters_are_refused_with_a_clear_message(query, message):
    with pytest.raises(InvalidSearch) as error:
        parse(lists(query))
    assert message in str(error.value)


def test_control_characters_in_the_query_become_spaces():
    assert parse(lists("q=%D8%AD%D9%84%D8%A8%00%07%D8%AC%D9%86%D9%8A%D9%81")).q == "حلب جنيف"


def test_dates_parse():
    params = parse(lists("from=2016-05-01&to=2016-05-31"))
    assert (params.date_from, params.date_to) == (date(2016, 5, 1), date(2016, 5, 31))
