#!/usr/bin/env python3
"""Fault test: kill -9 the whole archive (gunicorn, index writer, a bulk import) mid-import, restart, and compare.

    python scripts/fault_import.py [--data DIR] [--articles 400] [--kill-at 0.5] [--workers 4]

It serves a copy of DIR (or a new seeded archive) with `manage.py serve`,
starts `manage.py import_articles` on a generated JSONL file, and when about
--kill-at of it is saved sends SIGKILL to every process of the server and the
import at once. Then it restarts as `make serve` does (migrate, repair_index,
index_writer --once, serve), waits until the writer's queue is empty, checks
the database's integrity, and runs `repair_index --check`. It prints the
documents checked, the differences found by kind and the time to recover, and
exits 1 when anything saved is missing from the index or the database is damaged.
The original DIR is never touched.
"""
import argparse
import json
import os
import random
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PEOPLE = ["جون كيري", "سيرغي لافروف", "ستيفان دي ميستورا", "رياض حجاب", "بشار الجعفري"]
PLACES = ["جنيف", "حلب", "دمشق", "موسكو", "واشنطن", "فيينا", "إدلب"]
WORDS = ("المفاوضات الهدنة المساعدات الحل السياسي المعارضة الحكومة الأمم المتحدة اللاجئين المدنيين الاتفاق "
         "الجولة المقبلة القصف المعابر الدستور الانتقال الوفد اللقاء البيان").split()

COUNTS = "SELECT (SELECT COUNT(*) FROM search_indexchange), (SELECT COUNT(*) FROM archive_article)"


