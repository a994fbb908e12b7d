"""The search engine: haystack with the Arabic Whoosh backend, its index in the data directory; the export limit."""
from django.core.exceptions import ImproperlyConfigured

from .data import ARCHIVE_DATA_DIR
from .env import env_str

HAYSTACK_CONNECTIONS = {
    "default": {
        "ENGINE": "search.backend.ArabicWhooshEngine",
        "PATH": env_str("ARCHIVE_INDEX_DIR") or str(ARCHIVE_DATA_DIR / "whoosh"),
    }
}
# Index changes are recorded in the database with the change itself and
# applied by the one index writer; no web worker writes the index.
HAYSTACK_SIGNAL_PROCESSOR = "haystack.signals.BaseSignalProcessor"
HAYSTACK_SEARCH_RESULTS_PER_PAGE = 20


def _export_limit(value):
    """ARCHIVE_EXPORT_LIMIT as a number of rows, or a message that names the setting."""
    if not value.isdecimal() or int(value) < 1:
        raise ImproperlyConfigured(f"ARCHIVE_EXPORT_LIMIT must be a whole number of rows, 1 or more, not “{value[:20]}”.")
    return int(value)


# The most rows one CSV export holds; a search with more matches is exported in parts
# (`page=N`, the N-th block of this many rows), each saying where the rest is.
ARCHIVE_EXPORT_LIMIT = _export_limit(env_str("ARCHIVE_EXPORT_LIMIT") or "50000")
