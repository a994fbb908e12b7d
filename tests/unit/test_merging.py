"""The writer's merge policy: segments of one size merged within a bound, fully deleted ones dropped, large ones left."""
from search.merging import choose


def test_editors_small_segments_are_merged_once_enough_have_gathered():
    assert choose([20_000, 5, 8, 6], [20_000, 5, 8, 6], budget=2_000, fan_in=4) == []
    assert choose([20_000, 5, 8, 6, 7], [20_000, 5, 8, 6, 7], budget=2_000, fan_in=4) == [1, 2, 3, 4]


def test_a_merged_segment_is_not_merged_again_with_every_small_commit():
    # one segment already holding earlier merges, and four fresh small ones: only the small ones merge
    sizes = [900, 5, 7, 6, 9]
    assert choose(sizes, sizes, budget=2_000, fan_in=4) == [1, 2, 3, 4]


def test_a_commit_never_merges_more_documents_than_its_budget():
    sizes = [700, 600, 800, 900, 10]
    assert choose(sizes, sizes, budget=2_000, fan_in=4) == []  # four of one level, but 3,000 documents
    assert choose(sizes, sizes, budget=5_000, fan_in=4) == [0, 1, 2, 3]


def test_a_segment_whose_documents_were_all_deleted_is_dropped_at_any_size():
    assert choose([30_000, 4_000], [30_000, 0], budget=2_000, fan_in=4) == [1]


def test_import_sized_segments_wait_for_an_idle_merge():
    sizes = [3_000] * 8
    assert choose(sizes, sizes, budget=2_000, fan_in=4) == []
    assert len(choose(sizes, sizes, budget=20_000, fan_in=4)) == 4
