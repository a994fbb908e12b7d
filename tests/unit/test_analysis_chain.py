"""Tests of arabic.chain: index, query, highlight and names read a text through the same steps."""
import random
from pathlib import Path

import pytest

from arabic import chain
from arabic.stem import analyze, index_stems, stem
from arabic.tokenize import tokenize
from search.analysis import ArabicAnalyzer
from search.highlight import matched_spans
from search.sequences import DocumentAnalysis

TEXTS = [
    "قالَ وزيرُ الخارجيّةِ الأمريكيّ جون كيرى إنّ الأممَ المتّحدةَ تدعمُ المحادثاتِ.",
    "التقى لافروف بنظيره في موسكو، وقال إنّ الضرباتِ الجويّةَ مستمرّةٌ بحلب.",
    "دعت الأممالمتحدة إلى وقف إطلاق النار في دير الزور ﷺ والـCNN عام ٢٠١٦م.",
    "Çavuşoğlu met Kerry in Geneva; وللأسد رأي آخر.",
    "",
]


def index_words(text):
    """(start, end, readings) of each word, step by step."""
    return [(t.start, t.end, chain.index_readings(t.text)) for t in chain.words(text)]


@pytest.mark.parametrize("text", TEXTS)
def test_words_are_the_tokens_and_index_readings_their_index_stems(text):
    assert index_words(text) == [(t.start, t.end, index_stems(t.text)) for t in tokenize(text)]


@pytest.mark.parametrize("text", TEXTS)
def test_written_words_give_the_readings_the_words_give(text):
    written = [readings for original, _ in chain.written_words(text) for readings in chain.written_readings(original)]
    assert written == [readings for _, _, readings in index_words(text)]


@pytest.mark.parametrize("text", TEXTS)
@pytest.mark.parametrize("query", ["حلب", "الأمم المتحدة", "الأسد كيري", "cnn ٢٠١٦"])
def test_reading_spans_are_the_words_whose_readings_meet_the_stems(text, query):
    stems = set(chain.query_words(query))
    assert chain.reading_spans(text, stems) == [(a, b) for a, b, readings in index_words(text) if stems & set(readings)]


@pytest.mark.parametrize("text", TEXTS)
def test_query_words_are_the_query_side_analysis(text):
    assert chain.query_words(text) == analyze(text)
    assert chain.query_words(text) == [chain.query_stem(t.text) for t in chain.words(text)]


@pytest.mark.parametrize("text", TEXTS)
def test_the_whoosh_analyzer_adapts_the_chain(text):
    analyzer = ArabicAnalyzer()
    indexed = [t.text for t in analyzer(text, mode="index")]
    assert indexed == [reading for _, _, readings in index_words(text) for reading in readings]
    assert [t.text for t in analyzer(text, mode="query")] == chain.query_words(text)


@pytest.mark.parametrize("text", TEXTS)
def test_document_terms_are_the_index_readings(text):
    assert DocumentAnalysis(text).terms == {r for _, _, readings in index_words(text) for r in readings}


def test_highlight_marks_the_words_whose_readings_meet_the_query():
    text = TEXTS[1]
    spans = matched_spans(text, chain.query_words("حلب موسكو"))
    assert [text[a:b] for a, b in spans] == ["موسكو", "بحلب"]


def test_whole_terms_are_normalized_not_split():
    assert chain.whole_term("الأمم*") == "الامم*"


def test_stopwords_are_function_words():
    assert chain.is_stopword("في") and not chain.is_stopword("حلب")
    assert chain.STOPWORDS <= chain.FUNCTION_WORDS


def test_name_words_are_normalized_and_folded():
    assert chain.name_words("Mevlüt Çavuşoğlu") == ["mevlut", "cavusoglu"]
    assert chain.name_words("جون كيرى") == ["جون", "كيري"]
    assert chain.name_words(None) == []
    assert chain.name_stems(chain.name_words("الأمم المتحدة")) == tuple(stem(w) for w in ("الامم", "المتحده"))


def test_clitic_readings_of_a_name_word():
    assert list(chain.clitic_readings("وللاسد")) == ["وللاسد", "الاسد", "لاسد", "للاسد"]
    assert list(chain.clitic_readings("فلحلب")) == ["فلحلب", "حلب", "لحلب"]
    assert list(chain.clitic_readings("بل")) == ["بل"]


def test_clear_caches_empties_the_word_caches():
    chain.query_words(TEXTS[0])
    chain.clear_caches()
    assert stem.cache_info().currsize == 0 and index_stems.cache_info().currsize == 0


def test_highlight_spans_are_those_of_the_tokens_the_index_saw():
    """reading_spans remembers each written word's analysis; it must mark exactly what tokenize() gives."""
    seeds = sorted((Path(__file__).resolve().parents[2] / "fixtures" / "seeds").glob("*.txt"))
    texts = [path.read_text(encoding="utf-8") for path in seeds] + [
        "قال كيري ﷺ إن الأُمَمَ المتـــحدة بحلب وللأمم وبالمتحدة ـــ ًٌ «هدنة» في حلب، وكيرى لم يعلق."]
    rng = random.Random(3)
    for text in texts:
        words = [token.text for token in tokenize(text)]
        for _ in range(50):
            stems = {s for word in rng.sample(words, min(3, len(words))) for s in index_stems(word)}
            expected = [(t.start, t.end) for t in tokenize(text) if stems & set(index_stems(t.text))]
            assert chain.reading_spans(text, stems) == expected
