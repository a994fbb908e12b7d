"""A backup written while articles are being saved restores into an archive whose index agrees with it."""
import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.isolation import isolated_archive

ROOT = Path(__file__).resolve().parents[2]

SAVER = """
import sys, time
from archive.models import Article
n = 0
end = time.monotonic() + 4
while time.monotonic() < end:
    Article.objects.create(title=f"مقال محفوظ {n}", body=f"نص محفوظ أثناء النسخ الاحتياطي رقم {n} عن مفاوضات جنيف.")
    n += 1
    if n == 1:
        print("saving", flush=True)
print(n, flush=True)
"""

COUNTS = """
from archive.models import Article, Statement
from django.test import Client
found = Client().get("/search/", {"q": "كيري", "format": "json"}).json()["count"]
print(Article.objects.count(), Statement.objects.count(), found)
"""


def manage(env, *args, check=True):
    result = subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True)
    if check and result.returncode:
        raise AssertionError(f"manage.py {' '.join(args)} exited {result.returncode}:\n{result.stdout}\n{result.stderr}")
    return result


def counts(env):
    articles, statements, found = manage(env, "shell", "--no-imports", "-c", COUNTS).stdout.split()[-3:]
    return int(articles), int(statements), int(found)


@pytest.fixture
def live(tmp_path):
    with isolated_archive(tmp_path / "live", DJANGO_ALLOWED_HOSTS="testserver") as env:
        manage(env, "migrate", "--noinput")
        manage(env, "seed_archive")
        manage(env, "index_writer", "--once")
        yield env


def test_a_backup_taken_while_editors_save_restores_into_a_new_archive(live, tmp_path):
    before = counts(live)
    saver = subprocess.Popen([sys.executable, "manage.py", "shell", "--no-imports", "-c", SAVER], cwd=ROOT, env=live,
                             stdout=subprocess.PIPE, text=True)
    assert saver.stdout.readline().strip() == "saving"
    backup = tmp_path / "backup"
    written = manage(live, "backup_archive", str(backup))
    saved = int(saver.stdout.readline())
    assert saver.wait(timeout=30) == 0 and saved > 1
    assert "Backed up" in written.stdout
    manifest = json.loads((backup / "manifest.json").read_text())
    assert (backup / "index").is_dir() and manifest["index_documents"] > 0

    with isolated_archive(tmp_path / "restored", DJANGO_ALLOWED_HOSTS="testserver") as restored:
        result = manage(restored, "restore_archive", str(backup))
        assert "Restored" in result.stdout
        articles, statements, found = counts(restored)
        assert before[0] <= articles <= before[0] + saved
        assert statements == before[1] and found == before[2] > 0
        if manifest["database"] == "sqlite":  # the manifest counts the copy itself
            assert articles == manifest["counts"]["article"]
        check = manage(restored, "repair_index", "--check", "--json", check=False)
        assert check.returncode == 0, check.stdout
        assert json.loads(check.stdout)["expected"] == articles + statements


def test_a_restore_brings_back_what_was_deleted_and_refuses_while_the_archive_runs(live, tmp_path):
    backup = tmp_path / "backup"
    manage(live, "backup_archive", str(backup), "--no-index")
    before = counts(live)
    manage(live, "shell", "-c", "from archive.models import Article; Article.objects.order_by('pk').first().delete()")
    manage(live, "index_writer", "--once")
    assert counts(live)[0] == before[0] - 1

    writer = subprocess.Popen([sys.executable, "manage.py", "index_writer"], cwd=ROOT, env=live)
    try:
        import time

        time.sleep(2)
        refused = manage(live, "restore_archive", str(backup), check=False)
        assert refused.returncode != 0 and "stop it" in refused.stderr
    finally:
        writer.terminate()
        writer.wait(timeout=10)

    result = manage(live, "restore_archive", str(backup))
    assert "rebuild" in result.stdout
    assert counts(live) == before
    assert manage(live, "repair_index", "--check", check=False).returncode == 0


def test_a_damaged_backup_is_refused(live, tmp_path):
    backup = tmp_path / "backup"
    manage(live, "backup_archive", str(backup))
    database = next(p for p in backup.iterdir() if p.name.startswith("database."))
    with open(database, "r+b") as handle:
        handle.seek(200)
        handle.write(b"damage")
    refused = manage(live, "restore_archive", str(backup), check=False)
    assert refused.returncode != 0 and "damaged" in refused.stderr
