"""Time import_articles on a generated batch of scraped-style articles: import rate, import to searchable, editors' saves."""
import json
import os
import random
import resource
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from archive.models import Article, Person, PersonAlias, Place, PlaceAlias, Source
from operations.benchmark.corpus import Corpus

BOILERPLATE = "\n\nشارك هذا الخبر\n\nاقرأ أيضاً: تطورات جديدة في الملف السوري\n\nأضف تعليق"
LETTERS = "بتثجحخدذرزسشصضطظعغفقكلمن"
POLL = 0.05  # seconds between searches while waiting for a save to become findable


def nonce_word(rng):
    """A made-up Arabic word no generated article holds: it finds exactly what it was put in."""
    return "ظ" + "".join(rng.choice(LETTERS) for _ in range(7))


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else float("nan")


def findable(article_id, word):
    from search.finding import find
    from search.params import SearchParams

    return any(hit.id == article_id for hit in find(SearchParams(q=word)).hits)


def index_has_documents():
    """Whether the index holds a document yet (a search of an empty index has nothing to find)."""
    from whoosh import index

    from search.indexing import index_path

    path = str(index_path())
    return index.exists_in(path) and index.open_dir(path).doc_count() > 0


def manage(*args, log=None):
    """A manage.py command as its own process, as it runs in production (its output piped, or to `log`)."""
    out = log.open("w") if log else subprocess.PIPE
    return subprocess.Popen([sys.executable, str(Path(settings.BASE_DIR) / "manage.py"), *args],
                            stdout=out, stderr=subprocess.STDOUT if log else subprocess.PIPE, text=True,
                            env=os.environ.copy())


