"""The queue of index changes: written with each change, applied by the one index writer."""
from django.db import models


class IndexChange(models.Model):
    """An article whose index documents are stale (or, with no article, the whole index).

    Recorded in the same transaction as the change itself, so a change that
    commits is never missed by the index, and one that rolls back leaves no trace.
    """

    article_id = models.BigIntegerField(null=True, blank=True, db_index=True)
    recorded = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["id"]

    def __str__(self):
        return f"article {self.article_id}" if self.article_id else "whole index"


def record_articles(article_ids):
    IndexChange.objects.bulk_create([IndexChange(article_id=pk) for pk in sorted(set(article_ids)) if pk])


def record_rebuild():
    IndexChange.objects.create(article_id=None)
