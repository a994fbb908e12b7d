"""Positional postings give exactly what scanning the stem sequences gives: words, readings, prefixes, phrases."""
import numpy as np
import pytest

from search import postings
from search.sequences import SegmentSequences


def generated_segment(seed, documents=300, vocabulary=40):
    """Stem sequences of random documents over a small vocabulary (so phrases repeat), with clitic readings."""
    rng = np.random.default_rng(seed)
    lengths = rng.integers(0, 30, size=documents)
    tokens = rng.integers(1, vocabulary, size=int(lengths.sum())).astype(np.uint32)
    readings, reading_lengths = [], []
    for length in lengths:
        at = sorted(rng.choice(max(int(length), 1), size=min(int(length), int(rng.integers(0, 4))), replace=False))
        pairs = [(offset, int(rng.integers(vocabulary, vocabulary + 8))) for offset in at]
        readings.append(np.array(pairs, dtype=np.uint32).tobytes())
        reading_lengths.append(8 * len(pairs))
    return SegmentSequences((tokens.tobytes(), lengths * 4), (b"".join(readings), np.array(reading_lengths)))


def mapped(sequences, tmp_path):
    path = str(tmp_path / "MAIN_test.positions")
    postings.write(path, sequences.file_arrays())
    return SegmentSequences.from_file(postings.read(path))


def same(left, right):
    assert [a.tolist() for a in left] == [b.tolist() for b in right]


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_postings_find_what_a_scan_finds(seed, tmp_path):
    scanned = generated_segment(seed)
    indexed = mapped(scanned, tmp_path)
    assert indexed.primary is not None and scanned.primary is None
    for word in range(0, 50):  # 0: in no document; 40-47: only as clitic readings
        same(indexed.word(word), scanned.word(word))
    same(indexed.any_word([3, 5, 41, 99]), scanned.any_word([3, 5, 41, 99]))
    rng = np.random.default_rng(seed + 10)
    for size in (1, 2, 3, 4):
        for _ in range(40):
            phrase = rng.integers(1, 48 if size < 3 else 12, size=size).astype(np.uint32)
            same(indexed.phrase(phrase), scanned.phrase(phrase))
    some = np.array([0, 5, 17, 200, 299])
    same(indexed.subset(some).phrase(np.array([3, 4], dtype=np.uint32)),
         scanned.subset(some).phrase(np.array([3, 4], dtype=np.uint32)))


def test_a_phrase_never_runs_into_the_next_document(tmp_path):
    # document 0 ends with 7, document 1 starts with 8: "7 8" is in neither
    scanned = SegmentSequences((np.array([1, 7, 8, 2], dtype=np.uint32).tobytes(), np.array([8, 8])), (b"", np.array([0, 0])))
    indexed = mapped(scanned, tmp_path)
    same(indexed.phrase(np.array([7, 8], dtype=np.uint32)), (np.zeros(0), np.zeros(0)))
    same(indexed.phrase(np.array([1, 7], dtype=np.uint32)), scanned.phrase(np.array([1, 7], dtype=np.uint32)))


def test_a_missing_or_foreign_file_is_no_postings(tmp_path):
    assert postings.read(str(tmp_path / "absent.positions")) is None
    (tmp_path / "empty.positions").write_bytes(b"")
    assert postings.read(str(tmp_path / "empty.positions")) is None
    (tmp_path / "other.positions").write_bytes(b"something else entirely")
    assert postings.read(str(tmp_path / "other.positions")) is None

