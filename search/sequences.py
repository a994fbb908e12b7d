"""Exact phrase matching on each document's sequence of stems, held as numpy arrays.

Each document stores its stems in order, hashed to 32-bit integers, in an index
column. A phrase is found by scanning those arrays for the stems in a row: a
few vectorized comparisons, where reading Whoosh positions (or indexing word
pairs) costs seconds at a hundred thousand articles.
"""
import zlib

import numpy as np

from .arabic import stem, tokenize

EMPTY = np.zeros(0, dtype=np.uint32)


def stem_hash(word_stem):
    return zlib.crc32(word_stem.encode("utf-8"))


def stem_sequence(text):
    """The query-side stems of `text` in order, hashed (what a phrase is compared with)."""
    return np.fromiter((stem_hash(stem(t.text)) for t in tokenize(text)), dtype=np.uint32)


def sequence_bytes(text):
    return stem_sequence(text).tobytes()


class SegmentSequences:
    """All documents' stem sequences of one segment: doc d is tokens[ptr[d]:ptr[d+1]]."""

    def __init__(self, raw_values):
        arrays = [np.frombuffer(raw, dtype=np.uint32) if raw else EMPTY for raw in raw_values]
        lengths = np.fromiter((len(a) for a in arrays), dtype=np.int64, count=len(arrays))
        self.ptr = np.zeros(len(arrays) + 1, dtype=np.int64)
        np.cumsum(lengths, out=self.ptr[1:])
        self.tokens = np.concatenate(arrays) if arrays else EMPTY

    def docs_with(self, hashes):
        """Local docnums whose sequence holds `hashes` consecutively."""
        size = len(hashes)
        if size == 0 or len(self.tokens) < size:
            return np.zeros(0, dtype=np.int64)
        starts = np.flatnonzero(self.tokens[: len(self.tokens) - size + 1] == hashes[0])
        for offset in range(1, size):
            starts = starts[self.tokens[starts + offset] == hashes[offset]]
        docs = np.searchsorted(self.ptr, starts, side="right") - 1
        inside = starts + size <= self.ptr[docs + 1]  # the run may not cross into the next document
        return np.unique(docs[inside])


def phrase_hashes(stems):
    return np.array([stem_hash(s) for s in stems], dtype=np.uint32)
