"""Per-document columns of the index in numpy arrays: kind, id, day, source, actors, cities.

Filtering, facet counting and date sorting run on these arrays instead of on
Whoosh postings, which is what keeps faceted search fast on a large archive.
A Whoosh segment never changes once written, so its arrays are parsed once per
process and reused by every later index generation that still holds it.
"""
from dataclasses import dataclass
from datetime import date

import numpy as np

ARTICLE, STATEMENT = 0, 1
KINDS = {"a": ARTICLE, "s": STATEMENT}
NO_DAY = -1
EPOCH = date(1970, 1, 1)


def day_number(value):
    """Days since 1970-01-01, the unit of the day column (NO_DAY when there is no date)."""
    return (value - EPOCH).days if value else NO_DAY


class Vocabulary:
    """Facet values (slugs) as small integers, shared by all segments of this process."""

    def __init__(self):
        self.ids, self.values = {}, []

    def id(self, value):
        found = self.ids.get(value)
        if found is None:
            found = self.ids[value] = len(self.values)
            self.values.append(value)
        return found

    def __len__(self):
        return len(self.values)


VOCABULARIES = {"actor": Vocabulary(), "city": Vocabulary(), "source": Vocabulary()}


@dataclass
class Multi:
    """A multi-valued column in compressed-row form: values of doc d are ids[ptr[d]:ptr[d+1]]."""

    ptr: np.ndarray
    ids: np.ndarray

    def rows(self):
        """For each stored value, the document it belongs to."""
        return np.repeat(np.arange(len(self.ptr) - 1, dtype=np.int32), np.diff(self.ptr))


@dataclass
class Columns:
    kind: np.ndarray
    db_id: np.ndarray
    day: np.ndarray
    source: np.ndarray
    actor: Multi
    city: Multi

    def __len__(self):
        return len(self.kind)


def _multi(lists):
    lengths = np.fromiter((len(values) for values in lists), dtype=np.int64, count=len(lists))
    ptr = np.zeros(len(lists) + 1, dtype=np.int64)
    np.cumsum(lengths, out=ptr[1:])
    ids = np.fromiter((v for values in lists for v in values), dtype=np.int32, count=int(ptr[-1]))
    return Multi(ptr, ids)


def parse_segment(raw_values):
    """Columns from the raw "facets" column values of one segment (bytes, one per document)."""
    actor_vocab, city_vocab, source_vocab = VOCABULARIES["actor"], VOCABULARIES["city"], VOCABULARIES["source"]
    count = len(raw_values)
    kind = np.zeros(count, dtype=np.int8)
    db_id = np.zeros(count, dtype=np.int64)
    day = np.full(count, NO_DAY, dtype=np.int32)
    source = np.full(count, -1, dtype=np.int32)
    actors, cities = [], []
    for doc, raw in enumerate(raw_values):
        if not raw:  # a document without the column: counts as nothing anywhere
            kind[doc] = -1
            actors.append(())
            cities.append(())
            continue
        k, pk, d, src, act, cit = raw.decode("utf-8").split("\t")
        kind[doc], db_id[doc], day[doc] = KINDS[k], int(pk), int(d)
        if src:
            source[doc] = source_vocab.id(src)
        actors.append([actor_vocab.id(v) for v in act.split(",")] if act else ())
        cities.append([city_vocab.id(v) for v in cit.split(",")] if cit else ())
    return Columns(kind, db_id, day, source, _multi(actors), _multi(cities))


def concatenate(parts):
    """One Columns for several segments, in docnum order."""
    if len(parts) == 1:
        return parts[0]

    def multi(name):
        ptrs, ids, offset = [np.zeros(1, dtype=np.int64)], [], 0
        for part in parts:
            column = getattr(part, name)
            ptrs.append(column.ptr[1:] + offset)
            ids.append(column.ids)
            offset += len(column.ids)
        return Multi(np.concatenate(ptrs), np.concatenate(ids) if ids else np.zeros(0, dtype=np.int32))

    if not parts:
        empty = np.zeros(0, dtype=np.int32)
        return Columns(empty.astype(np.int8), empty.astype(np.int64), empty, empty,
                       Multi(np.zeros(1, dtype=np.int64), empty), Multi(np.zeros(1, dtype=np.int64), empty))
    return Columns(
        np.concatenate([p.kind for p in parts]), np.concatenate([p.db_id for p in parts]),
        np.concatenate([p.day for p in parts]), np.concatenate([p.source for p in parts]),
        multi("actor"), multi("city"),
    )


def months(day):
    """Months since 1970-01 for each day number (NO_DAY stays -1)."""
    result = day.astype("datetime64[D]").astype("datetime64[M]").astype(np.int64)
    result[day == NO_DAY] = -1
    return result


def month_label(index):
    year, month = divmod(int(index), 12)
    return f"{1970 + year:04d}-{month + 1:02d}"


def month_index(label):
    year, month = label.split("-")
    return (int(year) - 1970) * 12 + int(month) - 1
