"""One generation of the index as a web worker reads it: a searcher, numpy columns, stem sequences.

A Whoosh segment never changes once written, so its columns and sequences are
read once per process and reused by every later generation that still holds
it; only a new segment (an editor's save, a merge) is read again. So are the
matches of a word or a phrase in a segment: after an editor's save, a search
scans only the new segment, not the whole archive again.
"""
import os
import re
import threading
from collections import OrderedDict

import numpy as np
from haystack import connections
from whoosh.columns import ColumnReader
from whoosh.filedb.filestore import FileStorage
from whoosh.reading import SegmentReader, TermNotFound

from . import columns as col
from . import postings
from .lru import LRUCache
from .sequences import SegmentSequences, query_hashes, stem_hash

CACHE_SIZE = 256
SEGMENT_STATS_SIZE = 2048  # (segment, word or phrase) matches kept across generations
# Candidates are scanned when their stems are fewer than this many per posting the postings
# would read (and a fixed few thousand: each postings lookup has its cost); otherwise the whole
# segment's postings are read, kept, and narrowed to the candidates. Measured at 100,000 articles:
# a scan costs some 15 ns a stem, gathering the candidates included; postings some 60 ns a position.
SCAN_STEMS_PER_POSTING = 4
SCAN_STEMS_FIXED = 6000
OPEN_ATTEMPTS = 20
TOC = re.compile(r"^_MAIN_(\d+)\.toc$")


