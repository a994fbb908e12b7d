"""Tests of search.entities: which query words name a known person or place, and how names are completed."""
import pytest

from search.entities import Entity, EntityMatcher, distance, name_key, options_for, readings
from search.query import Any, Named, Phrase, Word, describe, parse_query, terms

ENTITIES = [
    Entity("person", 1, "john-kerry", "جون كيري", "John Kerry", "وزير الخارجية الأمريكي", "",
           ("جون كيري", "كيري", "كيرى", "جون كيرى", "Kerry", "John Kerry")),
    Entity("person", 2, "sergey-lavrov", "سيرغي لافروف", "Sergey Lavrov", "", "",
           ("سيرغي لافروف", "لافروف", "Lavrov", "Sergei Lavrov")),
    Entity("person", 3, "staffan-de-mistura", "ستافان دي ميستورا", "Staffan de Mistura", "", "",
           ("دي ميستورا", "de Mistura")),
    Entity("person", 4, "bashar-al-assad", "بشار الأسد", "Bashar al-Assad", "", "", ("الأسد", "Assad", "al-Assad")),
    Entity("person", 5, "mevlut-cavusoglu", "مولود جاويش أوغلو", "Mevlüt Çavuşoğlu", "", "", ()),
    Entity("place", 1, "aleppo", "حلب", "Aleppo", "", "", ("حلب", "Aleppo")),
    Entity("place", 2, "deir-ez-zor", "دير الزور", "Deir ez-Zor", "", "", ("دير الزور", "Deir al-Zour")),
    Entity("place", 3, "jableh", "جبلة", "Jableh", "", "", ("جبلة",)),
    Entity("place", 4, "syria", "سوريا", "Syria", "", "", ("سوريا", "سورية")),
    Entity("place", 5, "moscow", "موسكو", "Moscow", "", "", ("موسكو",)),
    Entity("place", 6, "washington", "واشنطن", "Washington", "", "", ("واشنطن", "Washington, D.C.")),
]


@pytest.fixture(scope="module")
def names():
    return EntityMatcher(ENTITIES)


def slugs_named(names, text):
    return [names.entities[i].slug for i in names.lookup(list(name_key(text)))]


@pytest.mark.parametrize("text, slug", [
    ("Kerry", "john-kerry"), ("KERRY", "john-kerry"), ("كيرى", "john-kerry"), ("كيـــري", "john-kerry"),
    ("جون كيري", "john-kerry"), ("لكيري", "john-kerry"), ("وكيري", "john-kerry"),
    ("بلافروف", "sergey-lavrov"), ("للافروف", "sergey-lavrov"), ("ولافروف", "sergey-lavrov"), ("لافْروف", "sergey-lavrov"),
    ("وللافروف", "sergey-lavrov"), ("Sergei Lavrov", "sergey-lavrov"),
    ("لحلب", "aleppo"), ("وبحلب", "aleppo"), ("aleppo", "aleppo"), ("وموسكو", "moscow"), ("لموسكو", "moscow"),
    ("للأسد", "bashar-al-assad"), ("بالأسد", "bashar-al-assad"), ("al-Assad", "bashar-al-assad"),
    ("بدير الزور", "deir-ez-zor"), ("Deir al-Zour", "deir-ez-zor"), ("ودي ميستورا", "staffan-de-mistura"),
    ("Mevlut Cavusoglu", "mevlut-cavusoglu"), ("وواشنطن", "washington"), ("Washington, D.C.", "washington"),
])
def test_a_name_is_recognized_in_any_script_spelling_or_clitic_form(names, text, slug):
    assert slugs_named(names, text) == [slug]


@pytest.mark.parametrize("text", [
    "كيربي",  # Kirby is not Kerry
    "جبل",  # a mountain is not Jableh (جبلة): names are matched on their written form, not their stem
    "سوري",  # Syrian is not Syria (سورية)
    "أسد",  # a lion is not al-Assad
    "دي",  # a bare two-letter remainder is no name (ودي alone)
    "ميستورا دي", "كيري جون", "Kerr", "حلبي",
])
def test_a_word_that_merely_resembles_a_name_stays_apart(names, text):
    assert slugs_named(names, text) == []


def test_readings_remove_one_clitic_at_a_time_and_ll_as_l_plus_the_article():
    assert list(readings("للاسد")) == ["للاسد", "الاسد", "لاسد"]
    assert list(readings("وبحلب")) == ["وبحلب", "حلب", "بحلب"]
    assert list(readings("kerry")) == ["kerry"]


