"""Segments' columns joined into one generation read as the same documents written in one segment."""
from datetime import date, timedelta

import numpy as np
import pytest

from search import columns as col


def records(rng, count):
    found = []
    for n in range(count):
        day = None if rng.random() < 0.1 else date(2011, 3, 15) + timedelta(days=int(rng.integers(0, 4000)))
        found.append(col.encode(
            "archive.article" if rng.random() < 0.3 else "archive.statement", n + 1, day,
            int(rng.integers(1, 9)) if rng.random() < 0.9 else None,
            list(rng.integers(1, 40, int(rng.integers(0, 5)))), list(rng.integers(1, 20, int(rng.integers(0, 3)))),
            list(rng.integers(0, 80, int(rng.integers(0, 4)))),
            report_group=int(rng.integers(1, 30)) if rng.random() < 0.2 else None))
    return found


def segment(found):
    return col.parse_segment(b"".join(found), [len(record) for record in found])


@pytest.mark.parametrize("seed", range(5))
def test_joined_segments_have_the_rows_and_months_of_one_segment(seed):
    rng = np.random.default_rng(seed)
    found = records(rng, int(rng.integers(1, 400)))
    cuts = sorted(rng.choice(np.arange(1, len(found) + 1), size=min(3, len(found)), replace=False).tolist())
    parts = [segment(found[a:b]) for a, b in zip([0] + cuts, cuts + [len(found)])]
    parts = [part for part in parts if len(part)] or [segment(found)]
    for part in parts:  # a segment already read by an earlier generation has worked its own out
        part.actor.rows, part.month
    joined, whole = col.concatenate(parts), segment(found)
    for name in ("kind", "db_id", "day", "source", "report_group"):
        assert getattr(joined, name).tolist() == getattr(whole, name).tolist()
    for name in ("actor", "city", "subject"):
        assert getattr(joined, name).ptr.tolist() == getattr(whole, name).ptr.tolist()
        assert getattr(joined, name).ids.tolist() == getattr(whole, name).ids.tolist()
        assert getattr(joined, name).rows.tolist() == getattr(whole, name).rows.tolist()
    assert joined.month.tolist() == col.months(whole.day).tolist()
    undated = whole.day == col.NO_DAY
    assert (joined.month[undated] == -1).all() and (joined.month[~undated] >= 0).all()
