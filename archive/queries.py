"""Read-side queries the pages share (the actor, place and home aggregations are in explore.py)."""
from .models import Article


def latest_articles(limit=10):
    return Article.objects.select_related("source").order_by("-published", "-id")[:limit]
