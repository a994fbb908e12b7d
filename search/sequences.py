"""Each document's stems in order, as numpy arrays: word and phrase matching, and their frequencies.

Every indexed document carries a column with its stems in order (hashed to
32-bit integers) and, for the words that have them, their clitic readings
(بحلب also reads حلب). Scanning those arrays answers "which documents hold
this word or this phrase, how often" with a few vectorized comparisons: tens
of milliseconds for a word in most of a hundred thousand articles, where
decoding Whoosh postings takes hundreds, and positions for phrases seconds.
"""
import zlib

import numpy as np

from .arabic import index_stems, normalize, stem
from .arabic.tokenize import word_spans

EMPTY32 = np.zeros(0, dtype=np.uint32)
EMPTY64 = np.zeros(0, dtype=np.int64)


def stem_hash(word_stem):
    return zlib.crc32(word_stem.encode("utf-8"))


class DocumentAnalysis:
    """One pass of the analyzer over a text: its index terms, and its stems in order with offsets.

    A statement's words are a stretch of its article's body, so a statement's
    sequence is cut from its article's analysis instead of analyzing it again.
    """

    def __init__(self, text):
        self.terms, starts, primary, extra_at, extra = set(), [], [], [], []
        words = _WORDS
        for original, start in word_spans(text):
            analysed = words.get(original) or _analyse(original)
            for readings, first, others in analysed:
                self.terms.update(readings)
                for other in others:
                    extra_at.append(len(primary))
                    extra.append(other)
                starts.append(start)
                primary.append(first)
        self.starts = np.array(starts, dtype=np.int64)
        self.primary = np.array(primary, dtype=np.uint32)
        self.extra_at = np.array(extra_at, dtype=np.uint32)
        self.extra = np.array(extra, dtype=np.uint32)

    def column(self, start=0, end=None):
        """The column value for the words that start within characters [start, end) of the text.

        It holds two counts, the stem hashes in order, then the offsets and
        hashes of the clitic readings.
        """
        first = int(np.searchsorted(self.starts, start))
        last = len(self.starts) if end is None else int(np.searchsorted(self.starts, end))
        inside = (self.extra_at >= first) & (self.extra_at < last)
        header = np.array([last - first, int(inside.sum())], dtype=np.uint32)
        parts = (header, self.primary[first:last], (self.extra_at[inside] - first).astype(np.uint32), self.extra[inside])
        return b"".join(part.tobytes() for part in parts)


_WORDS = {}


def _analyse(original):
    """(readings, primary hash, other hashes) of each token of one written word, remembered."""
    if len(_WORDS) > 500_000:  # bounded: a huge archive's vocabulary must not grow memory forever
        _WORDS.clear()
    entry = _WORDS[original] = tuple(
        (readings, stem_hash(readings[0]), tuple(stem_hash(r) for r in readings[1:]))
        for readings in (index_stems(token) for token in normalize(original).split())
    )
    return entry


def query_hashes(stems):
    return np.array([stem_hash(s) for s in stems], dtype=np.uint32)


def query_stem_hash(text):
    """The hash a query word is compared with (query-side stem)."""
    return stem_hash(stem(text))


class SegmentSequences:
    """All documents of one segment: doc d's stems are tokens[ptr[d]:ptr[d+1]]."""

    def __init__(self, raw_values):
        tokens, extra_pos, extra_hash, lengths = [], [], [], []
        base = 0
        for raw in raw_values:
            if not raw:
                lengths.append(0)
                continue
            values = np.frombuffer(raw, dtype=np.uint32)
            count, extras = int(values[0]), int(values[1])
            tokens.append(values[2:2 + count])
            extra_pos.append(values[2 + count:2 + count + extras].astype(np.int64) + base)
            extra_hash.append(values[2 + count + extras:2 + count + 2 * extras])
            lengths.append(count)
            base += count
        self.ptr = np.zeros(len(lengths) + 1, dtype=np.int64)
        np.cumsum(np.asarray(lengths, dtype=np.int64), out=self.ptr[1:])
        self.tokens = np.concatenate(tokens) if tokens else EMPTY32
        self.extra_pos = np.concatenate(extra_pos) if extra_pos else EMPTY64
        self.extra_hash = np.concatenate(extra_hash) if extra_hash else EMPTY32
        self.lengths = np.diff(self.ptr)

    def _docs_of(self, positions):
        return np.searchsorted(self.ptr, positions, side="right") - 1

    def word(self, hashed):
        """(docs, frequencies) of a word, counting its clitic readings."""
        positions = np.flatnonzero(self.tokens == hashed)
        if len(self.extra_hash):
            positions = np.concatenate([positions, self.extra_pos[self.extra_hash == hashed]])
        return np.unique(self._docs_of(positions), return_counts=True)

    def any_word(self, hashes):
        """(docs, frequencies) of any of several words (a prefix's expansions)."""
        positions = np.flatnonzero(np.isin(self.tokens, hashes))
        if len(self.extra_hash):
            positions = np.concatenate([positions, self.extra_pos[np.isin(self.extra_hash, hashes)]])
        return np.unique(self._docs_of(positions), return_counts=True)

    def phrase(self, hashes):
        """(docs, frequencies) of the stems in `hashes` standing in a row within one document."""
        size = len(hashes)
        if size == 0 or len(self.tokens) < size:
            return EMPTY64, EMPTY64
        starts = np.flatnonzero(self.tokens[: len(self.tokens) - size + 1] == hashes[0])
        for offset in range(1, size):
            starts = starts[self.tokens[starts + offset] == hashes[offset]]
        docs = self._docs_of(starts)
        inside = starts + size <= self.ptr[docs + 1]  # a run may not cross into the next document
        return np.unique(docs[inside], return_counts=True)
