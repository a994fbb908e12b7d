"""Word lists written in the source as plain Arabic, read into sets of normalized words."""
from arabic import normalize


def word_set(words, endings=("",)):
    """The normalized forms of the space-separated `words`, each with each of `endings` attached."""
    return frozenset(normalize(word + ending) for word in words.split() for ending in endings)
