"""Haystack's Whoosh backend with Arabic analysis, exact facet values, one writer, and the archive's reader.

- Text is analyzed by search.analysis.ArabicAnalyzer (index and query alike).
- Facet fields (actor, city, source, month) hold exact slugs, never split
  into words, and every document carries a compact column ("facets") that the
  search engine reads to filter, count and sort without touching postings.
- Only the index writer writes (search.indexing, through write()). Haystack's
  update/remove/clear (its update_index, rebuild_index and clear_index commands,
  any process) record the change in the database queue, and the writer applies it.
- Searching (SearchQuerySet) runs the archive's engine: search.reading.
"""
import time

from haystack.backends import BaseEngine
from haystack.backends.whoosh_backend import WhooshSearchBackend
from haystack.constants import DJANGO_CT, DJANGO_ID, ID
from whoosh import columns, fields, formats
from whoosh.codec.whoosh3 import W3Codec
from whoosh.reading import SegmentReader

from . import merging
from .analysis import ArabicAnalyzer
from .index_view import write_segment_files
from .reading import ArchiveSearchQuery, EngineSearch


STOP_CHECK_SECONDS = 0.05  # how often a commit under way asks whether it should make way (write)


class ArchiveCodec(W3Codec):
    """Whoosh's codec without per-field length statistics.

    Whoosh looks up every posting's field length while writing a segment (a
    file-system stat per posting for fields without lengths); the archive ranks
    on its own stem sequences and needs none of it. Postings are left
    uncompressed, which makes them quicker to write and to read.
    """

    length_stats = False

    def __init__(self):
        super().__init__(compression=0)


def index_writer(ix):
    """The one way the archive opens a Whoosh writer.

    Its segments are read with plain file reads, as the web workers read them
    (search.index_view.open_for_reading): a writer deleting an article's old documents
    opens every segment, and a memory-mapped segment copies its term and posting files
    at each opening, half of the writer's time on an editor's save at 100,000 articles.
    """
    ix.storage.supports_mmap = False
    return ix.writer(limitmb=256, codec=ArchiveCodec())


class ArabicText(fields.TEXT):
    """Text analyzed by ArabicAnalyzer; only which documents hold a term is kept.

    Ranking and phrases come from the stem sequences (search.sequences), so
    the postings need neither frequencies nor positions. A value may arrive
    already analyzed (the terms of a sequences.DocumentAnalysis), which
    spares analyzing the same text twice when indexing.
    """

    def __init__(self):
        super().__init__(analyzer=ArabicAnalyzer(), phrase=False, stored=False)
        self.format = formats.Existence()
        self.scorable = False

    def index(self, value, **kwargs):
        if isinstance(value, (set, frozenset)):
            return ((term.encode("utf-8"), 1, 1.0, b"") for term in sorted(value))
        return super().index(value, **kwargs)


def text_fields():
    """The searchable text: terms in "text" (Whoosh postings), the stem sequences in two columns."""
    return {
        "text": ArabicText(),
        "stems": fields.COLUMN(columns.VarBytesColumn()),
        "readings": fields.COLUMN(columns.VarBytesColumn()),
    }


