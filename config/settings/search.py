"""The search engine: haystack with the Arabic Whoosh backend, its index in the data directory."""
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
