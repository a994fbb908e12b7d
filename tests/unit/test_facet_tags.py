"""A facet counts the same values whether a search's few results read their own tags or every tag is tested."""
import numpy as np
import pytest

from search.columns import Multi
from search.engine import SPARSE_SHARE, tags_of


def every_tag_tested(multi, mask):
    chosen = mask[multi.rows]
    return multi.ids[chosen], multi.rows[chosen]


@pytest.mark.parametrize("seed", range(10))
def test_a_few_results_gather_the_same_tags_in_the_same_order(seed):
    rng = np.random.default_rng(seed)
    documents = int(rng.integers(1, 2000))
    counts = rng.integers(0, 6, documents)  # some documents have no tag
    ptr = np.concatenate(([0], np.cumsum(counts))).astype(np.int64)
    multi = Multi(ptr, rng.integers(0, 50, int(ptr[-1])).astype(np.int32))
    for share in (0.0, 0.01, 0.5 / SPARSE_SHARE, 0.5, 1.0):
        mask = rng.random(documents) < share
        docs = np.flatnonzero(mask)
        values, rows = tags_of(multi, mask, docs)
        expected_values, expected_rows = every_tag_tested(multi, mask)
        assert values.tolist() == expected_values.tolist()
        assert rows.tolist() == expected_rows.tolist()
        alone, no_rows = tags_of(multi, mask, docs, with_rows=False)  # results no report groups hold
        assert alone.tolist() == expected_values.tolist() and no_rows is None
