"""Split text into normalized word tokens that keep their character offsets in the original text."""

import re
import unicodedata
from functools import lru_cache
from typing import Iterator, NamedTuple

from .glued import MIN_LETTERS, split_glued
from .normalize import ARABIC_LETTER_RANGES, INVISIBLE, _ranges, normalize, normalize_with_offsets

__all__ = ["Token", "tokenize", "word_spans"]


class Token(NamedTuple):
    """A word: normalized text, original spelling, and [start, end) offsets in the original text."""

    text: str
    original: str
    start: int
    end: int


# Combining marks (harakat, shadda, Quranic marks, Latin accents) never end a word, nor do the
# invisible joiners and bidi marks that scraped text leaves inside words.
_MARKS = _ranges(
    cp for cp in range(0x10000)
    if unicodedata.category(chr(cp)) in ("Mn", "Mc", "Me")
    or chr(cp) in INVISIBLE
)

# A word is a run of Arabic letters, or a run of other letters/digits (Latin, digits of every
# script), each with their marks: الـCNN and ٢٠١٦م split at the script change. Punctuation,
# quotes of every style, underscores and symbols separate words.
_WORD_RE = re.compile(
    "[{ar}][{ar}{mk}]*|[^\\W_{ar}](?:[^\\W_{ar}]|[{mk}])*".format(ar=ARABIC_LETTER_RANGES, mk=_MARKS)
)


# Word frequencies are Zipfian: caching the normalized form of each spelling pays off.
# A glued word (الأممالمتحدة, arabic.glued) comes out with its parts separated by spaces,
# like a ligature that expands to several words; _glued_spans then gives each part's offsets.
@lru_cache(maxsize=100_000)
def _normalize_word(original):
    norm = normalize(original)
    if len(original) >= MIN_LETTERS:
        spans = _glued_spans(original, norm)
        if spans:
            return " ".join(part for part, _, _ in spans)
    return norm


# The parts of each word of MIN_LETTERS characters or more (None: not glued). A plain dict,
# cheaper to ask than an lru_cache on word_spans' fast path; emptied when it grows too big.
_GLUED = {}
_GLUED_LIMIT = 100_000
_UNSEEN = object()


def _glued_spans(original, norm=None):
    """((part, start, end), ...) of a glued word's parts, offsets within `original`; or None."""
    spans = _GLUED.get(original, _UNSEEN)
    if spans is _UNSEEN:
        if len(_GLUED) >= _GLUED_LIMIT:
            _GLUED.clear()
        spans = _GLUED[original] = _split_original(original, normalize(original) if norm is None else norm)
    return spans


def _split_original(original, norm):
    """The parts of `original` (normalized `norm`) where arabic.glued splits it, or None.

    A part spans its letters and the marks after them, so the parts tile the word. Each part
    normalizes alone to the same text as inside the word (checked), so callers that analyse the
    original of a part (word_spans) see what tokenize() yields."""
    if len(original) < MIN_LETTERS or " " in norm:
        return None
    parts = split_glued(norm)
    if not parts:
        return None
    offsets = normalize_with_offsets(original)[1]
    spans, at, cut = [], 0, 0
    for index, part in enumerate(parts):
        at += len(part)
        end = offsets[at] if index < len(parts) - 1 else len(original)
        if normalize(original[cut:end]) != part:
            return None
        spans.append((part, cut, end))
        cut = end
    return tuple(spans)


_new_token = tuple.__new__  # skips NamedTuple.__new__'s Python-level call; same object


def tokenize(text: str) -> Iterator[Token]:
    """Yield a Token for each word of `text`; start/end index the original string.

    A glued word yields one token per part, each with the offsets of its own letters."""
    for match in _WORD_RE.finditer(text):
        original = match.group()
        norm = _normalize_word(original)
        if not norm:  # a run of tatweel or of isolated harakat forms
            continue
        start, end = match.span()
        if " " in norm:
            spans = _glued_spans(original)
            if spans:
                for part, a, b in spans:
                    yield _new_token(Token, (part, original[a:b], start + a, start + b))
            else:  # ligatures such as ﷺ expand to several words
                for part in norm.split():
                    yield _new_token(Token, (part, original, start, end))
        else:
            yield _new_token(Token, (norm, original, start, end))


# re.Match of each written word of a text, glued words whole: for callers that judge each written word once.
written_word_matches = _WORD_RE.finditer


def word_spans(text: str):
    """(original word, start) of each word, unnormalized: the fast path for callers that cache per word.

    normalize(word).split() gives the tokens tokenize() would yield for it (none, one, or several).
    A glued word comes as its parts, each with its own start, as tokenize() yields them.
    """
    glued, unseen, shortest = _GLUED, _UNSEEN, MIN_LETTERS
    for match in _WORD_RE.finditer(text):
        original = match.group()
        if len(original) < shortest:
            yield original, match.start()
            continue
        spans = glued.get(original, unseen)
        if spans is unseen:
            spans = _glued_spans(original)
        if spans:
            start = match.start()
            for _, a, b in spans:
                yield original[a:b], start + a
        else:
            yield original, match.start()
