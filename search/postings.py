"""Where each stem stands in a segment (positional postings), and the file that keeps them beside the segment.

The writer builds the file for every segment it writes or merges; each web worker maps it
(numpy memmap), so the operating system keeps one copy for every worker and a new segment
opens without reading Whoosh's columns. With postings a word costs what its matches cost
(a binary search and a slice) instead of one comparison per stem of the archive, and a
phrase or a name starts from its rarest word. The file is named like the segment's own
files ("MAIN_<id>.positions"), so Whoosh deletes it with the segment.
"""
import os

import numpy as np

EMPTY = np.zeros(0, dtype=np.int64)
MAGIC = b"ARCHPOS2"
SUFFIX = ".positions"
# What the file holds, in order: the segment's sequences (search.sequences), then the postings
# of the stems as written (primary) and of their clitic readings (glued).
# Positions within a segment fit 32 bits (a segment holds some 20,000 documents, millions of stems).
LAYOUT = (("tokens", np.uint32), ("ptr", np.int64), ("extra_pos", np.int64), ("extra_hash", np.uint32),
          ("primary_keys", np.uint32), ("primary_bounds", np.int64), ("primary_positions", np.uint32),
          ("glued_keys", np.uint32), ("glued_bounds", np.int64), ("glued_positions", np.uint32))


class Postings:
    """For each distinct stem hash (`keys`, sorted), its positions: positions[bounds[i]:bounds[i + 1]], ascending."""

    def __init__(self, keys, bounds, positions):
        self.keys, self.bounds, self.positions = keys, bounds, positions

    @classmethod
    def build(cls, hashes, positions=None):
        """From the hash at each position (and those positions, when they are not 0..n-1)."""
        order = np.argsort(hashes, kind="stable")  # stable: each stem's positions stay ascending
        ordered = hashes[order]
        keys, starts = np.unique(ordered, return_index=True)
        bounds = np.append(starts, len(ordered)).astype(np.int64)
        at = order.astype(np.int64) if positions is None else np.asarray(positions, dtype=np.int64)[order]
        return cls(keys.astype(np.uint32), bounds, at)

    def _range(self, hashed):
        i = int(np.searchsorted(self.keys, hashed))
        if i < len(self.keys) and self.keys[i] == hashed:
            return int(self.bounds[i]), int(self.bounds[i + 1])
        return 0, 0

    def of(self, hashed):
        """The positions of one stem, ascending (as int64: callers subtract from them)."""
        low, high = self._range(hashed)
        return self.positions[low:high].astype(np.int64) if high > low else EMPTY

    def count(self, hashed):
        low, high = self._range(hashed)
        return high - low

    def of_any(self, hashes):
        found = [self.of(h) for h in np.unique(np.asarray(hashes, dtype=np.uint32))]
        return np.concatenate(found) if found else EMPTY


def path_of(folder, segment_id):
    return os.path.join(folder, segment_id + SUFFIX)


def write(path, arrays):
    """Write the arrays of LAYOUT to `path` in one file (written beside it, then moved into place)."""
    values = [np.ascontiguousarray(arrays[name], dtype=dtype) for name, dtype in LAYOUT]
    header = MAGIC + np.array([len(v) for v in values], dtype=np.int64).tobytes()
    partial = f"{path}.{os.getpid()}.tmp"
    with open(partial, "wb") as handle:
        handle.write(header)
        for value in values:
            handle.write(value.tobytes())
            handle.write(b"\0" * (-value.nbytes % 8))  # every array starts 8-byte aligned
    os.replace(partial, path)


def read(path):
    """The arrays of LAYOUT, mapped from `path`; None when there is no such file (yet)."""
    try:
        mapped = np.memmap(path, dtype=np.uint8, mode="r")
    except (FileNotFoundError, ValueError):  # ValueError: an empty file
        return None
    if bytes(mapped[:len(MAGIC)]) != MAGIC:
        return None
    counts = np.frombuffer(bytes(mapped[len(MAGIC):len(MAGIC) + 8 * len(LAYOUT)]), dtype=np.int64)
    arrays, offset = {}, len(MAGIC) + 8 * len(LAYOUT)
    for (name, dtype), count in zip(LAYOUT, counts):
        size = int(count) * np.dtype(dtype).itemsize
        # A plain ndarray over the mapped bytes: slicing a np.memmap costs a Python hook per slice,
        # and a word's postings are sliced in every segment.
        arrays[name] = mapped[offset:offset + size].view(np.ndarray).view(dtype)
        offset += size + (-size % 8)
    return arrays