class IndexView:
    segment_columns = {}  # segment id -> Columns
    segment_sequences = {}  # segment id -> SegmentSequences
    segment_stats = LRUCache(SEGMENT_STATS_SIZE)  # (segment id, key) -> (docs, frequencies) within the segment

    def __init__(self, ix, key):
        self.key = key
        self.searcher = ix.searcher()
        self.leaves, parts, live = [], [], []
        folder = ix.storage.folder
        for reader, offset in self.searcher.reader().leaf_readers():
            if reader.segment() is None:  # an index of no segment (empty, or every document deleted)
                continue
            segment_id = reader.segment().segment_id()
            self.leaves.append((segment_id, reader, offset))
            known = self.segment_sequences.get(segment_id)
            if known is None or known.primary is None:  # the writer may have written the file since
                mapped = postings.read(postings.path_of(folder, segment_id))
                if mapped is not None:
                    self.segment_sequences[segment_id] = SegmentSequences.from_file(mapped)
            if segment_id not in self.segment_columns:
                self.segment_columns[segment_id] = col.parse_segment(*raw_column(reader, "facets"))
            parts.append(self.segment_columns[segment_id])
            alive = np.ones(reader.doc_count_all(), dtype=bool)
            if reader.has_deletions():
                alive[np.fromiter(reader.segment().deleted_docs(), dtype=np.int64)] = False
            live.append(alive)
        current = {segment_id for segment_id, _, _ in self.leaves}
        for cache in (self.segment_columns, self.segment_sequences):
            for stale in set(cache) - current:
                del cache[stale]
        self.segment_stats.drop(lambda key: key[0] not in current)
        self.columns = col.concatenate(parts)
        self.live = np.concatenate(live) if live else np.zeros(0, dtype=bool)
        self.month = self.columns.month
        for multi in (self.columns.actor, self.columns.city, self.columns.subject):
            multi.rows  # facet masks and counts need them: read with the view, not at a search
        self.cache = OrderedDict()
        self._lengths = None
        # Read every segment's sequences now, not at the first query that needs them: the
        # writer may merge a segment and delete its files meanwhile (current_view retries).
        for _ in self.sequences():
            pass

    def cached(self, key, compute):
        found = self.cache.get(key)
        if found is None:
            found = self.cache[key] = compute()
            if len(self.cache) > CACHE_SIZE:
                self.cache.popitem(last=False)
        else:
            self.cache.move_to_end(key)
        return found

    # -- stem sequences ----------------------------------------------------

    def sequences(self):
        for segment_id, reader, offset in self.leaves:
            found = self.segment_sequences.get(segment_id)
            if found is None:
                found = SegmentSequences(raw_column(reader, "stems"), raw_column(reader, "readings"))
                self.segment_sequences[segment_id] = found
            yield found, offset

    def _stats(self, per_segment, scope=None, key=None, postings_read=None):
        """Apply `per_segment` to every segment's sequences, or only to the documents in `scope`.

        Over whole segments, with a `key`, a segment's result is kept for later generations.
        Within `scope`, a segment's candidates are scanned, unless their stems outnumber what
        its postings would read (`postings_read(sequences)` positions): then the whole
        segment's result, kept or read from its postings, is narrowed to them. Either way
        gives the same documents and frequencies.
        """
        docs, counts = [], []
        for (sequences, offset), (segment_id, _, _) in zip(self.sequences(), self.leaves):
            local = None
            if scope is not None:
                low, high = np.searchsorted(scope, (offset, offset + len(sequences.lengths)))
                if low == high:
                    continue
                local = scope[low:high] - offset
            if local is not None and not self._whole_is_cheaper(sequences, segment_id, key, local, postings_read):
                segment_docs, segment_counts = per_segment(sequences.subset(local))
                docs.append(local[segment_docs] + offset)
                counts.append(segment_counts)
                continue
            if key is not None:
                segment_docs, segment_counts = self.segment_stats.get_or_make(
                    (segment_id, key), lambda: per_segment(sequences))
            else:
                segment_docs, segment_counts = per_segment(sequences)
            if local is not None:
                inside = np.isin(segment_docs, local, assume_unique=True)
                segment_docs, segment_counts = segment_docs[inside], segment_counts[inside]
            docs.append(segment_docs + offset)
            counts.append(segment_counts)
        if not docs:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
        return np.concatenate(docs), np.concatenate(counts)

    def _whole_is_cheaper(self, sequences, segment_id, key, local, postings_read):
        """Whether the whole segment's result, narrowed to the candidates `local`, costs less than scanning them."""
        if key is None or sequences.primary is None or postings_read is None:
            return False
        if self.segment_stats.get((segment_id, key)) is not None:
            return True
        stems = int((sequences.ptr[local + 1] - sequences.ptr[local]).sum())
        return stems > SCAN_STEMS_PER_POSTING * postings_read(sequences) + SCAN_STEMS_FIXED

    def matched(self, key, compute, scope):
        """Stats over every document (kept for later searches), or over `scope` (computed, not kept).

        Stats already kept for every document answer a scoped question as well.
        """
        if scope is None:
            return self.cached(key, compute)
        found = self.cache.get(key)
        return found if found is not None else compute()

    def word(self, stem, scope=None):
        """(docs, frequencies) of a word stem."""
        hashed = stem_hash(stem)
        key = ("w", stem)
        return self.matched(key, lambda: self._stats(lambda s: s.word(hashed), scope, key,
                                                     lambda s: s.occurrences(hashed)), scope)

    def prefix(self, start, scope=None, limit=1000):
        """(docs, frequencies) of every indexed stem that begins with `start`."""

        def compute():
            expansions = []
            for term in self.searcher.reader().expand_prefix("text", start):
                expansions.append(term.decode("utf-8") if isinstance(term, bytes) else term)
                if len(expansions) >= limit:
                    break
            hashes = query_hashes(expansions)
            return self._stats(lambda s: s.any_word(hashes), scope)

        return self.matched(("x", start), compute, scope)

    def phrase(self, stems, scope=None):
        """(docs, frequencies) of consecutive stems."""
        hashes = query_hashes(stems)
        key = ("p", stems)
        return self.matched(key, lambda: self._stats(lambda s: s.phrase(hashes), scope, key,
                                                     lambda s: s.phrase_reads(hashes)), scope)

    def doc_frequency(self, stem):
        """How many articles hold this stem (Whoosh keeps postings for articles, not statements)."""
        return self.searcher.reader().doc_frequency("text", stem)

    def postings(self, stem):
        """The document numbers of the articles that hold this stem, sorted."""
        try:
            matcher = self.searcher.postings("text", stem)
        except TermNotFound:
            return np.zeros(0, dtype=np.int64)
        return np.fromiter(matcher.all_ids(), dtype=np.int64)

    @property
    def lengths(self):
        if self._lengths is None:
            self._lengths = np.concatenate([s.lengths for s, _ in self.sequences()]) if self.leaves else np.zeros(0)
        return self._lengths

    # -- facet masks -------------------------------------------------------------

    def facet_mask(self, facet, value_id):
        """Documents carrying this facet value (a database id)."""

        def compute():
            if facet == "source":
                return self.columns.source == value_id
            multi = getattr(self.columns, facet)
            mask = np.zeros(len(self.live), dtype=bool)
            mask[multi.rows[multi.ids == value_id]] = True
            return mask

        return self.cached(("f", facet, value_id), compute)

    def close(self):
        self.searcher.close()


