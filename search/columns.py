"""Per-document columns of the index as numpy arrays: kind, id, day, source, report group, actors, cities, subjects.

Filtering, facet counting and date sorting run on these arrays instead of on
Whoosh postings, which keeps faceted search fast on a large archive. Each
document's record is a run of int32 values, so a whole segment is read with
one file read and a few vectorized steps, with no Python loop per document.
Facet values are database ids; slugs and names come from the database.

A statement's subjects are the people and places its own words name, as
subject keys (subject_key): ids of two tables in one column. Its report group
(NO_VALUE when it stands alone) makes several reports of one statement count
and show once.
"""
from dataclasses import dataclass
from datetime import date
from functools import cached_property

import numpy as np

ARTICLE, STATEMENT = 0, 1
KINDS = {"archive.article": ARTICLE, "archive.statement": STATEMENT}
NO_DAY = -1
NO_VALUE = -1
EPOCH = date(1970, 1, 1)
HEADER = 8  # kind, id, day, source, report group, number of actors, cities and subjects
SUBJECT_TYPES = {"actor": 0, "city": 1}


def day_number(value):
    """Days since 1970-01-01, the unit of the day column (NO_DAY when there is no date)."""
    return (value - EPOCH).days if value else NO_DAY


def subject_key(facet, value_id):
    """A person ("actor") or a place ("city") as one number of the subjects column."""
    return value_id * 2 + SUBJECT_TYPES[facet]


def encode(kind, db_id, day, source_id, actor_ids, city_ids, subject_keys=(), report_group=None):
    """One document's record: the header, then its actors', cities' and subjects' ids."""
    values = [KINDS[kind], db_id, day_number(day), source_id or NO_VALUE,
              NO_VALUE if report_group is None else report_group, len(actor_ids), len(city_ids), len(subject_keys)]
    return np.array(values + list(actor_ids) + list(city_ids) + list(subject_keys), dtype=np.int32).tobytes()


@dataclass
class Multi:
    """A multi-valued column in compressed-row form: values of doc d are ids[ptr[d]:ptr[d+1]]."""

    ptr: np.ndarray
    ids: np.ndarray

    @cached_property
    def rows(self):
        """For each stored value, the document it belongs to (worked out once per segment)."""
        return np.repeat(np.arange(len(self.ptr) - 1, dtype=np.int64), np.diff(self.ptr))


@dataclass
class Columns:
    kind: np.ndarray
    db_id: np.ndarray
    day: np.ndarray
    source: np.ndarray
    report_group: np.ndarray
    actor: Multi
    city: Multi
    subject: Multi

    def __len__(self):
        return len(self.kind)

    @cached_property
    def month(self):
        """Each document's month (months(day)), worked out once per segment."""
        return months(self.day)


def ranges(starts, counts):
    """The positions starts[i] .. starts[i]+counts[i]-1 for every i, concatenated (no Python loop)."""
    ends = np.cumsum(counts)
    return np.arange(int(ends[-1]) if len(ends) else 0, dtype=np.int64) + np.repeat(starts - (ends - counts), counts)


def _gather(values, starts, counts):
    """values[starts[i]:starts[i]+counts[i]] for every i, concatenated, and the CSR pointer."""
    ptr = np.zeros(len(counts) + 1, dtype=np.int64)
    np.cumsum(counts, out=ptr[1:])
    return Multi(ptr, values[ranges(starts, counts)])


def parse_segment(data, lengths):
    """Columns of one segment from its raw "facets" column: the bytes and each document's byte length."""
    values = np.frombuffer(data, dtype=np.int32)
    sizes = np.asarray(lengths, dtype=np.int64) // 4
    starts = np.zeros(len(sizes), dtype=np.int64)
    np.cumsum(sizes[:-1], out=starts[1:])
    present = sizes >= HEADER  # a document without the column counts as nothing anywhere
    at = np.where(present, starts, 0)

    def field(offset, missing):
        return np.where(present, values[np.minimum(at + offset, len(values) - 1)] if len(values) else missing, missing)

    n_actor = field(5, 0).astype(np.int64)
    n_city = field(6, 0).astype(np.int64)
    n_subject = field(7, 0).astype(np.int64)
    # A record of another shape (an index of an older version, before the writer rebuilds it)
    # counts as nothing rather than being read out of place.
    present &= sizes == HEADER + n_actor + n_city + n_subject
    at = np.where(present, starts, 0)
    n_actor, n_city, n_subject = (np.where(present, n, 0) for n in (n_actor, n_city, n_subject))
    return Columns(
        kind=field(0, -1).astype(np.int8),
        db_id=field(1, 0).astype(np.int64),
        day=field(2, NO_DAY).astype(np.int32),
        source=field(3, NO_VALUE).astype(np.int32),
        report_group=field(4, NO_VALUE).astype(np.int64),
        actor=_gather(values, at + HEADER, n_actor),
        city=_gather(values, at + HEADER + n_actor, n_city),
        subject=_gather(values, at + HEADER + n_actor + n_city, n_subject),
    )


def concatenate(parts):
    """One Columns for several segments, in docnum order."""
    if len(parts) == 1:
        return parts[0]
    if not parts:
        return parse_segment(b"", [])

    firsts = np.cumsum([0] + [len(p) for p in parts[:-1]])  # each part's first document

    def multi(name):
        ptrs, offset = [np.zeros(1, dtype=np.int64)], 0
        for part in parts:
            column = getattr(part, name)
            ptrs.append(column.ptr[1:] + offset)
            offset += len(column.ids)
        joined = Multi(np.concatenate(ptrs), np.concatenate([getattr(p, name).ids for p in parts]))
        # Each segment's rows are kept with it: a new generation shifts them rather than working all out again.
        joined.rows = np.concatenate([getattr(p, name).rows + first for p, first in zip(parts, firsts)])
        return joined

    joined = Columns(
        np.concatenate([p.kind for p in parts]), np.concatenate([p.db_id for p in parts]),
        np.concatenate([p.day for p in parts]), np.concatenate([p.source for p in parts]),
        np.concatenate([p.report_group for p in parts]), multi("actor"), multi("city"), multi("subject"),
    )
    joined.month = np.concatenate([p.month for p in parts])
    return joined


def months(day):
    """Months since 1970-01 for each day number (NO_DAY stays -1)."""
    result = day.astype("datetime64[D]").astype("datetime64[M]").astype(np.int64)
    result[day == NO_DAY] = -1
    return result


def month_label(index):
    year, month = divmod(int(index), 12)
    return f"{1970 + year:04d}-{month + 1:02d}"
