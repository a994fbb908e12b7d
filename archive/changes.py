"""The archive announces which articles changed in ways its model signals cannot see (bulk writes).

Bulk creates and queryset updates send no post_save; whoever keeps a copy of articles (the search
index) listens to `articles_changed` instead of the archive writing into that copy itself.
"""
from contextlib import contextmanager
from contextvars import ContextVar

from django.dispatch import Signal

# Sent with article_ids: every article whose statements, subjects or groups changed in bulk.
articles_changed = Signal()

_bulk = ContextVar("bulk_write", default=None)  # the articles announced in the open bulk write


def announce(article_ids):
    """Tell listeners, inside the caller's transaction, that these articles changed.

    In a bulk write they are told once, at its end: an import's batch announces hundreds of
    articles in one message (one insert into the index's queue instead of two per article).
    """
    ids = {pk for pk in article_ids if pk}
    announced = _bulk.get()
    if announced is not None:
        announced.update(ids)
    elif ids:
        articles_changed.send(sender=None, article_ids=sorted(ids))


@contextmanager
def bulk_write():
    """Changes made inside are one bulk write (an import's batch): whoever copies articles may take
    them after everyone else's, so an editor's save does not queue behind thousands of them.

    Open it inside the transaction it belongs to: what it announced is sent as it ends, and
    not at all if it fails.
    """
    announced = set()
    token = _bulk.set(announced)
    try:
        yield
        if announced:
            articles_changed.send(sender=None, article_ids=sorted(announced))
    finally:
        _bulk.reset(token)


def in_bulk_write():
    """Whether the changes being made now belong to a bulk write."""
    return _bulk.get() is not None
