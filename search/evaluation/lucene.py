"""Lucene's Arabic analysis (ArabicNormalizationFilter + ArabicStemFilter, Larkey's light10) as a Whoosh analyzer, for comparison.

The evaluation scores the archive against this reference, so the places where light10 fails
(و-initial words, ب ل ك ف never stripped, لل eating the لا of لافروف) show as numbers. It follows
Lucene's ArabicAnalyzer: Unicode words (combining marks stay inside a word, as UAX #29 keeps them),
lower case, decimal digits to ASCII, normalization, light stemming. Lucene's stopword list is not
applied: the collection's queries hold no stopwords, and a document's stopwords never match.
"""
import re
import unicodedata

from whoosh.analysis import Filter, RegexTokenizer

# A word: letters and digits with their combining marks and tatweel, as Unicode word breaks give it.
WORD = r"[^\W_][\w\u0640\u064B-\u065F\u0670\u06D6-\u06ED]*"
_ALEFS = str.maketrans({"\u0622": "\u0627", "\u0623": "\u0627", "\u0625": "\u0627",  # آ أ إ -> ا
                        "\u0649": "\u064A", "\u0629": "\u0647"})  # ى -> ي, ة -> ه
_DELETED = re.compile("[\u0640\u064B-\u0652]")  # tatweel and the eight harakat, nothing more
PREFIXES = ("ال", "وال", "بال", "كال", "فال", "لل", "و")
SUFFIXES = ("ها", "ان", "ات", "ون", "ين", "يه", "ية", "ه", "ة", "ي")


def normalize(word):
    """ArabicNormalizer: alef forms, alef maqsura, teh marbuta; tatweel and harakat removed."""
    return _DELETED.sub("", word.translate(_ALEFS))


def decimal_digits(word):
    """DecimalDigitFilter: every Unicode decimal digit to its ASCII digit."""
    return "".join(str(unicodedata.decimal(ch)) if ch.isdecimal() else ch for ch in word)


def stem(word):
    """ArabicStemmer (light10): the first matching prefix, then each matching suffix in turn."""
    for prefix in PREFIXES:
        # و needs 3 letters left behind it, the other prefixes 2.
        shortest = 4 if len(prefix) == 1 else len(prefix) + 2
        if len(word) >= shortest and word.startswith(prefix):
            word = word[len(prefix):]
            break
    for suffix in SUFFIXES:
        if len(word) >= len(suffix) + 2 and word.endswith(suffix):
            word = word[:-len(suffix)]
    return word


def analyse(word):
    """One word through the whole chain."""
    return stem(normalize(decimal_digits(word.lower())))


class LuceneArabicFilter(Filter):
    """Lower case, digits, normalization and light10 on each token, as Lucene's filters run them in order."""

    def __call__(self, tokens):
        for token in tokens:
            token.text = analyse(token.text)
            if token.text:
                yield token


def LuceneArabicAnalyzer():
    return RegexTokenizer(WORD) | LuceneArabicFilter()
