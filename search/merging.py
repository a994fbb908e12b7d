"""Which index segments the writer merges, and when: a few small ones at a commit, larger ones only when idle.

Whoosh merges in Python at about the speed it indexes (some 1,000 documents a second on this
kind of machine), and a merge runs inside the commit that asked for it. Its own MERGE_SMALL
policy may fold thousands of documents into one commit: an editor's save then waits many
seconds behind it. Here a commit merges at most COMMIT_BUDGET documents; merges that grow
segments towards the rebuild's size wait until the queue has been empty for a while.
"""
import math
from collections import defaultdict

from whoosh.reading import SegmentReader

COMMIT_BUDGET = 2_000  # documents a commit may merge: about a second of the writer's time
COMMIT_FAN_IN = 4  # segments of one size class merged at once
IDLE_BUDGET = 10_000  # about ten seconds: what a save arriving during an idle merge may wait
IDLE_FAN_IN = 4  # segments merged at once when idle, so the count stays near archive size / IDLE_BUDGET


def level(documents, fan_in):
    """A segment's size class: segments of one level hold within a factor `fan_in` of each other."""
    return int(math.log(max(documents, 1), fan_in))


def choose(sizes, live, budget, fan_in):
    """Which segments to merge (their positions), given their documents (`sizes`, deleted ones
    included: a merge reads them) and their documents still searchable (`live`).

    Segments whose every document was deleted are always dropped, at no cost. Otherwise, as in
    Lucene's log merge policy, `fan_in` segments of the lowest level that has that many are
    merged into one of the next level, when they hold at most `budget` documents together: each
    document is merged about log(archive / commit) times, never again and again with every
    small commit.
    """
    empty = [i for i, count in enumerate(live) if count == 0]
    levels = defaultdict(list)
    for i, documents in enumerate(sizes):
        if live[i] > 0:
            levels[level(documents, fan_in)].append(i)
    for rank in sorted(levels):
        if len(levels[rank]) >= fan_in:
            chosen = sorted(levels[rank], key=lambda i: sizes[i])[:fan_in]
            if sum(sizes[i] for i in chosen) <= budget:
                return sorted(empty + chosen)
            break  # the levels above are larger still
    return sorted(empty)


def policy(budget, fan_in):
    """A Whoosh merge policy (writer.commit(mergetype=...)) that merges what `choose` picks."""

    def picks(segments):
        return choose([s.doc_count_all() for s in segments], [s.doc_count() for s in segments], budget, fan_in)

    def merge(writer, segments):
        picked = set(picks(segments))
        for i in sorted(picked):
            if segments[i].doc_count() == 0:
                continue  # dropped, not merged: an empty merge would leave an empty segment behind
            reader = SegmentReader(writer.storage, writer.schema, segments[i])
            writer.add_reader(reader)
            reader.close()
        return [segment for i, segment in enumerate(segments) if i not in picked]

    merge.picks = picks
    return merge


at_commit = policy(COMMIT_BUDGET, COMMIT_FAN_IN)
when_idle = policy(IDLE_BUDGET, IDLE_FAN_IN)
