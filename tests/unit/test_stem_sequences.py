"""Stem sequences answer words and phrases alike whether a segment is scanned whole or only its candidates."""
import numpy as np
import pytest

from arabic import stem
from search.sequences import DocumentAnalysis, SegmentSequences, query_hashes, query_stem_hash

TEXTS = [
    "قال الوزير في دير الزور إن وقف إطلاق النار صامد.",
    "وقف",  # one word: a phrase must not run on into the next document
    "إطلاق النار تجدد بحلب، وطالب الوسيط بوقف إطلاق النار في حلب.",
    "",  # a document without words
    "اجتمع الوفد بدير الزور ثم بحلب وحلب مدينة كبيرة.",
    "النار",
    "طالبت موسكو بدير الزور بوقف القتال ووقف إطلاق النار فورا.",
]


def segment(texts):
    stems, readings = zip(*(DocumentAnalysis(text).columns() for text in texts))
    return SegmentSequences((b"".join(stems), [len(s) for s in stems]),
                            (b"".join(readings), [len(r) for r in readings]))


def as_pairs(docs, counts):
    return dict(zip(map(int, docs), map(int, counts)))


def restricted(found, docs):
    """What a whole-segment answer says about `docs` alone."""
    pairs = as_pairs(*found)
    return {doc: pairs[doc] for doc in map(int, docs) if doc in pairs}


def scoped(sequences, docs, ask):
    local_docs, counts = ask(sequences.subset(docs))
    return as_pairs(docs[local_docs], counts)


SUBSETS = [np.arange(len(TEXTS)), np.array([0, 1, 2]), np.array([1, 2]), np.array([3, 6]), np.array([4]),
           np.array([0, 2, 4, 6]), np.array([5]), np.array([], dtype=np.int64)]


@pytest.mark.parametrize("docs", SUBSETS, ids=str)
@pytest.mark.parametrize("words", [["حلب"], ["النار"], ["وقف"], ["دير", "الزور"], ["وقف", "إطلاق", "النار"],
                                   ["وقف", "النار"], ["النار", "وقف"]])
def test_candidates_alone_give_the_whole_segments_answer_for_them(docs, words):
    sequences = segment(TEXTS)
    if len(words) == 1:
        hashed = query_stem_hash(words[0])
        ask = lambda s: s.word(hashed)  # noqa: E731
    else:
        hashes = phrase_hashes(words)
        ask = lambda s: s.phrase(hashes)  # noqa: E731
    assert scoped(sequences, docs, ask) == restricted(ask(sequences), docs)


def phrase_hashes(words):
    return query_hashes([stem(word) for word in words])


def test_glued_clitic_readings_are_found_in_candidates():
    sequences = segment(TEXTS)
    hashed = query_stem_hash("حلب")
    # بحلب (doc 2 and 4) is read as حلب; doc 2 also writes حلب once and doc 4 once more.
    assert scoped(sequences, np.array([2, 4]), lambda s: s.word(hashed)) == {2: 2, 4: 2}
    phrase = phrase_hashes(["دير", "الزور"])
    assert scoped(sequences, np.array([4, 6]), lambda s: s.phrase(phrase)) == {4: 1, 6: 1}


def test_a_phrase_does_not_cross_from_one_candidate_into_the_next():
    sequences = segment(TEXTS)
    # doc 1 is "وقف" and doc 5 is "النار": next to each other among the candidates, never a phrase.
    phrase = phrase_hashes(["وقف", "النار"])
    assert scoped(sequences, np.array([1, 5]), lambda s: s.phrase(phrase)) == {}
    assert scoped(sequences, np.array([1, 5]), lambda s: s.any_word(phrase)) == {1: 1, 5: 1}
