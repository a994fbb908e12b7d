"""The queue of index changes (applied by the one index writer) and the version of the archive's names."""
import uuid

from django.db import models

from archive.changes import in_bulk_write


class IndexChange(models.Model):
    """An article whose index documents are stale (or, with no article, the whole index).

    Recorded in the same transaction as the change itself, so a change that
    commits is never missed by the index, and one that rolls back leaves no trace.
    """

    article_id = models.BigIntegerField(null=True, blank=True, db_index=True)
    recorded = models.DateTimeField(auto_now_add=True)
    # Recorded by a bulk write (archive.changes.bulk_write): applied after every other change.
    bulk = models.BooleanField(default=False)

    class Meta:
        ordering = ["id"]
        indexes = [models.Index(fields=["bulk", "id"], name="indexchange_bulk_id")]

    def __str__(self):
        return f"article {self.article_id}" if self.article_id else "whole index"


def record_articles(article_ids):
    bulk = in_bulk_write()
    IndexChange.objects.bulk_create([IndexChange(article_id=pk, bulk=bulk) for pk in sorted(set(article_ids)) if pk])


def record_rebuild():
    IndexChange.objects.create(article_id=None)


class EntityVersion(models.Model):
    """One row whose token changes with every change to a person, a place, an alias or a source.

    Every web worker compares it with the token its name matcher was built from
    (search.entity_store), so an editor's new alias reaches every process on its
    next search, and it keys the result cache and the names of facet values
    (search.facet_values). A random token, not a counter: a
    rolled-back change must not leave another process believing it is current.
    """

    token = models.CharField(max_length=32, default="")


def bump_entity_version():
    """Give the entity version a new token (in the caller's transaction)."""
    token = uuid.uuid4().hex
    if not EntityVersion.objects.filter(pk=1).update(token=token):
        EntityVersion.objects.update_or_create(pk=1, defaults={"token": token})
