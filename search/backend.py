"""Haystack's Whoosh backend with Arabic analysis, exact facet values, and one writer.

- Text is analyzed by search.analysis.ArabicAnalyzer (index and query alike).
- Facet fields (actor, city, source, month) hold exact slugs, never split
  into words, and every document carries a compact column ("facets") that the
  search engine reads to filter, count and sort without touching postings.
- Only the index writer process writes. Anywhere else (a web worker, haystack's
  update_index and rebuild_index commands), update/remove/clear record the
  change in the database queue, and the writer applies it.
"""
from haystack.backends import BaseEngine
from haystack.backends.whoosh_backend import WhooshSearchBackend, WhooshSearchQuery
from haystack.constants import DJANGO_CT, DJANGO_ID, ID
from whoosh import columns, fields, writing
from .analysis import ArabicAnalyzer
from .columns import day_number
from .sequences import encode as encode_stems
FACET_FIELDS = ("actor", "city")
EXACT_FIELDS = ("article_id", "source", "month")
KIND_CODES = {"archive.article": "a", "archive.statement": "s"}

_writer_process = False


def become_index_writer():
    """Mark this process as the one that writes the index (the index_writer command)."""
    global _writer_process
    _writer_process = True


def is_index_writer():
    return _writer_process


def facet_column(doc):
    """The per-document column value: kind, id, day, source, actors, cities (tab-separated)."""
    parts = [
        KIND_CODES[doc[DJANGO_CT]], str(doc[DJANGO_ID]), str(day_number(doc.get("published"))),
        doc.get("source") or "", ",".join(doc.get("actor") or ()), ",".join(doc.get("city") or ()),
    ]
    return "\t".join(parts).encode("utf-8")


def text_fields():
    """The searchable text: stems (with clitic readings) in "text", and the stem sequence column.

    "text" keeps no positions: phrases are matched on the "stems" column
    (search.sequences), which is exact and far cheaper than Whoosh positions.
    """
    return {
        "text": fields.TEXT(analyzer=ArabicAnalyzer(), phrase=False, stored=False),
        "stems": fields.COLUMN(columns.VarBytesColumn()),
    }


class ArabicWhooshSearchBackend(WhooshSearchBackend):
    def build_schema(self, search_fields):
        schema_fields = {
            ID: fields.ID(stored=True, unique=True),
            DJANGO_CT: fields.ID(stored=True),
            DJANGO_ID: fields.ID(stored=True),
            "facets": fields.COLUMN(columns.VarBytesColumn()),
        }
        content_field_name = ""
        for field in search_fields.values():
            name = field.index_fieldname
            if field.document:
                content_field_name = name
                schema_fields.update(text_fields())
            elif name in FACET_FIELDS:
                schema_fields[name] = fields.KEYWORD(commas=True, lowercase=False, scorable=False, stored=False)
            elif name in EXACT_FIELDS:
                schema_fields[name] = fields.ID(stored=False)
            elif name == "published":
                schema_fields[name] = fields.NUMERIC(numtype=int, bits=32, signed=True, stored=False)
        return content_field_name, fields.Schema(**schema_fields)

    # -- the one-writer rule -------------------------------------------------

    def update(self, index, iterable, commit=True):
        if not is_index_writer():
            from .models import record_articles

            record_articles(article_id_of(obj) for obj in iterable)
            return
        self.write(index_documents(index, iterable))

    def remove(self, obj_or_string, commit=True):
        if not is_index_writer():
            from .models import record_rebuild

            record_rebuild()
            return
        super().remove(obj_or_string, commit)

    def clear(self, models=None, commit=True):
        if not is_index_writer():
            from .models import record_rebuild

            record_rebuild()
            return
        self.setup_if_needed()
        self.delete_index()
        self.setup()

    # -- writing (the writer process only) -------------------------------------

    def setup_if_needed(self):
        if not self.setup_complete:
            self.setup()

    def write(self, documents, deleted_article_ids=()):
        """Replace the documents of the given articles in one commit."""
        self.setup_if_needed()
        self.index = self.index.refresh()
        writer = self.index.writer(limitmb=256)
        try:
            for article_id in deleted_article_ids:
                writer.delete_by_term("article_id", str(article_id))
            for document in documents:
                writer.add_document(**document)
        except BaseException:
            writer.cancel()
            raise
        writer.commit(mergetype=writing.MERGE_SMALL)

    def optimize(self):
        self.setup_if_needed()
        self.index.optimize()


def article_id_of(obj):
    return getattr(obj, "article_id", None) or obj.pk


def index_documents(index, objects):
    """Whoosh documents for model objects, prepared by their haystack search index."""
    for obj in objects:
        prepared = index.full_prepare(obj)
        document = {
            ID: prepared[ID], DJANGO_CT: prepared[DJANGO_CT], DJANGO_ID: str(prepared[DJANGO_ID]),
            "text": prepared.get("text") or "", "stems": encode_stems(prepared.get("text") or ""), "article_id": prepared["article_id"],
            "source": prepared.get("source") or "", "month": prepared.get("month") or "",
            "actor": ",".join(prepared.get("actor") or ()), "city": ",".join(prepared.get("city") or ()),
            "facets": facet_column(prepared),
        }
        if prepared.get("published"):
            document["published"] = day_number(prepared["published"])
        yield {key: value for key, value in document.items() if value not in ("", b"")}


class ArabicWhooshEngine(BaseEngine):
    backend = ArabicWhooshSearchBackend
    query = WhooshSearchQuery
