"""The one composition of the analysis (normalize, tokenize, stem, stopwords) that indexing, queries, highlighting and names use."""

# Index and query differ only in the last step: a document's word is indexed under every reading
# (index_readings: بحلب is also حلب), a query word is one stem (query_stem), so phrases stay exact.
# Names are matched on their written words (name_words), never on stems alone: جبلة is not جبل.

import unicodedata

from .letters import ARABIC_LETTERS, ARTICLE, LAM_ARTICLE_RUNS, PROCLITICS
from .normalize import normalize
from .stem import FUNCTION_WORDS, STOPWORDS, index_stems, stem
from .tokenize import _normalize_word, tokenize, word_spans, written_word_matches

__all__ = [
    "words", "whole_term", "is_stopword", "index_readings", "query_stem", "reading_spans", "written_words",
    "written_tokens", "written_readings", "query_words", "fold", "name_words", "name_stems", "clitic_readings",
    "clear_caches",
    "FUNCTION_WORDS", "STOPWORDS",
]

# The steps of one normalized word, by themselves: the Whoosh filters apply them token by token.
index_readings = index_stems  # the stems the index holds for a word, its own stem first
query_stem = stem  # the one stem a query word is looked up by


def words(text):
    """The normalized words of `text` (arabic.tokenize.Token), offsets in the original text."""
    return tokenize(text)


def whole_term(text):
    """A term taken whole, not split into words (a prefix or wildcard as typed)."""
    return normalize(text)


def is_stopword(word):
    return word in STOPWORDS


# -- documents -------------------------------------------------------------------------

def reading_spans(text, stems):
    """(start, end) of each word of `text` that the index holds under any of `stems` (a set): what to mark.

    The same spans as tokenize()'s tokens give, one per matching token. Each written word is
    analysed once per process, and judged once per set of stems: a page highlights twenty
    long texts of the same words for one query, and its next page the same again.
    """
    matching = _matching_tokens(stems)
    spans = []
    for match in written_word_matches(text):
        marked = matching.get(match.group())
        if marked is None:
            written = match.group()
            tokens = _TOKENS.get(written)
            if tokens is None:
                tokens = _remembered_tokens(written)
            marked = matching[written] = tuple((a, b) for a, b, readings in tokens if not stems.isdisjoint(readings))
        if marked:
            start = match.start()
            spans.extend((start + a, start + b) for a, b in marked)
    return spans


_MATCHING = {}  # frozenset(stems) -> {written word: the spans within it to mark}
_MATCHING_SETS, _MATCHING_WORDS = 32, 50_000  # recent queries; each one's words, bounded


def _matching_tokens(stems):
    key = frozenset(stems)
    matching = _MATCHING.get(key)
    if matching is None or len(matching) > _MATCHING_WORDS:
        if len(_MATCHING) >= _MATCHING_SETS:
            _MATCHING.clear()
        matching = _MATCHING[key] = {}
    return matching


_TOKENS = {}  # written word -> ((start, end, readings) of each of its tokens), glued parts apart
_TOKENS_LIMIT = 500_000  # distinct written words; a huge archive's vocabulary must not grow memory forever


def _remembered_tokens(written):
    if len(_TOKENS) >= _TOKENS_LIMIT:
        _TOKENS.clear()
    tokens = _TOKENS[written] = tuple(
        (start, start + len(original), token_readings)
        for original, start in word_spans(written) for token_readings in written_readings(original))
    return tokens


def written_words(text):
    """(original word, start) of each written word, unnormalized: for callers that remember each word's analysis.

    written_readings(original) gives the readings of its tokens, as index_readings gives them for words(text).
    """
    return word_spans(text)


def written_tokens(original):
    """The normalized tokens of one written word (none, one, or several), as words(text) gives them."""
    return normalize(original).split()


def written_readings(original):
    """The index readings of each token of one written word (none, one, or several tokens)."""
    return tuple(index_stems(token) for token in written_tokens(original))


# -- queries ---------------------------------------------------------------------------

def query_words(text):
    """The query-side stem of each word of `text`, stopwords kept."""
    return [stem(token.text) for token in tokenize(text)]


# -- names ------------------------------------------------------------------------------

def fold(word):
    """A normalized word with Latin accents removed (Çavuşoğlu = cavusoglu); Arabic is left alone."""
    if word.isascii() or word[0] in ARABIC_LETTERS:
        return word
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


def name_words(text):
    """The words a written name is matched by: normalized and folded."""
    return [fold(token.text) for token in tokenize(text or "")]


def name_stems(words_):
    """The query-side stems of a name's words (as name_words gives them), to find it in documents."""
    return tuple(stem(word) for word in words_)


def clitic_readings(word):
    """The word, then what it reads as without a clitic: بلافروف → لافروف, للأسد → الاسد."""
    yield word
    if word[0] not in ARABIC_LETTERS:
        return
    for prefix in LAM_ARTICLE_RUNS:  # ل + the article: للأسد is ل + الأسد
        if word.startswith(prefix) and len(word) > len(prefix) + 1:
            yield ARTICLE + word[len(prefix):]
            break
    for prefix in PROCLITICS:
        if word.startswith(prefix) and len(word) > len(prefix) + 1:
            yield word[len(prefix):]


def clear_caches():
    """Empty the per-word caches (a benchmark's cold start)."""
    for cached in (stem, index_stems, _normalize_word):
        cached.cache_clear()
    _TOKENS.clear()
    _MATCHING.clear()
