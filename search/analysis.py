"""Whoosh adapter over arabic.chain: tokenizer, stop and stem filters at stable import paths."""

# Whoosh pickles the schema (analyzer included) into the index, so every class here is module-level
# and keeps only small flags in its instance; the analysis itself stays in arabic.chain.
# Indexing (mode="index", also used by Hit.highlights) adds the clitic readings of each word at its
# position; queries (mode="query") get one stem per word, so phrases stay exact. A direct call
# to whoosh.highlight.highlight() must pass mode="index" to mark clitic forms such as بحلب.

from whoosh.analysis import Filter, Tokenizer
from whoosh.analysis.acore import Token

from arabic import chain

__all__ = ["ArabicTokenizer", "ArabicStopFilter", "ArabicStemFilter", "ArabicAnalyzer"]


class ArabicTokenizer(Tokenizer):
    """Normalizing tokenizer: token text is normalized, startchar/endchar index the original text."""

    def __call__(self, value, positions=False, chars=False, keeporiginal=False,
                 removestops=True, start_pos=0, start_char=0, tokenize=True, mode="", **kwargs):
        t = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        if not tokenize:  # wildcard, prefix and range terms arrive whole
            t.text = chain.whole_term(value)
            t.original = value
            t.boost = 1.0
            t.stopped = False
            if positions:
                t.pos = start_pos
            if chars:
                t.startchar, t.endchar = start_char, start_char + len(value)
            yield t
            return
        pos = start_pos
        for word in chain.words(value):
            t.text = word.text
            t.boost = 1.0
            t.stopped = False
            if keeporiginal:
                t.original = word.original
            if positions:
                t.pos = pos
                pos += 1
            if chars:
                t.startchar = start_char + word.start
                t.endchar = start_char + word.end
            yield t


class ArabicStopFilter(Filter):
    """Drops normalized Arabic stopwords; renumbers positions so phrases skip them on both sides."""

    def __init__(self, renumber=True):
        self.renumber = renumber

    def __call__(self, tokens):
        pos = None
        for t in tokens:
            if not chain.is_stopword(t.text):
                if self.renumber and t.positions:
                    pos = t.pos if pos is None else pos + 1
                    t.pos = pos
                t.stopped = False
                yield t
            elif not t.removestops:
                t.stopped = True
                yield t


class ArabicStemFilter(Filter):
    """Light stemming. When indexing, also emits clitic readings (بحلب -> حلب) at the same position."""

    is_morph = True

    def __init__(self, variants=True):
        self.variants = variants

    def __call__(self, tokens):
        variants, index_readings, query_stem = self.variants, chain.index_readings, chain.query_stem
        for t in tokens:
            if t.stopped:
                yield t
            elif variants and t.mode == "index":
                for text in index_readings(t.text):
                    t.text = text
                    yield t
            else:
                t.text = query_stem(t.text)
                yield t


def ArabicAnalyzer(stopwords=False, variants=True):
    """The analyzer for Arabic TEXT fields. Keep stopwords (the default) for exact phrases;
    pass variants=False for fields that pair neighbouring tokens (shingles), where a second
    token at the same position would make false pairs."""
    pipeline = ArabicTokenizer()
    if stopwords:
        pipeline = pipeline | ArabicStopFilter()
    return pipeline | ArabicStemFilter(variants=variants)