def generate(path, count, seed):
    """A JSONL file of `count` distinct articles, with quotes the importer extracts as statements."""
    rng = random.Random(seed)
    with open(path, "w", encoding="utf-8") as out:
        for number in range(count):
            person, place = rng.choice(PEOPLE), rng.choice(PLACES)
            words = " ".join(rng.choices(WORDS, k=40))
            body = (f"قال {person} في {place} إن «{' '.join(rng.choices(WORDS, k=12))}». {words} "
                    f"وأضاف أن {' '.join(rng.choices(WORDS, k=10))} (رقم التقرير {seed}-{number}).")
            out.write(json.dumps({"title": f"تقرير {number} من {place}", "body": body,
                                  "published": f"2016-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"},
                                 ensure_ascii=False) + "\n")


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def manage(env, *args, check=True):
    result = subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True)
    if check and result.returncode:
        raise SystemExit(f"manage.py {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
    return result


def queue_and_articles(env):
    """(index changes waiting for the writer, articles saved), read straight from the database: cheap enough to poll."""
    url = env.get("DATABASE_URL", "")
    if url.startswith(("postgres://", "postgresql://")):
        import psycopg

        with psycopg.connect(url.replace("postgresql://", "postgres://", 1)) as connection:
            return connection.execute(COUNTS).fetchone()
    connection = sqlite3.connect(Path(env["ARCHIVE_DATA_DIR"]) / "archive.sqlite3", timeout=30)
    try:
        return connection.execute(COUNTS).fetchone()
    finally:
        connection.close()


def start(env, *args):
    """A manage.py process in a session of its own, so one kill reaches it and all its children."""
    return subprocess.Popen([sys.executable, "manage.py", *args], cwd=ROOT, env=env, start_new_session=True,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def wait_until_up(base, seconds=120):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(base + "/healthz", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.1)
    raise SystemExit(f"{base} did not come up within {seconds} s")


def kill_everything(*processes):
    for process in processes:
        try:
            os.killpg(process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    for process in processes:
        process.wait()


def integrity(env):
    """The database's own checks (SQLite: integrity and foreign keys), and no statement without its article."""
    code = ("from django.db import connection\n"
            "c = connection.cursor()\n"
            "verdict = 'ok'\n"
            "if connection.vendor == 'sqlite':\n"
            "    verdict = c.execute('PRAGMA integrity_check').fetchone()[0]\n"
            "    verdict += ' fk %d' % len(c.execute('PRAGMA foreign_key_check').fetchall())\n"
            "c.execute('SELECT COUNT(*) FROM archive_statement s LEFT JOIN archive_article a ON a.id = s.article_id "
            "WHERE a.id IS NULL')\n"
            "print(verdict, 'orphans', c.fetchone()[0])\n")
    verdict = manage(env, "shell", "--no-imports", "-c", code).stdout.strip().splitlines()[-1]
    return verdict in ("ok orphans 0", "ok fk 0 orphans 0"), verdict


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", help="an archive data directory to copy (never modified); default a new seeded one")
    parser.add_argument("--articles", type=int, default=400, help="articles in the generated import")
    parser.add_argument("--kill-at", type=float, default=0.5, help="share of the import saved when the kill comes")
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--seed", type=int, default=int(time.time()))
    parser.add_argument("--keep", action="store_true", help="keep the temporary data directory")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)

    work = Path(tempfile.mkdtemp(prefix="fault-import-"))
    data = work / "data"
    env = {**os.environ, "ARCHIVE_DATA_DIR": str(data), "DJANGO_DEBUG": ""}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    if args.data:
        shutil.copytree(args.data, data)
    manage(env, "migrate", "--noinput")
    manage(env, "seed_archive")
    manage(env, "index_writer", "--once")
    feed = work / "import.jsonl"
    generate(feed, args.articles, args.seed)
    _, before = queue_and_articles(env)

    base = f"http://127.0.0.1:{free_port()}"
    server = start(env, "serve", "--port", base.rsplit(":", 1)[1], "--workers", str(args.workers))
    processes = [server]
    try:
        wait_until_up(base)
        processes.append(start(env, "import_articles", str(feed)))
        target = before + int(args.articles * args.kill_at)
        while queue_and_articles(env)[1] < target and processes[-1].poll() is None:
            time.sleep(0.05)
    finally:
        kill_everything(*processes)
    killed_at = time.monotonic()
    pending, saved = queue_and_articles(env)

    # The restart, as `make serve` does it.
    manage(env, "migrate", "--noinput")
    repaired = json.loads(manage(env, "repair_index", "--json").stdout)
    manage(env, "index_writer", "--once")
    server = start(env, "serve", "--port", base.rsplit(":", 1)[1], "--workers", str(args.workers))
    try:
        wait_until_up(base)
        while queue_and_articles(env)[0]:
            time.sleep(0.2)
        recovered = time.monotonic() - killed_at
        healthy, detail = integrity(env)
        report = json.loads(manage(env, "repair_index", "--check", "--json", check=False).stdout)
        # Importing the same file again saves only what the kill interrupted (re-imports are idempotent).
        resumed = manage(env, "import_articles", str(feed)).stdout.strip().splitlines()[-1]
        while queue_and_articles(env)[0]:
            time.sleep(0.2)
        final = json.loads(manage(env, "repair_index", "--check", "--json", check=False).stdout)
        complete = queue_and_articles(env)[1] - before == args.articles
    finally:
        kill_everything(server)
    figures = {
        "imported_before_kill": saved - before, "of": args.articles, "queued_at_kill": pending,
        "repair_at_restart": repaired["differences"], "documents_checked": report["indexed"],
        "documents_expected": report["expected"], "differences": report["differences"],
        "database_intact": healthy, "database_check": detail, "seconds_to_recover": round(recovered, 1),
        "repair_seconds": repaired["seconds"], "resumed_import": resumed, "import_complete": complete,
        "differences_after_resume": final["differences"],
    }
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    ok = healthy and report["total"] == 0 and report["index_current"] and final["total"] == 0 and complete
    if args.json:
        print(json.dumps(figures, ensure_ascii=False))
    else:
        print(f"kill -9 after {figures['imported_before_kill']} of {args.articles} articles were saved; "
              f"{pending} index changes were queued at the kill.")
        print(f"restart: repair_index found {sum(repaired['differences'].values())} differences "
              f"{repaired['differences']} in {repaired['seconds']} s; "
              f"recovered (serving, writer's queue empty) {figures['seconds_to_recover']} s after the kill.")
        print(f"after recovery: {report['indexed']:,} documents checked against {report['expected']:,} in the database; "
              f"differences {report['total']} {report['differences']}; database {detail} "
              f"({'intact' if healthy else 'DAMAGED'}).")
        print(f"import run again: {resumed.rstrip('.')}; every article once: {complete}; differences {final['total']}.")
        print("OK: nothing saved is missing from the index." if ok else "FAILED: the index and the database differ.")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
