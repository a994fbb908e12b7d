"""The index documents of articles and their statements, each article's text analyzed once."""
from haystack.constants import DJANGO_CT, DJANGO_ID, ID

from archive.models import Article

from . import stamps
from .backend import facet_column
from .search_indexes import ArticleIndex, StatementIndex
from .sequences import DocumentAnalysis


def articles_with_statements(article_ids):
    return (
        Article.objects.filter(pk__in=article_ids).order_by("pk")
        .select_related("source")
        .prefetch_related("people", "places", "statements__speaker", "statements__place",
                          "statements__mentioned_people", "statements__mentioned_places")
    )


def document(prepared, terms, sequence_columns, stamp_extra=""):
    stems, readings = sequence_columns
    facets = facet_column(prepared)
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
        yield document(prepared, analysis.terms, analysis.columns())
        body_at = len(text) - len(article.body)
        word_starts = set(analysis.starts.tolist())
        for statement in article.statements.all():
            start = body_at + statement.start
            if start in word_starts:
                stems = analysis.columns(start, body_at + statement.end)
            else:
                stems = DocumentAnalysis(statement.text).columns()
            yield document(statement_index.full_prepare(statement), set(), stems, stamps.statement_extra(statement))
