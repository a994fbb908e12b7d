"""Excluded facet values in the search URL (not_actor, not_city, not_source) and the facet page's `match`."""
from urllib.parse import parse_qs

import pytest

from search.params import MAX_FACET_VALUES, InvalidSearch, SearchParams, parse, parse_listing


def lists(query):
    return parse_qs(query, keep_blank_values=True)


def test_exclusions_parse_sorted_once_and_lower_case():
    params = parse(lists("not_actor=Sergey-Lavrov&not_actor=john-kerry&not_actor=sergey-lavrov&not_city=aleppo"))
    assert params.not_actor == ("john-kerry", "sergey-lavrov")
    assert params.not_city == ("aleppo",) and params.not_source == ()
    assert params.has_filters


def test_canonical_order_puts_exclusions_after_the_filters_and_before_the_dates():
    params = parse(lists("format=json&page=2&not_source=arab48&to=2016-12-31&not_city=aleppo&source=enab-baladi"
                         "&not_actor=john-kerry&q=حلب&exact=1&sort=oldest&from=2016-01-01&city=geneva&type=statements"
                         "&actor=sergey-lavrov"))
    assert [name for name, _ in params.pairs()] == [
        "q", "type", "actor", "city", "source", "not_actor", "not_city", "not_source", "from", "to", "sort", "exact",
        "page", "format"]
    assert parse(lists(params.query_string())) == params


def test_the_same_value_included_and_excluded_is_refused():
    with pytest.raises(InvalidSearch) as error:
        parse(lists("city=aleppo&actor=john-kerry&not_actor=john-kerry"))
    assert str(error.value) == ("“john-kerry” is given both in “actor” and in “not_actor”: a result cannot have it "
                                "and lack it. Keep one of the two.")
    assert parse(lists("actor=john-kerry&not_city=john-kerry")).not_city == ("john-kerry",)  # other facets: no conflict


@pytest.mark.parametrize("query, message", [
    ("not_actor=<script>", "“<script>” is not a valid not_actor: use the value from a facet link."),
    ("not_source=" + "&not_source=".join(f"s{n}" for n in range(MAX_FACET_VALUES + 1)),
     f"At most {MAX_FACET_VALUES} values of “not_source” can be combined."),
    ("not_colour=red", "Unknown parameter “not_colour”"),
])
def test_bad_exclusions_are_refused_with_a_clear_message(query, message):
    with pytest.raises(InvalidSearch) as error:
        parse(lists(query))
    assert message in str(error.value)


def test_excluding_a_value_takes_it_out_of_the_filter_and_back():
    params = SearchParams(q="حلب", actor=("john-kerry", "sergey-lavrov"), page=3)
    excluded = params.excluding("actor", "john-kerry")
    assert (excluded.actor, excluded.not_actor, excluded.page) == (("sergey-lavrov",), ("john-kerry",), 1)
    included = excluded.adding("actor", "john-kerry")
    assert (included.actor, included.not_actor) == (("john-kerry", "sergey-lavrov"), ())
    assert excluded.removing("not_actor", "john-kerry") == SearchParams(q="حلب", actor=("sergey-lavrov",))


def test_the_facet_page_reads_match_beside_the_search():
    params, match = parse_listing(lists("type=statements&not_actor=john-kerry&match=  كيرى%00 جون &format=json"))
    assert match == "كيرى جون"
    assert (params.type, params.not_actor, params.format) == ("statements", ("john-kerry",), "json")
    assert parse_listing(lists(""))[1] == ""


@pytest.mark.parametrize("query, message", [
    ("format=csv", "“format” must be one of html, json, not “csv”."),
    ("facet=actor", "Unknown parameter “facet”. This page takes: q, type, actor, city, source, not_actor, not_city, "
                    "not_source, from, to, sort, exact, page, format, match."),
    ("match=" + "x" * 101, "“match” has 101 characters; the most is 100."),
    ("source=arab48&not_source=arab48", "is given both in “source” and in “not_source”"),
])
def test_the_facet_page_refuses_bad_parameters(query, message):
    with pytest.raises(InvalidSearch) as error:
        parse_listing(lists(query))
    assert message in str(error.value)
