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


def named_in_articles(article_ids):
    """{article id: ([people], [places])} of the people and places tagged on each article, each {slug, name}, by name.

    What a search result lists under an article, read as plain rows: the ORM's prefetch built
    a model and a related manager for each of a page's hundred tags, and took longer than the
    page's own search.
    """
    named = {article_id: ([], []) for article_id in article_ids}
    for position, relation, model_field in ((0, Article.people, "person"), (1, Article.places, "place")):
        rows = (relation.through.objects.filter(article_id__in=article_ids).order_by(f"{model_field}__name")
                .values_list("article_id", f"{model_field}__slug", f"{model_field}__name"))
        for article_id, slug, name in rows:
            named[article_id][position].append({"slug": slug, "name": name})
    return named
