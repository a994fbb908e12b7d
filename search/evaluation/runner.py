"""Score the archive's Arabic analysis, Lucene's (light10) and haystack's default Whoosh analysis on a judged collection.

Pure functions over a collection dict ({"documents": [{id, text}], "queries": [{id, category,
query, relevant, note}], "entities": [{type, slug, name, name_en, aliases}]}); each analysis
indexes it in a Whoosh RamStorage. The archive is scored twice: reading the collection's known
names in queries (search.entities, as /search/ does) and with names off (exact=1, the archive
before names were read). No Django import here,
but archive_search imports the archive's search modules (lazily), and they need Django set up:
haystack reads settings and search.documents imports the archive's models (no database access).
manage.py and pytest-django do that setup.

Conventions, per query, with R the retrieved and G the relevant documents:
- precision = |R & G| / |R|, recall = |R & G| / |G|;
- empty result: precision 1.0 when nothing was relevant, else 0.0 (and recall 0.0);
- nothing relevant: recall 1.0 (nothing was missed);
- averages are macro: the mean over queries, per category and over all queries.
"""
import json
import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from whoosh.analysis import StemmingAnalyzer
from whoosh.columns import VarBytesColumn
from whoosh.fields import COLUMN, ID, TEXT, Schema
from whoosh.filedb.filestore import RamStorage
from whoosh.qparser import QueryParser

from .lucene import LuceneArabicAnalyzer

COLLECTION = Path(__file__).with_name("collection.json")
ARCHIVE, EXACT, LUCENE, HAYSTACK = "archive", "archive exact", "lucene light10", "haystack default"
SYSTEMS = (ARCHIVE, EXACT, LUCENE, HAYSTACK)


def load_collection(path=COLLECTION):
    with open(path, encoding="utf-8") as handle:
        return json.load(handle)


def precision_recall(retrieved, relevant):
    """(precision, recall) of one query under the conventions in the module docstring."""
    retrieved, relevant = set(retrieved), set(relevant)
    found = len(retrieved & relevant)
    if not retrieved:
        precision = 1.0 if not relevant else 0.0
    else:
        precision = found / len(retrieved)
    recall = found / len(relevant) if relevant else 1.0
    return precision, recall


@dataclass(frozen=True)
class Judged:
    """One query's outcome for one analysis."""

    query: dict
    retrieved: frozenset
    precision: float
    recall: float

    @property
    def false_positives(self):
        return sorted(self.retrieved - set(self.query["relevant"]))

    @property
    def false_negatives(self):
        return sorted(set(self.query["relevant"]) - self.retrieved)


def judge(collection, search):
    """Run every query of the collection through `search(text) -> set of doc ids`."""
    results = []
    for query in collection["queries"]:
        retrieved = frozenset(search(query["query"]))
        results.append(Judged(query, retrieved, *precision_recall(retrieved, query["relevant"])))
    return results


def averages(results):
    """{"overall": (P, R, n), category: (P, R, n), ...}: macro averages over queries."""
    groups = {"overall": results}
    for result in results:
        groups.setdefault(result.query["category"], []).append(result)
    return {name: (sum(r.precision for r in group) / len(group), sum(r.recall for r in group) / len(group),
                   len(group)) for name, group in groups.items() if group}


def collection_entities(collection):
    """The collection's known people and places as search.entities.Entity (ids in list order)."""
    from search.entities import Entity

    return [Entity(e["type"], number, e["slug"], e["name"], e.get("name_en", ""), names=tuple(e.get("aliases", ())))
            for number, e in enumerate(collection.get("entities", []), 1)]


def archive_search(documents, entities=()):
    """A search function over `documents`, indexed and matched as the archive does.

    With `entities`, a query's known names also match the entities' other names (the
    collection's documents carry no actor or city links, so only their text counts).

    Each document gets the fields search.documents.document gives an article (as documents_for
    calls it), kept to those of backend.text_fields() and the "facets" column; matching uses
    the engine's own IndexView and node_stats, combined as engine.select does: every required
    node, no excluded one (facet and date filters aside).
    """
    from haystack.constants import ID as HAYSTACK_ID

    from search.backend import index_writer, text_fields
    from search.documents import ARTICLE_CT, article_facets, document as archive_document
    from search.engine import node_stats
    from search.entities import EntityMatcher
    from search.index_view import IndexView
    from search.query import parse_query
    from search.sequences import DocumentAnalysis

    schema = Schema(**{HAYSTACK_ID: ID(stored=True), "facets": COLUMN(VarBytesColumn())}, **text_fields())
    index = RamStorage().create_index(schema)
    writer = index_writer(index)
    for number, document in enumerate(documents, 1):
        analysis = DocumentAnalysis(document["text"])
        facets = article_facets(number, None, None, (), ())
        fields = archive_document(ARTICLE_CT, number, number, document["text"], facets, analysis.terms,
                                  analysis.columns())
        fields[HAYSTACK_ID] = document["id"]  # the collection's own name for it, which search() returns
        writer.add_document(**{name: value for name, value in fields.items() if name in schema.names()})
    writer.commit()
    view = IndexView(index, ("evaluation", id(index)))
    ids = [view.searcher.stored_fields(n)[HAYSTACK_ID] for n in range(view.searcher.doc_count_all())]
    names = EntityMatcher(entities) if entities else None

    def search(text):
        query = parse_query(text, names=names)
        mask = np.ones(len(ids), dtype=bool)
        for node in query.required:
            keep = np.zeros(len(ids), dtype=bool)
            keep[node_stats(view, node)[0]] = True
            mask &= keep
        for node in query.excluded:
            mask[node_stats(view, node)[0]] = False
        return {ids[n] for n in np.flatnonzero(mask)}

    return search


_MINUS = re.compile(r"(?<!\S)-(?=\S)")


def haystack_search(documents):
    """A search function over `documents` as haystack's Whoosh backend analyses them by default."""
    return whoosh_search(documents, StemmingAnalyzer())


def lucene_search(documents):
    """A search function over `documents` analysed as Lucene's Arabic analyzer does (light10)."""
    return whoosh_search(documents, LuceneArabicAnalyzer())


def whoosh_search(documents, analyzer):
    """A search function over `documents` in a plain Whoosh index with this analyzer.

    Queries go through whoosh.qparser.QueryParser with its default AND grouping; "-word" is
    rewritten "NOT word" first, as haystack's auto_query does (Whoosh's default parser has no minus).
    """
    schema = Schema(id=ID(stored=True), text=TEXT(stored=True, analyzer=analyzer))
    index = RamStorage().create_index(schema)
    writer = index.writer()
    for document in documents:
        writer.add_document(id=document["id"], text=document["text"])
    writer.commit()
    searcher = index.searcher()
    parser = QueryParser("text", schema)

    def search(text):
        query = parser.parse(_MINUS.sub("NOT ", text))
        return {searcher.stored_fields(n)["id"] for n in searcher.docs_for_query(query)}

    return search


def evaluate(collection=None):
    """{system: [Judged, ...]} for each system on the collection (the stored one by default)."""
    collection = collection if collection is not None else load_collection()
    documents = collection["documents"]
    return {ARCHIVE: judge(collection, archive_search(documents, collection_entities(collection))),
            EXACT: judge(collection, archive_search(documents)),
            LUCENE: judge(collection, lucene_search(documents)),
            HAYSTACK: judge(collection, haystack_search(documents))}
