"""Content stamps: each index document records its article and a digest of what it was made from.

The index writer stores the stamp in the document's "stamp" column; the repair
command (search/repair.py) computes the same stamp from the database and
compares, which finds stale documents without analysing any text. Anything
that changes a document's terms or columns must be part of its digest.
"""
import hashlib
import struct

import numpy as np

DIGEST_SIZE = 8
RECORD = struct.Struct("<qQ")  # the article's id, then the digest as a number
RECORD_DTYPE = np.dtype([("article", "<i8"), ("digest", "<u8")])


def digest(text, facets, extra=""):
    """Digest (a 64-bit number) of a document's text, its facets record and anything else it depends on."""
    hashed = hashlib.blake2b(facets, digest_size=DIGEST_SIZE)
    hashed.update(extra.encode("utf-8"))
    hashed.update(b"\0")
    hashed.update(text.encode("utf-8", "surrogatepass"))
    return int.from_bytes(hashed.digest(), "little")


def encode(article_id, text, facets, extra=""):
    """The stamp column's value for one document."""
    return RECORD.pack(int(article_id), digest(text, facets, extra))


def parse_segment(data, lengths):
    """(article ids, digests) of a segment's documents from its raw "stamp" column; -1 and 0 where missing."""
    lengths = np.asarray(lengths, dtype=np.int64)
    if len(lengths) and (lengths == RECORD.size).all():  # the usual case: one read, no Python loop
        records = np.frombuffer(data, dtype=RECORD_DTYPE)
        return records["article"].copy(), records["digest"].copy()
    article_ids = np.full(len(lengths), -1, dtype=np.int64)
    digests = np.zeros(len(lengths), dtype=np.uint64)
    starts = np.zeros(len(lengths), dtype=np.int64)
    if len(lengths):
        np.cumsum(lengths[:-1], out=starts[1:])
    for doc in np.flatnonzero(lengths == RECORD.size):
        article_ids[doc], digests[doc] = RECORD.unpack_from(data, int(starts[doc]))
    return article_ids, digests


def statement_extra(start, end):
    """What a statement's document depends on beyond its text and facets: where its words stand."""
    return f"{start}:{end}"
