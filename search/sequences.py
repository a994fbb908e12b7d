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

from arabic import chain
from .columns import ranges
from .postings import Postings

EMPTY32 = np.zeros(0, dtype=np.uint32)
EMPTY64 = np.zeros(0, dtype=np.int64)


def stem_hash(word_stem):
    return zlib.crc32(word_stem.encode("utf-8"))


def merged(*ascending):
    """Arrays each in ascending order as one ascending array.

    A stable sort merges presorted runs in linear time, where np.unique's default sort starts over.
    """
    return np.sort(np.concatenate(ascending), kind="stable")


def tallied(docs):
    """(each document once, how often it occurs) of document numbers in ascending order: np.unique's
    answer (with return_counts) without sorting again."""
    if len(docs) == 0:
        return EMPTY64, EMPTY64
    starts = np.flatnonzero(np.concatenate(([True], docs[1:] != docs[:-1])))
    return docs[starts], np.diff(np.append(starts, len(docs)))


class DocumentAnalysis:
    """One pass of the analyzer over a text: its index terms, and its stems in order with offsets.

    A statement's words are a stretch of its article's body, so a statement's
    sequence is cut from its article's analysis instead of analyzing it again.
    """

    def __init__(self, text):
        self.terms, starts, primary, extra_at, extra = set(), [], [], [], []
        words = _WORDS
        for original, start in chain.written_words(text):
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

    def columns(self, start=0, end=None):
        """The "stems" and "readings" column values for the words starting in characters [start, end).

        "stems" holds the stem hashes in order; "readings" holds (offset, hash)
        pairs of the words' clitic readings. Both are plain uint32 runs, so a
        whole segment loads with one read and no per-document parsing.
        """
        first = int(np.searchsorted(self.starts, start))
        last = len(self.starts) if end is None else int(np.searchsorted(self.starts, end))
        inside = (self.extra_at >= first) & (self.extra_at < last)
        pairs = np.column_stack([(self.extra_at[inside] - first).astype(np.uint32), self.extra[inside]])
        return self.primary[first:last].tobytes(), pairs.astype(np.uint32).tobytes()


_WORDS = {}


def _analyse(original):
    """(readings, primary hash, other hashes) of each token of one written word, remembered."""
    if len(_WORDS) > 500_000:  # bounded: a huge archive's vocabulary must not grow memory forever
        _WORDS.clear()
    entry = _WORDS[original] = tuple(
        (readings, stem_hash(readings[0]), tuple(stem_hash(r) for r in readings[1:]))
        for readings in chain.written_readings(original)
    )
    return entry


def query_hashes(stems):
    return np.array([stem_hash(s) for s in stems], dtype=np.uint32)


def query_stem_hash(text):
    """The hash a query word is compared with (query-side stem)."""
    return stem_hash(chain.query_stem(text))


