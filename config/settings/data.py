"""Where the archive keeps its data: the database and the data directory."""
import dj_database_url

from .base import BASE_DIR
from .env import env_str

# Relative paths are taken from the project root, so `./var` means the same
# thing whichever directory a command is started from.
ARCHIVE_DATA_DIR = BASE_DIR / env_str("ARCHIVE_DATA_DIR", "var")
ARCHIVE_DATA_DIR.mkdir(parents=True, exist_ok=True)

DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL") or f"sqlite:///{ARCHIVE_DATA_DIR / 'archive.sqlite3'}",
        conn_max_age=60,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Editors save while searches read: WAL lets readers and one writer work
    # at once, and the timeout makes a second writer wait instead of failing.
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;",
    }
