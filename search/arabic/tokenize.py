"""Split text into normalized word tokens that keep their character offsets in the original text."""

import re
import unicodedata
from functools import lru_cache
from typing import Iterator, NamedTuple

from .normalize import ARABIC_LETTER_RANGES, _ranges, normalize

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
    or cp in (0x00AD, 0x061C, 0x200C, 0x200D, 0x200E, 0x200F)
)

# A word is a run of Arabic letters, or a run of other letters/digits (Latin, digits of every
# script), each with their marks: الـCNN and ٢٠١٦م split at the script change. Punctuation,
# quotes of every style, underscores and symbols separate words.
_WORD_RE = re.compile(
    "[{ar}][{ar}{mk}]*|[^\\W_{ar}](?:[^\\W_{ar}]|[{mk}])*".format(ar=ARABIC_LETTER_RANGES, mk=_MARKS)
)


# Word frequencies are Zipfian: caching the normalized form of each spelling pays off.
_normalize_word = lru_cache(maxsize=100_000)(normalize)
_new_token = tuple.__new__  # skips NamedTuple.__new__'s Python-level call; same object


def tokenize(text: str) -> Iterator[Token]:
    """Yield a Token for each word of `text`; start/end index the original string."""
    for match in _WORD_RE.finditer(text):
        original = match.group()
        norm = _normalize_word(original)
        if not norm:  # a run of tatweel or of isolated harakat forms
            continue
        start, end = match.span()
        if " " in norm:  # ligatures such as ﷺ expand to several words
            for part in norm.split():
                yield _new_token(Token, (part, original, start, end))
        else:
            yield _new_token(Token, (norm, original, start, end))


def word_spans(text: str):
    """(original word, start) of each word, unnormalized: the fast path for callers that cache per word.

    normalize(word).split() gives the tokens tokenize() would yield for it (none, one, or several).
    """
    for match in _WORD_RE.finditer(text):
        yield match.group(), match.start()
