"""An archive of its own for tests that run manage.py in subprocesses: a data directory, and on PostgreSQL a database."""
import os
import uuid
from contextlib import contextmanager
from urllib.parse import urlsplit

import dj_database_url


def _admin_connection(url):
    """An autocommit connection to the server's maintenance database, as the configured role."""
    import psycopg

    db = dj_database_url.parse(url)
    return psycopg.connect(dbname="postgres", user=db["USER"] or None, password=db["PASSWORD"] or None,
                           host=db["HOST"] or None, port=db["PORT"] or None, autocommit=True)


@contextmanager
def isolated_archive(data_dir, **extra):
    """Environment for manage.py: its own ARCHIVE_DATA_DIR, and on PostgreSQL its own new database, dropped after."""
    env = {**os.environ, "ARCHIVE_DATA_DIR": str(data_dir), "DJANGO_DEBUG": "", **extra}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        env.pop("DATABASE_URL", None)
        yield env
        return
    name = f"archive_test_{uuid.uuid4().hex[:12]}"
    with _admin_connection(url) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    env["DATABASE_URL"] = urlsplit(url)._replace(path=f"/{name}").geturl()
    try:
        yield env
    finally:
        with _admin_connection(url) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
