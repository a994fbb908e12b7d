"""The index documents of articles and their statements, each article's text analyzed once.

This is the one definition of what a document's facets record holds (search.columns): the index
writer builds it from model rows here, and repair_index (search.repair) from bulk database rows,
through the same two functions, so the two can never disagree.
"""
from haystack.constants import DJANGO_CT, DJANGO_ID, ID

from archive.models import Article

from . import columns as col
from . import stamps
from .search_indexes import ArticleIndex, StatementIndex
from .sequences import DocumentAnalysis


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


def articles_with_statements(article_ids):
    return (
        Article.objects.filter(pk__in=article_ids).order_by("pk")
        .select_related("source")
        .prefetch_related("people", "places", "statements__speaker", "statements__place",
                          "statements__mentioned_people", "statements__mentioned_places")
    )


def document(prepared, facets, terms, sequence_columns, stamp_extra=""):
    stems, readings = sequence_columns
    return {
        ID: prepared[ID], DJANGO_CT: prepared[DJANGO_CT], DJANGO_ID: str(prepared[DJANGO_ID]),
        "article_id": prepared["article_id"], "text": terms, "stems": stems, "readings": readings,
        "facets": facets, "stamp": stamps.encode(prepared["article_id"], prepared["text"], facets, stamp_extra),
    }


def documents_for(article_ids):
    """Whoosh documents for these articles (those that still exist) and all their statements.

    A statement's stem sequence is cut from its article's analysis; only a
    statement that begins inside a word is analyzed on its own. Statements
    carry no postings of their own: their words are all in their article's.
    """
    article_index, statement_index = ArticleIndex(), StatementIndex()
    for article in articles_with_statements(article_ids):
        prepared = article_index.full_prepare(article)
        text = prepared["text"]
        analysis = DocumentAnalysis(text)
        statements = list(article.statements.all())
        # The same actors and places as haystack's fields (search_indexes), as ids.
        facets = article_facets(article.pk, article.published, article.source_id,
                                {p.pk for p in article_index.actors(article)}, {p.pk for p in article.places.all()})
        yield document(prepared, facets, analysis.terms, analysis.columns())
        body_at = len(text) - len(article.body)
        word_starts = set(analysis.starts.tolist())
        for statement in statements:
            start = body_at + statement.start
            if start in word_starts:
                stems = analysis.columns(start, body_at + statement.end)
            else:
                stems = DocumentAnalysis(statement.text).columns()
            facets = statement_facets(statement.pk, article.published, article.source_id, statement.speaker_id,
                                      statement.place_id, [p.pk for p in statement.mentioned_people.all()],
                                      [p.pk for p in statement.mentioned_places.all()], statement.report_group_id)
            yield document(statement_index.full_prepare(statement), facets, set(), stems,
                           stamps.statement_extra(statement))
