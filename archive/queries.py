"""Read-side queries the pages share."""
from django.db.models import Count

from .models import Article, Person


def latest_articles(limit=10):
    return Article.objects.select_related("source").order_by("-published", "-id")[:limit]


def most_quoted_people(limit=10):
    return (
        Person.objects.annotate(statement_count=Count("statements"))
        .filter(statement_count__gt=0)
        .order_by("-statement_count", "name")[:limit]
    )