class ArabicWhooshSearchBackend(EngineSearch, WhooshSearchBackend):
    def build_schema(self, search_fields):
        schema_fields = {
            ID: fields.ID(stored=True, unique=True),
            DJANGO_CT: fields.ID(stored=True),
            DJANGO_ID: fields.ID(stored=True),
            "facets": fields.COLUMN(columns.VarBytesColumn()),
            "stamp": fields.COLUMN(columns.VarBytesColumn()),  # search.stamps: what repair_index compares
        }
        content_field_name = ""
        for field in search_fields.values():
            name = field.index_fieldname
            if field.document:
                content_field_name = name
                schema_fields.update(text_fields())
            elif name == "article_id":  # the writer replaces an article's documents by this term
                schema_fields[name] = fields.ID(stored=False)
            # actor, city, source, month and published live in the "facets" column only.
        return content_field_name, fields.Schema(**schema_fields)

    # -- the one-writer rule: haystack's own writes are recorded for the index writer -----------

    def update(self, index, iterable, commit=True):
        from .models import record_articles

        record_articles(article_id_of(obj) for obj in iterable)

    def remove(self, obj_or_string, commit=True):
        from .models import record_rebuild

        record_rebuild()

    def clear(self, models=None, commit=True):
        from .models import record_rebuild

        record_rebuild()

    # -- writing (search.indexing, in the index writer) -----------------------------

    def setup_if_needed(self):
        if not self.setup_complete:
            self.setup()

    def write(self, articles, stop=None):
        """Replace the documents of each (article id, its documents) in one commit; the ids written.

        `stop()`, asked between articles every STOP_CHECK_SECONDS, ends the commit early: what
        was written is committed, the rest is left to the caller. An import's long round makes
        way for an editor's save within a twentieth of a second, instead of holding it for the
        whole round.
        """
        self.setup_if_needed()
        self.index = self.index.refresh()
        writer = index_writer(self.index)
        written = []
        try:
            segments = list(zip(writer.segments, kept_segments(writer)))
            checked = time.monotonic()
            for article_id, documents in articles:
                if stop is not None and written and time.monotonic() - checked >= STOP_CHECK_SECONDS:
                    if stop():
                        break
                    checked = time.monotonic()
                delete_article(article_id, segments)
                for document in documents:
                    writer.add_document(**document)
                written.append(article_id)
        except BaseException:
            writer.cancel()
            raise
        writer.commit(mergetype=merging.at_commit)
        write_segment_files(self.index.refresh())
        return written

    def merge_when_idle(self):
        """Merge the segments merging.when_idle picks, in a commit of their own; whether it merged any."""
        self.setup_if_needed()
        self.index = self.index.refresh()
        if not merging.when_idle.picks(self.index._segments()):
            return False
        index_writer(self.index).commit(mergetype=merging.when_idle)
        write_segment_files(self.index.refresh())
        return True

    def optimize(self):
        self.setup_if_needed()
        self.index.optimize()


class KeptSegment:
    """A segment the index writer has read: its reader, and the articles it holds documents of."""

    def __init__(self, reader):
        self.reader = reader
        self._articles = None

    @property
    def articles(self):
        if self._articles is None:  # read once: a segment never changes once written
            self._articles = frozenset(term.decode("utf-8") for term in self.reader.lexicon("article_id"))
        return self._articles


_kept = {}  # (index folder, segment id) -> KeptSegment, in the index writer's process


def kept_segments(writer):
    """The writer's segments as KeptSegments, in the writer's order, kept from one commit to the next.

    Opening a segment reads its term table, and an import leaves hundreds of segments until
    the writer is idle long enough to merge them (96 ms of an editor's one-article commit at
    84 segments). A kept reader may not know of later deletions; deleting a document twice
    does nothing.
    """
    global _kept
    folder = writer.storage.folder
    kept = {}
    for segment in writer.segments:
        key = (folder, segment.segment_id())
        kept[key] = _kept.pop(key, None) or KeptSegment(
            SegmentReader(writer.storage, writer.schema, segment, generation=writer.generation))
    for gone in _kept.values():  # segments merged away, or another index's
        gone.reader.close()
    _kept = kept
    return list(kept.values())


def delete_article(article_id, segments):
    """Delete every document of an article, looking only in the segments that hold any.

    `segments`: the writer's segments, each with its KeptSegment. An imported article is new: no
    segment holds it, and it costs a set lookup per segment. Whoosh's delete_by_term looked it
    up in every segment's term table (2.3 ms an article at 500 segments, half of the writer's
    time late in a long import). Deleted in the writer's own segment, as its delete_document
    does once it has found the segment of a document number.
    """
    article_id = str(article_id)
    for segment, kept in segments:
        if article_id in kept.articles:
            for docnum in kept.reader.postings("article_id", article_id).all_ids():
                segment.delete_document(docnum)


def article_id_of(obj):
    return getattr(obj, "article_id", None) or obj.pk


class ArabicWhooshEngine(BaseEngine):
    backend = ArabicWhooshSearchBackend
    query = ArchiveSearchQuery
