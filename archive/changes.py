"""The archive announces which articles changed in ways its model signals cannot see (bulk writes).

Bulk creates and queryset updates send no post_save; whoever keeps a copy of articles (the search
index) listens to `articles_changed` instead of the archive writing into that copy itself.
"""
from contextlib import contextmanager
from contextvars import ContextVar

from django.dispatch import Signal

# Sent with article_ids: every article whose statements, subjects or groups changed in bulk.
articles_changed = Signal()

_bulk = ContextVar("bulk_write", default=False)


def announce(article_ids):
    """Tell listeners, inside the caller's transaction, that these articles changed."""
    ids = sorted({pk for pk in article_ids if pk})
    if ids:
        articles_changed.send(sender=None, article_ids=ids)


@contextmanager
def bulk_write():
    """Changes made inside are one bulk write (an import's batch): whoever copies articles may take
    them after everyone else's, so an editor's save does not queue behind thousands of them."""
    token = _bulk.set(True)
    try:
        yield
    finally:
        _bulk.reset(token)


def in_bulk_write():
    """Whether the changes being made now belong to a bulk write."""
    return _bulk.get()
