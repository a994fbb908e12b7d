"""A page's results come in the order of the whole result set, though only the first are ordered."""
import numpy as np
import pytest

from search.engine import first_in_order


@pytest.mark.parametrize("seed", range(12))
def test_the_first_results_are_those_of_the_whole_order(seed):
    rng = np.random.default_rng(seed)
    size = int(rng.integers(1, 3000))
    ids = -rng.permutation(size)
    days = -rng.integers(0, 40, size)  # many results share a day
    scores = -np.round(rng.random(size) * 5, 1)  # and a score
    for keys in ([ids, days], [ids, days, scores]):
        for needed in (1, 20, 60, size - 1, size, size + 5):
            expected = np.lexsort(keys)[:max(needed, 0)]
            assert first_in_order(keys, needed).tolist() == expected.tolist()
