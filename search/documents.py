"""The index documents of articles and their statements, each article's text analyzed once.

This is the one definition of what a document's facets record holds (search.columns): the index
writer builds it from model rows here, and repair_index (search.repair) from bulk database rows,
through the same two functions, so the two can never disagree.
"""
from collections import defaultdict

from haystack.constants import DJANGO_CT, DJANGO_ID, ID

from archive.models import Article, Statement

from . import columns as col
from . import stamps
from .sequences import DocumentAnalysis

ARTICLE_CT, STATEMENT_CT = "archive.article", "archive.statement"  # haystack's model names (get_model_ct)


def article_facets(article_id, published, source_id, people, places):
    """An article's record: its actors are the people it names and its speakers, its cities the places it names."""
    return col.encode("archive.article", article_id, published, source_id, sorted(people), sorted(places))


def statement_facets(statement_id, published, source_id, speaker_id, place_id, people, places, report_group):
    """A statement's record: its actor is its speaker; its cities the places its words name and where
    it was said; its subjects whom and where its words name; its report group, if any."""
    cities = set(places) | ({place_id} if place_id else set())
    subjects = sorted([col.subject_key("actor", p) for p in people] + [col.subject_key("city", p) for p in places])
    return col.encode("archive.statement", statement_id, published, source_id, [speaker_id], sorted(cities),
                      subjects, report_group)


def document(model_ct, pk, article_id, text, facets, terms, sequence_columns, stamp_extra=""):
    """One Whoosh document: haystack's identifiers (search_indexes), its terms, stem sequences, facets, stamp."""
    stems, readings = sequence_columns
    return {
        ID: f"{model_ct}.{pk}", DJANGO_CT: model_ct, DJANGO_ID: str(pk),
        "article_id": str(article_id), "text": terms, "stems": stems, "readings": readings,
        "facets": facets, "stamp": stamps.encode(article_id, text, facets, stamp_extra),
    }


def documents_for(article_ids):
    """Whoosh documents for these articles (those that still exist) and all their statements.

    Read as rows, a query per table for the whole batch: model instances and their prefetched
    relations cost the index writer a third of its time. A statement's stem sequence is cut
    from its article's analysis; only a statement that begins inside a word is analyzed on its
    own. Statements carry no postings of their own: their words are all in their article's.
    """
    article_ids = sorted(article_ids)
    rows = Article.objects.filter(pk__in=article_ids).order_by("pk").values_list(
        "pk", "title", "body", "published", "source_id")
    statements = defaultdict(list)
    in_order = Statement.objects.filter(article_id__in=article_ids).order_by("article_id", "start")  # the model's
    for row in in_order.values_list("pk", "article_id", "text", "start", "end", "speaker_id", "place_id",
                                "report_group_id"):
        statements[row[1]].append(row)
    people = _related(Article.people.through, "article_id", "person_id", article_ids)
    places = _related(Article.places.through, "article_id", "place_id", article_ids)
    statement_ids = [row[0] for rows_of in statements.values() for row in rows_of]
    mentioned_people = _related(Statement.mentioned_people.through, "statement_id", "person_id", statement_ids)
    mentioned_places = _related(Statement.mentioned_places.through, "statement_id", "place_id", statement_ids)
    for article_id, title, body, published, source_id in rows:
        text = f"{title}\n{body}"
        analysis = DocumentAnalysis(text)
        said = statements[article_id]
        # The same actors and places as haystack's fields (search_indexes), as ids.
        actors = people[article_id] | {row[5] for row in said}
        facets = article_facets(article_id, published, source_id, actors, places[article_id])
        yield document(ARTICLE_CT, article_id, article_id, text, facets, analysis.terms, analysis.columns())
        body_at = len(text) - len(body)
        word_starts = set(analysis.starts.tolist())
        for pk, _, words, start, end, speaker_id, place_id, report_group in said:
            if body_at + start in word_starts:
                stems = analysis.columns(body_at + start, body_at + end)
            else:
                stems = DocumentAnalysis(words).columns()
            facets = statement_facets(pk, published, source_id, speaker_id, place_id, mentioned_people[pk],
                                      mentioned_places[pk], report_group)
            yield document(STATEMENT_CT, pk, article_id, words, facets, set(), stems,
                           stamps.statement_extra(start, end))


def _related(through, owner, other, owner_ids, chunk=900):
    """{owner id: set of related ids} for these owners, from a many-to-many table (in chunks under
    SQLite's limit of query parameters)."""
    found = defaultdict(set)
    for at in range(0, len(owner_ids), chunk):
        rows = through.objects.filter(**{f"{owner}__in": owner_ids[at:at + chunk]}).values_list(owner, other)
        for owner_id, value in rows:
            found[owner_id].add(value)
    return found
