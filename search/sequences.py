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

from .arabic import index_stems, stem, tokenize

EMPTY32 = np.zeros(0, dtype=np.uint32)
EMPTY64 = np.zeros(0, dtype=np.int64)


def stem_hash(word_stem):
    return zlib.crc32(word_stem.encode("utf-8"))


def encode(text):
    """The column value for `text`: counts, then stem hashes, then (offset, hash) of clitic readings."""
    primary, extra_at, extra = [], [], []
    for position, token in enumerate(tokenize(text)):
        readings = index_stems(token.text)
        primary.append(stem_hash(readings[0]))
        for reading in readings[1:]:
            extra_at.append(position)
            extra.append(stem_hash(reading))
    header = np.array([len(primary), len(extra)], dtype=np.uint32)
    return b"".join(np.asarray(part, dtype=np.uint32).tobytes() for part in (header, primary, extra_at, extra))


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
