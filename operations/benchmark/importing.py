"""Import a generated batch the way an archive takes one: import_articles beside the index writer, editors saving meanwhile."""
import json
import os
import random
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.core.management.base import CommandError
from django.db import transaction

from archive.models import Article, Person, PersonAlias, Place, PlaceAlias, Source

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


@transaction.atomic
def load_gazetteer(corpus):
    """The people, places and sources an archive knows before the batch comes: what extraction recognises."""
    Source.objects.bulk_create([Source(**source) for source in corpus.sources])
    for person in corpus.people:
        row = Person.objects.create(name=person["name"], name_en=person["name_en"], slug=person["slug"],
                                    kind=person["kind"], role=person["role"])
        PersonAlias.objects.bulk_create([PersonAlias(person=row, name=a) for a in {person["name"], *person["aliases"]}])
    for place in corpus.places:
        row = Place.objects.create(name=place["name"], name_en=place["name_en"], slug=place["slug"], kind=place["kind"])
        PlaceAlias.objects.create(place=row, name=place["name"])


def write_batch(corpus, size, path, last_word):
    """The batch as import_articles reads it (.jsonl of scraped copy); the last article holds `last_word`."""
    with path.open("w", encoding="utf-8") as handle:
        for number, article in enumerate(corpus.articles(size), 1):
            title = article["title"] + (f" {last_word}" if number == size else "")
            row = {"title": title, "body": article["body"] + BOILERPLATE,
                   "published": article["published"].isoformat(), "source": article["source"]}
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    return path.stat().st_size / 1e6


@dataclass
class Imported:
    size: int
    megabytes: float
    imported_s: float  # import_articles' own time
    searchable_s: float  # until the last article was found by a search
    report: str = ""  # import_articles' summary
    saves: list = field(default_factory=list)  # seconds from an editor's save to finding it

    def lines(self):
        lines = [f"Imported {self.size:,} articles ({self.megabytes:.1f} MB of JSON lines) in {self.imported_s:.1f} s "
                 f"({self.size / self.imported_s:.0f} articles/s); all searchable after {self.searchable_s:.1f} s: "
                 f"{self.size / self.searchable_s:.0f} articles/s end to end"]
        if self.saves:
            lines.append(f"Editor's save to searchable during the import ({len(self.saves)} saves): "
                         f"p50 {statistics.median(self.saves):.2f} s, p95 {percentile(self.saves, 0.95):.2f} s, "
                         f"max {max(self.saves):.2f} s")
        return lines


def import_while_serving(corpus, size, seed, editor_every=3.0, workers=None, progress=None):
    """Generate `size` articles, import them beside a running index writer, save as an editor every
    `editor_every` seconds; the figures (Imported). The archive (ARCHIVE_DATA_DIR) must be empty."""
    load_gazetteer(corpus)
    rng = random.Random(seed)
    last_word = nonce_word(rng)
    extra = ["--workers", str(workers)] if workers is not None else []
    log = settings.ARCHIVE_DATA_DIR / "bench-index-writer.log"
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "batch.jsonl"
        megabytes = write_batch(corpus, size, path, last_word)
        index_writer = manage("index_writer", log=log)
        importer = None
        try:
            started = time.monotonic()
            importer, ended = manage("import_articles", str(path), *extra), {}
            # the import's end is noted by a thread: the loop below may be waiting on an editor's save
            waiter = threading.Thread(target=lambda: ended.setdefault("at", (importer.communicate(), time.monotonic())))
            waiter.start()
            saves, imported_at, report, next_save = [], None, "", started + editor_every
            while True:
                if imported_at is None and "at" in ended:
                    (out, err), at = ended["at"]
                    imported_at, report = at - started, out.strip()
                    if importer.returncode not in (0, None):
                        raise CommandError(f"import_articles failed: {err[-2000:]}")
                if imported_at is not None:
                    from search.models import IndexChange

                    last = Article.objects.order_by("-pk").first()
                    if not IndexChange.objects.exists() and last and findable(last.pk, last_word):
                        searchable_at = time.monotonic() - started
                        break
                elif time.monotonic() >= next_save:
                    at, latency = time.monotonic() - started, editor_save(rng)
                    if latency is not None:
                        saves.append(latency)
                        if progress:
                            progress(f"  at {at:5.1f} s an editor's save was searchable after {latency:.2f} s")
                    next_save = time.monotonic() + editor_every
                if index_writer.poll() is not None:
                    raise CommandError(f"the index writer stopped: {log.read_text()[-2000:]}")
                time.sleep(0.1)
        finally:
            if importer is not None and importer.poll() is None:
                importer.kill()
            index_writer.send_signal(signal.SIGTERM)
            index_writer.wait(timeout=60)
    return Imported(size, megabytes, imported_at, searchable_at, report, saves)


def editor_save(rng, timeout=120):
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
