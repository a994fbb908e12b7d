"""Read-side queries the pages share (the actor, place and home aggregations are in explore.py)."""
from django.db.models import Prefetch

from .models import Article, Statement


def latest_articles(limit=10):
    return Article.objects.select_related("source").order_by("-published", "-id")[:limit]


def reports_prefetch():
    """What a page or JSON result prefetches to show a statement's reports: each, its article and source.

    In one query rather than three; the reports' articles are shown by title, source and
    date, so their bodies stay in the database.
    """
    reports = Statement.objects.select_related("article__source").defer("article__body")
    return Prefetch("report_group__statements", queryset=reports)


def reports_of(statement):
    """Every article reporting this statement (itself included), the earliest first."""
    if statement.report_group_id is None:
        return [statement]
    return sorted(statement.report_group.statements.all(),
                  key=lambda s: (s.article.published is None, s.article.published or 0, s.article_id, s.pk))
