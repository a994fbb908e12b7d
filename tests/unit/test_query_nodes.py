"""Tests of search.query's nodes: each kind matches over an index view, highlights, describes itself and names."""
import numpy as np

from search.query import NOT, OR, Any, Named, Phrase, Prefix, Term, Word, parse_query


def pairs(found):
    docs, counts = found
    return dict(zip(map(int, docs), map(int, counts)))


class View:
    """An index view over a few documents: each stem's (docs, frequencies), facet masks by value."""

    def __init__(self, words, masks=(), size=6):
        self.words, self.size, self.asked = words, size, []
        self.masks = {key: np.isin(np.arange(size), docs) for key, docs in dict(masks).items()}

    def found(self, key):
        docs = sorted(self.words.get(key, {}))
        return np.array(docs, dtype=np.int64), np.array([self.words[key][d] for d in docs], dtype=np.int64)

    def word(self, stem, scope=None):
        self.asked.append(("word", stem, scope))
        return self.found(stem)

    def phrase(self, stems, scope=None):
        self.asked.append(("phrase", stems, scope))
        return self.found(stems)

    def prefix(self, start, scope=None):
        self.asked.append(("prefix", start, scope))
        return self.found(start + "*")

    def matched(self, key, compute, scope):
        return compute()

    def facet_mask(self, facet, value_id):
        return self.masks.get((facet, value_id), np.zeros(self.size, dtype=bool))


VIEW_WORDS = {"حلب": {0: 2, 3: 1}, "دمشق": {1: 1, 3: 4}, ("دير", "زور"): {2: 1}, "سور*": {4: 3}}


def test_each_kind_asks_the_view_for_its_own_match():
    view = View(VIEW_WORDS)
    scope = np.array([0, 1])
    assert pairs(Word("حلب", "حلب").stats(view, scope)) == {0: 2, 3: 1}
    assert pairs(Phrase(("دير", "زور"), "دير الزور").stats(view)) == {2: 1}
    assert pairs(Prefix("سور", "سور*").stats(view)) == {4: 3}
    assert view.asked == [("word", "حلب", scope), ("phrase", ("دير", "زور"), None), ("prefix", "سور", None)]


def test_alternatives_add_their_frequencies():
    node = Any((Word("حلب", "حلب"), Word("دمشق", "دمشق")))
    assert pairs(node.stats(View(VIEW_WORDS))) == {0: 2, 1: 1, 3: 5}


def test_a_name_matches_its_written_names_and_its_linked_documents():
    node = Named("حلب", (Word("حلب", "حلب"), Phrase(("دير", "زور"), "دير الزور")), (("city", 7),), ("حلب",))
    view = View(VIEW_WORDS, {("subject", 7 * 2 + 1): [5], ("city", 7): [0, 4]})
    assert pairs(node.stats(view)) == {0: 2, 2: 1, 3: 1, 4: 1, 5: 1}  # a linked document counts once
    assert list(node.naming(view)) == [0, 2, 3, 5]  # said in that place (4) is not naming it
    assert Word("حلب", "حلب").naming(view) is None


def test_highlighted_and_required_stems():
    named = Named("جون كيري", (Word("كيري", "كيري"),), (("actor", 1),), ("جون كيري",))
    nodes = [Word("حلب", "حلب"), Phrase(("دير", "زور"), "دير الزور"), Prefix("سور", "سور*"),
             Any((Word("دمشق", "دمشق"), Prefix("حم", "حم*"))), named]
    assert [node.highlight_stems() for node in nodes] == [("حلب",), ("دير", "زور"), (), ("دمشق",), ("كيري",)]
    assert [tuple(node.required_stems()) for node in nodes] == [("حلب",), ("دير", "زور"), (), (), ()]


def test_description_spelling_and_names():
    named = Named("كيري", (Word("كيري", "كيري"),), (("actor", 1), ("actor", 2)), ("جون كيري", "كيري"))
    nodes = [Word("حلب", "حلب"), Phrase(("دير", "زور"), "دير الزور"), Prefix("سور", "سور*"),
             Any((Word("دمشق", "دمشق"), named)), named]
    assert [node.describe() for node in nodes] == ["حلب", "“دير زور”", "سور*", "(دمشق OR ⟨جون كيري | كيري⟩)",
                                                    "⟨جون كيري | كيري⟩"]
    assert [node.lone_stem() for node in nodes] == ["حلب", None, None, None, None]
    assert [node.original for node in nodes] == ["حلب", "دير الزور", "سور*", "", "كيري"]
    assert [node.name_text() for node in nodes[:3]] == ["حلب", "دير الزور", None]
    assert nodes[3].name_links() == (("كيري", ("actor", 1)), ("كيري", ("actor", 2)))


class Recorder:
    """A name matcher that only records what the parser hands it."""

    def recognize(self, items):
        self.items = list(items)
        return items


def test_the_parser_hands_the_name_matcher_terms_and_operators():
    names = Recorder()
    parse_query('حلب OR "دير الزور" NOT دمشق -موسكو سور*', names=names)
    assert names.items == [
        Term(Word("حلب", "حلب")), OR, Term(Phrase(("دير", "زور"), "دير الزور"), quoted=True),
        Term(Word("دمشق", "دمشق"), negated=True), Term(Word("موسكو", "موسكو"), negated=True),
        Term(Prefix("سور", "سور*")),
    ]
    assert [item.loose for item in names.items] == [True, False, False, False, False, False]
    assert [item.name_text() for item in names.items] == ["حلب", None, "دير الزور", "دمشق", "موسكو", None]
    assert NOT != OR