class Command(BaseCommand):
    help = ("Generate N articles as a .jsonl file and import them (use an empty ARCHIVE_DATA_DIR). With --writer, "
            "the index writer runs beside the import, and the time until the last article is searchable and "
            "the latency of editors' saves during the import are measured as well.")

    def add_arguments(self, parser):
        parser.add_argument("--size", type=int, default=1000)
        parser.add_argument("--seed", type=int, default=3)
        parser.add_argument("--writer", action="store_true",
                            help="run manage.py index_writer beside import_articles and time search as well")
        parser.add_argument("--editor-every", type=float, default=3.0,
                            help="with --writer: seconds between an editor's saves during the import (default 3)")
        parser.add_argument("--workers", type=int, default=None, help="import_articles --workers")

    def handle(self, *args, size, seed, writer, editor_every, workers, **options):
        call_command("migrate", verbosity=0)
        if Article.objects.exists():
            raise CommandError("This archive already holds articles: point ARCHIVE_DATA_DIR at an empty directory.")
        corpus = Corpus(seed)
        self.load_gazetteer(corpus)
        rng = random.Random(seed)
        last_word = nonce_word(rng)
        extra = ["--workers", str(workers)] if workers is not None else []
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "batch.jsonl"
            with path.open("w", encoding="utf-8") as handle:
                for number, article in enumerate(corpus.articles(size), 1):
                    title = article["title"] + (f" {last_word}" if number == size else "")
                    row = {"title": title, "body": article["body"] + BOILERPLATE,
                           "published": article["published"].isoformat(), "source": article["source"]}
                    handle.write(json.dumps(row, ensure_ascii=False) + "\n")
            size_mb = path.stat().st_size / 1e6
            load_before = os.getloadavg()
            if writer:
                self.with_writer(path, size, size_mb, last_word, editor_every, rng, extra)
            else:
                started = time.monotonic()
                call_command("import_articles", str(path), *extra, stdout=self.stdout)
                elapsed = time.monotonic() - started
                peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
                self.stdout.write(
                    f"Imported {size:,} articles ({size_mb:.1f} MB of JSON lines) in {elapsed:.1f} s: "
                    f"{size / elapsed:.0f} articles/s including cleaning, extraction, saving and indexing; "
                    f"peak memory {peak:.0f} MB")
        self.stdout.write(f"Load average before: {load_before[0]:.2f}, after: {os.getloadavg()[0]:.2f} "
                          f"({os.cpu_count()} cores)")

    def with_writer(self, path, size, size_mb, last_word, editor_every, rng, extra):
        from search.models import IndexChange

        log = settings.ARCHIVE_DATA_DIR / "bench-index-writer.log"
        index_writer = manage("index_writer", log=log)
        try:
            started = time.monotonic()
            importer, ended = manage("import_articles", str(path), *extra), {}
            # the import's end is noted by a thread: the loop below may be waiting on an editor's save
            waiter = threading.Thread(target=lambda: ended.setdefault("at", (importer.communicate(), time.monotonic())))
            waiter.start()
            latencies, imported_at, next_save = [], None, started + editor_every
            while True:
                if imported_at is None and "at" in ended:
                    (out, err), at = ended["at"]
                    imported_at = at - started
                    if importer.returncode not in (0, None):
                        raise CommandError(f"import_articles failed: {err[-2000:]}")
                    self.stdout.write(out.strip())
                if imported_at is not None:
                    last = Article.objects.order_by("-pk").first()
                    if not IndexChange.objects.exists() and last and findable(last.pk, last_word):
                        searchable_at = time.monotonic() - started
                        break
                elif time.monotonic() >= next_save:
                    at, latency = time.monotonic() - started, self.editor_save(rng)
                    if latency is not None:
                        latencies.append(latency)
                        self.stderr.write(f"  at {at:5.1f} s an editor's save was searchable after {latency:.2f} s")
                    next_save = time.monotonic() + editor_every
                if index_writer.poll() is not None:
                    raise CommandError(f"the index writer stopped: {log.read_text()[-2000:]}")
                time.sleep(0.1)
        finally:
            if importer.poll() is None:
                importer.kill()
            index_writer.send_signal(signal.SIGTERM)
            index_writer.wait(timeout=60)
        self.stdout.write(
            f"Imported {size:,} articles ({size_mb:.1f} MB of JSON lines) in {imported_at:.1f} s "
            f"({size / imported_at:.0f} articles/s); all searchable after {searchable_at:.1f} s: "
            f"{size / searchable_at:.0f} articles/s end to end")
        if latencies:
            self.stdout.write(
                f"Editor's save to searchable during the import ({len(latencies)} saves): "
                f"p50 {statistics.median(latencies):.2f} s, p95 {percentile(latencies, 0.95):.2f} s, "
                f"max {max(latencies):.2f} s")

    def editor_save(self, rng, timeout=120):
        """Change an imported article's title as the admin does; seconds until a search finds it (None: no article yet)."""
        pick = Article.objects.order_by("-pk").values_list("pk", flat=True).first()
        if pick is None or not index_has_documents():
            return None
        word = nonce_word(rng)
        clicked = time.monotonic()
        with transaction.atomic():
            article = Article.objects.select_for_update().get(pk=rng.randint(1, pick))
            article.title = f"{article.title[:400]} {word}"
            article.save()
        while not findable(article.pk, word):
            if time.monotonic() - clicked > timeout:
                raise CommandError(f"an editor's save was not searchable after {timeout} s")
            time.sleep(POLL)
        return time.monotonic() - clicked

    @transaction.atomic
    def load_gazetteer(self, corpus):
        Source.objects.bulk_create([Source(**source) for source in corpus.sources])
        for person in corpus.people:
            row = Person.objects.create(name=person["name"], name_en=person["name_en"], slug=person["slug"],
                                        kind=person["kind"], role=person["role"])
            PersonAlias.objects.bulk_create([PersonAlias(person=row, name=a) for a in {person["name"], *person["aliases"]}])
        for place in corpus.places:
            row = Place.objects.create(name=place["name"], name_en=place["name_en"], slug=place["slug"], kind=place["kind"])
            PlaceAlias.objects.create(place=row, name=place["name"])