def named_nodes(query):
    return [node for node in query.required if isinstance(node, Named)]


def test_parse_query_reads_the_longest_name_among_bare_words(names):
    query = parse_query("تصريح جون كيري في حلب", names=names)
    assert isinstance(query.required[0], Word) and query.required[0].stem == "تصريح"
    kerry, halab = named_nodes(query)
    assert kerry.original == "جون كيري" and kerry.links == (("actor", 1),)
    assert halab.original == "حلب" and halab.links == (("city", 1),)
    assert describe(query) == "تصريح ⟨جون كيري⟩ في ⟨حلب⟩"


def test_names_in_quotes_or_and_negation(names):
    query = parse_query('"جون كيرى" OR Lavrov -موسكو', names=names)
    assert isinstance(query.required[0], Any)
    assert [node.links for node in query.required[0].options] == [(("actor", 1),), (("actor", 2),)]
    assert query.excluded[0].links == (("city", 5),)
    assert names.interpret(query) == [
        {"text": "جون كيرى", "entity": ENTITIES[0].ref(), "excluded": False},
        {"text": "Lavrov", "entity": ENTITIES[1].ref(), "excluded": False},
        {"text": "موسكو", "entity": ENTITIES[9].ref(), "excluded": True},
    ]


def test_a_quoted_phrase_is_a_name_only_as_a_whole(names):
    query = parse_query('"كيري في حلب"', names=names)
    assert query.required == (Phrase(("كيري", "في", "حلب"), "كيري في حلب"),)


def test_without_names_the_query_is_unchanged(names):
    assert parse_query("Kerry حلب") == parse_query("Kerry حلب", names=EntityMatcher([]))


def test_a_name_expands_to_its_other_names_without_redundant_phrases(names):
    kerry = named_nodes(parse_query("Kerry", names=names))[0]
    assert set(kerry.options) == {Word("كيري", "كيري"), Word("kerry", "kerry")}  # جون كيري holds كيري
    assert set(terms(parse_query("Kerry", names=names))) == {"كيري", "kerry"}
    assert {node.stems for node in named_nodes(parse_query("Deir ez-Zor", names=names))[0].options} == {
        ("دير", "زور"), ("deir", "ez", "zor"), ("deir", "al", "zour")}


def test_a_short_first_word_is_also_searched_with_a_clitic_glued_to_it():
    options = options_for([("دي", "ميستورا")])
    assert [node.stems for node in options] == [
        ("دي", "ميستورا"), ("ودي", "ميستورا"), ("فدي", "ميستورا"), ("بدي", "ميستورا"), ("لدي", "ميستورا"),
        ("كدي", "ميستورا")]


@pytest.mark.parametrize("typed, first", [
    ("لاف", "sergey-lavrov"), ("lav", "sergey-lavrov"), ("LAVR", "sergey-lavrov"), ("Ker", "john-kerry"),
    ("كيرى", "john-kerry"), ("جون ك", "john-kerry"), ("حل", "aleppo"), ("الأس", "bashar-al-assad"),
    ("اسد", "bashar-al-assad"), ("Cav", None), ("Çav", None), ("mevl", "mevlut-cavusoglu"),
])
def test_completion_finds_names_starting_with_the_typed_text(names, typed, first):
    found = names.complete(typed)
    assert (found[0][0].slug if found else None) == first


def test_completion_lists_each_entity_once_exact_names_first(names):
    found = names.complete("كيري")
    assert [entity.slug for entity, _ in found] == ["john-kerry"]
    assert found[0][1] == "كيري"
    assert names.complete("") == [] and names.complete("   ") == []
    assert len(EntityMatcher(ENTITIES).complete("ل", limit=2)) <= 2


@pytest.mark.parametrize("typed, expected", [
    ("لافرف", "لافروف"), ("Lavrof", "Lavrov"), ("بلافرف", "لافروف"), ("Kery", "Kerry"), ("موسكوو", "موسكو"),
    ("Kerry", ""), ("هدنة", ""), ("كيربي", "كيري"),
])
def test_closest_name_for_a_misspelling(names, typed, expected):
    assert names.closest(typed) == expected


@pytest.mark.parametrize("a, b, limit, expected", [
    ("lavrov", "lavrof", 2, 1), ("kitten", "sitting", 3, 3), ("abc", "abc", 1, 0), ("abcdef", "a", 2, 3),
])
def test_distance(a, b, limit, expected):
    assert distance(a, b, limit) == expected
