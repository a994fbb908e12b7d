"""The archive announces which articles changed in ways its model signals cannot see (bulk writes).

Bulk creates and queryset updates send no post_save; whoever keeps a copy of articles (the search
index) listens to `articles_changed` instead of the archive writing into that copy itself.
"""
from django.dispatch import Signal

# Sent with article_ids: every article whose statements, subjects or groups changed in bulk.
articles_changed = Signal()


def announce(article_ids):
    """Tell listeners, inside the caller's transaction, that these articles changed."""
    ids = sorted({pk for pk in article_ids if pk})
    if ids:
        articles_changed.send(sender=None, article_ids=ids)