_state = threading.local()


def raw_column(reader, name):
    """(all values of a segment's bytes column concatenated, each document's length in bytes).

    One read of the column's data region instead of one Python call per
    document. It relies on how Whoosh 2.7's VarBytesColumn lays out a column:
    the values back to back from the column's start, then their lengths.
    """
    count = reader.doc_count_all()
    if not reader.has_column(name):
        return b"", np.zeros(count, dtype=np.int64)
    column = reader.column_reader(name, translate=False)
    if isinstance(column, ColumnReader) and hasattr(column, "_lengths"):
        lengths = np.asarray(column._lengths, dtype=np.int64)
        return column._dbfile.get(column._basepos, int(lengths.sum())), lengths
    values = list(column)  # any other layout: the slow, general way
    return b"".join(values), np.array([len(v) for v in values], dtype=np.int64)


_positions_checked = {}  # a positions file's path -> (size, mtime) when it was read and found current


def write_segment_files(ix):
    """Write the positions file (search.postings) of every segment of `ix` that has none yet.

    The writer calls it after each commit: a new segment's file is written once, by one process.
    A worker that opens the segment before its file exists scans its sequences meanwhile. A file
    already read and found current is not read again while it is unchanged on disk: an import
    leaves hundreds of segments, and reading every header took half of an editor's commit.
    """
    global _positions_checked
    folder, checked = ix.storage.folder, {}
    for segment in ix._segments():
        path = postings.path_of(folder, segment.segment_id())
        seen = _stamp(path)
        if seen is not None and _positions_checked.get(path) == seen:
            checked[path] = seen
            continue
        if postings.read(path) is None:  # none yet, or a file of an older layout: written again
            reader = SegmentReader(ix.storage, ix.schema, segment)
            try:
                sequences = SegmentSequences(raw_column(reader, "stems"), raw_column(reader, "readings"))
            finally:
                reader.close()
            postings.write(path, sequences.file_arrays())
            seen = _stamp(path)
        checked[path] = seen
    _positions_checked = checked  # the segments merged away are forgotten


def _stamp(path):
    """(size, modification time) of a file, None when there is none."""
    try:
        stat = os.stat(path)
    except FileNotFoundError:
        return None
    return stat.st_size, stat.st_mtime_ns


def open_for_reading(path):
    """The index at `path`, its segment files read with plain file reads.

    Whoosh's default maps each segment into memory, then copies its term and posting files
    into new buffers every time a reader opens: about 5 ms and megabytes per segment at
    100,000 articles, for every new generation in every worker. The engine reads those
    files little (columns are read once per segment), so plain reads cost nothing at search
    time and a new generation opens in tens of milliseconds instead of hundreds.
    """
    return FileStorage(path, supports_mmap=False).open_index()


def index_key(path):
    """Identifies an index generation: the directory (a rebuild swaps it) and its latest TOC."""
    try:
        generations = [int(m.group(1)) for m in map(TOC.match, os.listdir(path)) if m]
        return (os.stat(path).st_ino, max(generations)) if generations else None
    except OSError:
        return None


def current_view():
    """This thread's view of the latest index generation (None when there is no index yet)."""
    backend = connections["default"].get_backend()
    key = index_key(backend.path)
    view = getattr(_state, "view", None)
    if view is not None and view.key == key:
        return view
    if key is None:
        return None
    fresh = None
    for _ in range(OPEN_ATTEMPTS):
        try:
            fresh = IndexView(open_for_reading(backend.path), key)
            break
        except FileNotFoundError:
            # The writer committed a newer generation and deleted this one's files between
            # listing the directory and opening them: open the newer one instead.
            key = index_key(backend.path)
    if fresh is None:
        raise RuntimeError(f"the index at {backend.path} changed faster than it could be opened")
    if view is not None:
        view.close()
    _state.view = fresh
    return fresh


def forget_view():
    view = getattr(_state, "view", None)
    if view is not None:
        view.close()
    _state.view = None
    IndexView.segment_columns.clear()
    IndexView.segment_sequences.clear()
    IndexView.segment_stats.clear()


def reopen_after_fork():
    """In a freshly forked worker: open its own searcher on next use, keeping the parsed arrays.

    The arrays the master read are shared with the worker; its open files are
    not safe to share, so the inherited searcher is set aside unused.
    """
    _state.view = None
