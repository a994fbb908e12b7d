"""Record which articles' index documents a change makes stale, inside the change's own transaction."""
from django.db.models.signals import m2m_changed, post_delete, post_save

from archive.changes import announce
from archive.models import Article, Person, PersonAlias, Place, PlaceAlias, Source, Statement

from .models import bump_entity_version, record_articles


# An article's or statement's own save is announced like a bulk change, so that a bulk write
# (an import's batch) records each of its articles once, at its end.
def article_changed(sender, instance, **kwargs):
    announce([instance.pk])


def statement_changed(sender, instance, **kwargs):
    announce([instance.article_id])


def mentions_changed(sender, instance, action, pk_set=None, reverse=False, **kwargs):
    if not action.startswith("post_"):
        return
    if reverse:  # a person or place gained or lost articles
        ids = pk_set if pk_set is not None else []
        if action == "post_clear":
            return
        record_articles(ids)
    else:
        record_articles([instance.pk])


def subjects_changed(sender, instance, action, pk_set=None, reverse=False, **kwargs):
    """A statement's subjects are in its index document (its city facet and subjects column)."""
    if not action.startswith("post_"):
        return
    if reverse:  # a person or place gained or lost statements naming it
        from archive.models import Statement

        if pk_set:
            record_articles(set(Statement.objects.filter(pk__in=pk_set).values_list("article_id", flat=True)))
    else:
        record_articles([instance.article_id])


def facet_owner_changed(sender, instance, created=False, **kwargs):
    # Facets carry slugs: when a slug changes, every document that carries it is stale.
    if created:
        return
    previous = getattr(instance, "_slug_at_load", None)
    if previous is not None and previous != instance.slug:
        record_articles(articles_of(instance))


def articles_of(owner):
    if isinstance(owner, Source):
        return list(owner.articles.values_list("pk", flat=True))
    ids = set(owner.articles.values_list("pk", flat=True))
    ids.update(owner.statements.values_list("article_id", flat=True))
    return ids


def names_changed(sender, **kwargs):
    # Queries read names through each process's matcher (search.entity_store); this tells them all.
    from django.db import transaction

    from . import entity_store

    bump_entity_version()
    entity_store.changed()
    transaction.on_commit(entity_store.changed)


def remember_slug(sender, instance, **kwargs):
    instance._slug_at_load = instance.slug


def archive_announced(sender, article_ids, **kwargs):
    record_articles(article_ids)


def connect():
    from django.db.models.signals import post_init

    from archive.changes import articles_changed

    articles_changed.connect(archive_announced, dispatch_uid="index-archive-announced")
    post_save.connect(article_changed, sender=Article, dispatch_uid="index-article-saved")
    post_delete.connect(article_changed, sender=Article, dispatch_uid="index-article-deleted")
    post_save.connect(statement_changed, sender=Statement, dispatch_uid="index-statement-saved")
    post_delete.connect(statement_changed, sender=Statement, dispatch_uid="index-statement-deleted")
    for through in (Article.people.through, Article.places.through):
        m2m_changed.connect(mentions_changed, sender=through, dispatch_uid=f"index-mentions-{through.__name__}")
    for through in (Statement.mentioned_people.through, Statement.mentioned_places.through):
        m2m_changed.connect(subjects_changed, sender=through, dispatch_uid=f"index-subjects-{through.__name__}")
    for model in (Person, Place, Source):
        post_init.connect(remember_slug, sender=model, dispatch_uid=f"index-slug-{model.__name__}")
        post_save.connect(facet_owner_changed, sender=model, dispatch_uid=f"index-slug-change-{model.__name__}")
    for model in (Person, Place, PersonAlias, PlaceAlias, Source):
        post_save.connect(names_changed, sender=model, dispatch_uid=f"names-saved-{model.__name__}")
        post_delete.connect(names_changed, sender=model, dispatch_uid=f"names-deleted-{model.__name__}")
