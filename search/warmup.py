"""Read the index's arrays before serving, so the first searches do not pay for it."""
import logging

log = logging.getLogger(__name__)


def warm_index():
    """Open the current index view and load its stem sequences; nothing happens without an index.

    Under gunicorn --preload this runs once in the master: forked workers share
    the arrays (copy-on-write) instead of each reading them on its first search.
    """
    from .index_view import current_view

    try:
        view = current_view()
        if view is not None:
            view.lengths  # reads every segment's stem sequences
    except Exception:  # noqa: BLE001 - a server must start even with a damaged index (repair fixes it)
        log.exception("Could not preload the search index")
