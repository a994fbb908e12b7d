"""Consistent backups of the archive while it serves, and their restore.

A backup is a directory:

- `database.sqlite3` (SQLite's online backup API: one read transaction, so a
  consistent copy while editors keep saving) or `database.pgdump` (pg_dump's
  custom format, itself one consistent snapshot);
- `index/`: one complete generation of the search index (search.snapshot).
  The index and the database are copied a moment apart, so after a restore
  repair_index queues whatever differs, and the writer fixes it; without the
  index (or from another analysis version) the writer rebuilds it instead;
- `manifest.json`: when, from what, the counts of rows, and a SHA-256 of each file.
"""
import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
from datetime import datetime, timezone
from pathlib import Path

from django.conf import settings
from django.db import connections
from django.db.migrations.recorder import MigrationRecorder

from search.analysis_version import ANALYSIS_VERSION

SQLITE_FILE = "database.sqlite3"
PG_FILE = "database.pgdump"
MANIFEST = "manifest.json"
INDEX_DIR = "index"


class BackupError(Exception):
    """A backup that cannot be written or restored; the message says why."""


def database_settings():
    return settings.DATABASES["default"]


def is_sqlite():
    return database_settings()["ENGINE"] == "django.db.backends.sqlite3"


def pg_environment():
    """libpq's environment for pg_dump and pg_restore, from the Django settings."""
    db = database_settings()
    env = {**os.environ, "PGDATABASE": str(db["NAME"])}
    for key, name in (("HOST", "PGHOST"), ("PORT", "PGPORT"), ("USER", "PGUSER"), ("PASSWORD", "PGPASSWORD")):
        if db.get(key):
            env[name] = str(db[key])
    return env


def sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def row_counts():
    from archive.models import Article, Person, Place, Source, Statement

    return {model.__name__.lower(): model.objects.count() for model in (Source, Person, Place, Article, Statement)}


def sqlite_counts(path):
    from archive.models import Article, Person, Place, Source, Statement

    copy = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return {model.__name__.lower(): copy.execute(f'SELECT COUNT(*) FROM "{model._meta.db_table}"').fetchone()[0]
                for model in (Source, Person, Place, Article, Statement)}
    finally:
        copy.close()


# -- backup -----------------------------------------------------------------------

def backup_sqlite(target):
    source = sqlite3.connect(database_settings()["NAME"], timeout=30)
    destination = sqlite3.connect(target)
    try:
        source.backup(destination)  # all pages in one step: one read transaction, one moment
        destination.execute("PRAGMA journal_mode=DELETE")  # one self-contained file
        destination.commit()
    finally:
        destination.close()
        source.close()


def backup_postgres(target):
    command = ["pg_dump", "--format=custom", "--no-owner", "--no-privileges", "--file", str(target)]
    run(command, pg_environment(), "pg_dump")


def run(command, env, name):
    try:
        result = subprocess.run(command, env=env, capture_output=True, text=True)
    except FileNotFoundError:
        raise BackupError(f"{name} is not installed (apt-get install postgresql-client)") from None
    if result.returncode != 0:
        raise BackupError(f"{name} failed: {result.stderr.strip()[:2000]}")


def write_backup(path, with_index=True):
    """Write a backup into the new directory `path`; return its manifest."""
    from search.indexing import index_path
    from search.snapshot import snapshot

    path = Path(path)
    if path.exists() and any(path.iterdir()):
        raise BackupError(f"{path} exists and is not empty; give a new directory")
    path.mkdir(parents=True, exist_ok=True)
    started = datetime.now(timezone.utc)
    documents = snapshot(index_path(), path / INDEX_DIR) if with_index else None
    if is_sqlite():
        backup_sqlite(path / SQLITE_FILE)
        counts = sqlite_counts(path / SQLITE_FILE)  # exactly what the copy holds
    else:
        backup_postgres(path / PG_FILE)
        counts = row_counts()  # a moment after the dump's snapshot: close, not exact, while editors save
    files = sorted(p for p in path.rglob("*") if p.is_file())
    manifest = {
        "created": started.isoformat(timespec="seconds"),
        "database": "sqlite" if is_sqlite() else "postgresql",
        "analysis_version": ANALYSIS_VERSION,
        "index_documents": documents,
        "counts": counts,
        "migrations": latest_migrations(),
        "files": {str(p.relative_to(path)): {"bytes": p.stat().st_size, "sha256": sha256(p)} for p in files},
    }
    (path / MANIFEST).write_text(json.dumps(manifest, indent=2, ensure_ascii=False))
    return manifest


def latest_migrations():
    applied = {}
    for app, name in MigrationRecorder(connections["default"]).applied_migrations():
        applied[app] = max(applied.get(app, name), name)
    return applied


# -- restore ----------------------------------------------------------------------

def read_manifest(path):
    path = Path(path)
    try:
        manifest = json.loads((path / MANIFEST).read_text())
    except (OSError, ValueError) as error:
        raise BackupError(f"{path} is not a backup of the archive: {error}") from None
    for name, facts in manifest["files"].items():
        if not (path / name).is_file() or sha256(path / name) != facts["sha256"]:
            raise BackupError(f"{name} in the backup is missing or damaged (checksum differs)")
    return manifest


def restore_database(path, manifest):
    path = Path(path)
    if manifest["database"] == "sqlite" and is_sqlite():
        restore_sqlite(path / SQLITE_FILE)
    elif manifest["database"] == "postgresql" and not is_sqlite():
        command = ["pg_restore", "--clean", "--if-exists", "--no-owner", "--no-privileges", "--single-transaction",
                   "--dbname", pg_environment()["PGDATABASE"], str(path / PG_FILE)]
        connections.close_all()
        run(command, pg_environment(), "pg_restore")
    else:
        raise BackupError(f"the backup holds a {manifest['database']} database; DATABASE_URL names another kind "
                          "(move between them with dumpdata and loaddata)")


def restore_sqlite(backup_file):
    check = sqlite3.connect(f"file:{backup_file}?mode=ro", uri=True)
    try:
        verdict = check.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        check.close()
    if verdict != "ok":
        raise BackupError(f"the backed-up database fails its integrity check: {verdict}")
    live = Path(database_settings()["NAME"])
    incoming = live.with_name(live.name + ".restoring")
    shutil.copyfile(backup_file, incoming)
    connections.close_all()
    if live.exists():
        # Fold the live write-ahead log into the file and keep it aside: a log left
        # beside the restored file would be replayed into it.
        keep = sqlite3.connect(live)
        keep.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        keep.close()
        for suffix in ("-wal", "-shm"):
            Path(f"{live}{suffix}").unlink(missing_ok=True)
        live.replace(live.with_name(live.name + ".before-restore"))
    os.replace(incoming, live)


def restore_index(path, manifest):
    """Put the backed-up index in place; False when it is missing or from another analysis version."""
    from search.indexing import index_path, swap_into_place

    source = Path(path) / INDEX_DIR
    if not source.is_dir() or manifest.get("analysis_version") != ANALYSIS_VERSION:
        return False
    live = index_path()
    fresh = live.with_name(live.name + ".new")
    shutil.rmtree(fresh, ignore_errors=True)
    shutil.copytree(source, fresh)
    swap_into_place(fresh, live)
    return True
