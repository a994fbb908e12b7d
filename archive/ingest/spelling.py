"""Transliteration-tolerant name keys: سيرجي/سيرغي، دي مستورا/دي ميستورا، ستيفان/ستافان read alike."""

from functools import lru_cache

from arabic import FUNCTION_WORDS

# Letters Arabic outlets use for the one foreign G (سيرغي، سيرجي، سيرقي).
_G_LETTERS = str.maketrans({"غ": "ج", "ق": "ج"})
# Long vowels inside a foreign name come and go with the transliterator (ميستورا/مستورا,
# ستافان/ستيفان); the first letter stays, it is often a consonant (وليد، يوري).
_VOWELS = "اوي"
# A name's particles are written apart or joined (دي ميستورا، ديميستورا).
_PARTICLES = frozenset({"دي", "دو", "فان", "فون", "ابو", "عبد"})
# Shorter names collide with ordinary words (السد would be الأسد): only longer ones are compared.
MIN_WORD, MIN_NAME = 6, 7


@lru_cache(maxsize=100_000)  # word frequencies are Zipfian: each spelling is keyed once
def word_key(word):
    """The transliteration-tolerant key of one normalized word."""
    word = word.translate(_G_LETTERS)
    return word[:1] + "".join(ch for ch in word[1:] if ch not in _VOWELS)


@lru_cache(maxsize=1 << 16)
def name_keys(words):
    """Keys of a name's normalized words (a tuple) as written, and as written with each particle joined."""
    forms = [tuple(words)]
    for n, w in enumerate(words[:-1]):
        if w in _PARTICLES:
            forms.append(tuple(words[:n]) + (w + words[n + 1],) + tuple(words[n + 2:]))
    return tuple(tuple(word_key(w) for w in form) for form in forms if _long_enough(form))


def _long_enough(words):
    letters = sum(len(w) for w in words)
    return letters >= (MIN_WORD if len(words) == 1 else MIN_NAME) and not (set(words) & FUNCTION_WORDS)


def keyed_tokens(tokens):
    """The tokens with their text replaced by word keys, for matching names by their keys."""
    return [_new_token(type(t), (word_key(t.text), t.original, t.start, t.end)) for t in tokens]


_new_token = tuple.__new__  # a Token with another text, without NamedTuple's slower _replace