class SegmentSequences:
    """All documents of one segment: doc d's stems are tokens[ptr[d]:ptr[d+1]]."""

    def __init__(self, stems, readings):
        """From the raw columns: (bytes, per-document byte lengths) of "stems" and of "readings"."""
        (stem_data, stem_lengths), (reading_data, reading_lengths) = stems, readings
        self.tokens = np.frombuffer(stem_data, dtype=np.uint32)
        self.lengths = np.asarray(stem_lengths, dtype=np.int64) // 4
        self.ptr = np.zeros(len(self.lengths) + 1, dtype=np.int64)
        np.cumsum(self.lengths, out=self.ptr[1:])
        pairs = np.frombuffer(reading_data, dtype=np.uint32).reshape(-1, 2)
        pair_counts = np.asarray(reading_lengths, dtype=np.int64) // 8
        owners = np.repeat(np.arange(len(pair_counts), dtype=np.int64), pair_counts)
        self.extra_pos = self.ptr[owners] + pairs[:, 0] if len(pairs) else EMPTY64
        self.extra_hash = pairs[:, 1] if len(pairs) else EMPTY32
        self.primary = self.glued = None  # positional postings, when read from the segment's file

    @classmethod
    def from_file(cls, arrays):
        """The sequences and postings of a segment's file (search.postings.read)."""
        found = cls.__new__(cls)
        found.tokens, found.ptr = arrays["tokens"], np.asarray(arrays["ptr"])
        found.lengths = np.diff(found.ptr)
        found.extra_pos, found.extra_hash = arrays["extra_pos"], arrays["extra_hash"]
        found.primary = Postings(arrays["primary_keys"], arrays["primary_bounds"], arrays["primary_positions"])
        found.glued = Postings(arrays["glued_keys"], arrays["glued_bounds"], arrays["glued_positions"])
        return found

    def file_arrays(self):
        """What the segment's file holds (search.postings.LAYOUT): these sequences and their postings."""
        primary, glued = Postings.build(self.tokens), Postings.build(self.extra_hash, self.extra_pos)
        return {"tokens": self.tokens, "ptr": self.ptr, "extra_pos": self.extra_pos, "extra_hash": self.extra_hash,
                "primary_keys": primary.keys, "primary_bounds": primary.bounds, "primary_positions": primary.positions,
                "glued_keys": glued.keys, "glued_bounds": glued.bounds, "glued_positions": glued.positions}

    def subset(self, docs):
        """The sequences of only these documents (sorted local numbers), numbered 0..len(docs)-1.

        Gathering a few hundred documents' words costs far less than scanning a whole
        segment, so a search that facets or dates already narrow scans only its candidates.
        """
        part = SegmentSequences.__new__(SegmentSequences)
        part.lengths = self.lengths[docs]
        part.ptr = np.zeros(len(docs) + 1, dtype=np.int64)
        np.cumsum(part.lengths, out=part.ptr[1:])
        part.tokens = self.tokens[ranges(self.ptr[docs], part.lengths)]
        if len(self.extra_hash):
            first = np.searchsorted(self.extra_pos, self.ptr[docs])
            counts = np.searchsorted(self.extra_pos, self.ptr[docs + 1]) - first
            picked = ranges(first, counts)
            # A reading keeps its place inside its document, which moves to its new start.
            shift = np.repeat(part.ptr[:-1] - self.ptr[docs], counts)
            part.extra_pos = self.extra_pos[picked] + shift
            part.extra_hash = self.extra_hash[picked]
        else:
            part.extra_pos, part.extra_hash = EMPTY64, EMPTY32
        part.primary = part.glued = None  # a few documents are scanned faster than postings are built
        return part

    def _docs_of(self, positions):
        return np.searchsorted(self.ptr, positions, side="right") - 1

    def word(self, hashed):
        """(docs, frequencies) of a word, counting its clitic readings."""
        if self.primary is not None:
            return tallied(self._docs_of(merged(self.primary.of(hashed), self.glued.of(hashed))))
        positions = np.flatnonzero(self.tokens == hashed)
        if len(self.extra_hash):
            positions = merged(positions, self.extra_pos[self.extra_hash == hashed])
        return tallied(self._docs_of(positions))

    def occurrences(self, hashed):
        """How many positions a word's postings hold, clitic readings included (postings only)."""
        return self.primary.count(hashed) + self.glued.count(hashed)

    def phrase_reads(self, hashes):
        """About how many positions a phrase reads from the postings: its first word's, then its rarest other's."""
        if len(hashes) == 0:
            return 0
        return self.occurrences(hashes[0]) + min((self.primary.count(h) for h in hashes[1:]), default=0)

    def any_word(self, hashes):
        """(docs, frequencies) of any of several words (a prefix's expansions)."""
        if self.primary is not None:  # each word's positions are a run in ascending order
            return tallied(self._docs_of(merged(self.primary.of_any(hashes), self.glued.of_any(hashes))))
        positions = np.flatnonzero(np.isin(self.tokens, hashes))
        if len(self.extra_hash):
            positions = merged(positions, self.extra_pos[np.isin(self.extra_hash, hashes)])
        return tallied(self._docs_of(positions))

    def phrase(self, hashes):
        """(docs, frequencies) of the stems in `hashes` standing in a row within one document.

        The first word may be a clitic reading (بدير الزور is دير الزور, as بحلب is حلب for a
        word query); a clitic only ever attaches to the first word of a name or expression.
        """
        size = len(hashes)
        if size == 0 or len(self.tokens) < size:
            return EMPTY64, EMPTY64
        last = len(self.tokens) - size + 1
        if self.primary is not None:
            starts, checked = self._anchored_starts(hashes, last)
        else:
            starts, checked = np.flatnonzero(self.tokens[:last] == hashes[0]), 0
            if len(self.extra_hash):
                glued = self.extra_pos[self.extra_hash == hashes[0]]
                if len(glued):  # never a duplicate: a word's readings exclude its primary stem
                    starts = merged(starts, glued[glued < last])
        for offset in range(1, size):
            if offset != checked:
                starts = starts[self.tokens[starts + offset] == hashes[offset]]
        docs = self._docs_of(starts)  # ascending, as `starts` are
        inside = starts + size <= self.ptr[docs + 1]  # a run may not cross into the next document
        return tallied(docs[inside])

    def _anchored_starts(self, hashes, last):
        """(where the phrase may start, the word already checked there), from its rarest word's postings.

        The first word may stand as itself or as a clitic reading; a later word only as itself.
        """
        first = merged(self.primary.of(hashes[0]), self.glued.of(hashes[0]))
        counts = [self.primary.count(h) for h in hashes[1:]]
        if not counts or len(first) <= min(counts):
            return first[first < last], 0
        offset = 1 + int(np.argmin(counts))
        starts = self.primary.of(hashes[offset]) - offset
        starts = starts[(starts >= 0) & (starts < last)]
        if len(first) == 0:
            return EMPTY64, offset
        at = np.searchsorted(first, starts)  # both ascending: a binary search each, not np.isin's sort of both
        at[at == len(first)] = 0
        return starts[first[at] == starts], offset
