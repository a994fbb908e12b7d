"""Import scraped articles from .txt and .jsonl files: clean, deduplicate, extract, save and index."""
import os
import sys
import time
from datetime import date
from pathlib import Path

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from archive.ingest.importer import Importer, Rejected
from archive.ingest.records import Rejection, read

PROGRESS_EVERY = 0.5  # seconds between progress lines on a terminal
# Articles are committed in batches: one transaction per half second of work rather than per
# article, short enough that an editor's save (which waits for it) stays quick. The half second
# includes the batch's end (its rows written, its reports regrouped), which grows with the
# archive: the articles get what the previous batch's end left of it, at least MIN_SAVING_SECONDS.
BATCH_SECONDS = 0.5
MIN_SAVING_SECONDS = 0.1
# SQLite hands its write lock to no one in particular, and a waiting writer polls for it every
# 100 ms: without a pause between batches, an editor's save could wait for the whole import.
PAUSE_SECONDS = 0.1


class Command(BaseCommand):
    help = (
        "Import articles: .txt files (one scraped article each) and .jsonl files (one object a line: body, "
        "and optional title, published, source, url). Re-importing the same text changes nothing; a bad "
        "line is reported with its number and the rest is imported. Exits 1 when anything was rejected."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="PATH")
        parser.add_argument("--source", default="", help="source slug or name, for .txt files")
        parser.add_argument("--published", default="", help="publication date YYYY-MM-DD, for .txt files")
        parser.add_argument("--url", default="", help="original URL, for .txt files")
        parser.add_argument("--no-extract", action="store_true", help="save articles without proposing statements")
        parser.add_argument("--workers", type=int, default=os.cpu_count() or 1,
                            help="processes that clean and extract while this one saves (default: one per core)")

    def handle(self, *args, paths, source, published, url, no_extract, workers, **options):
        day = self._date(published)
        missing = [p for p in paths if not Path(p).is_file()]
        if missing:
            raise CommandError(f"No such file: {missing[0]}")
        importer = Importer(extract_statements=not no_extract)
        counts = {"created": 0, "skipped": 0, "rejected": 0, "statements": 0, "people": 0}
        self.started, self.last_progress = time.monotonic(), 0.0
        items = importer.prepared((item for path in paths for item in read(path, day, source, url)), workers)
        more, ending = True, 0.0
        while more:
            with importer.batch():
                saving = max(min(MIN_SAVING_SECONDS, BATCH_SECONDS), BATCH_SECONDS - ending)
                more, deadline = False, time.monotonic() + saving
                for item, prepared in items:
                    self._one(importer, item, prepared, counts)
                    self._progress(counts)
                    if time.monotonic() >= deadline:
                        more = True
                        break
                ended = time.monotonic()
            ending = time.monotonic() - ended
            if more:
                self.between_batches()
        if self._interactive():
            self.stderr.write("")
        if counts["created"]:
            # Searchable at once: apply the recorded index changes now, unless the
            # running index writer (which holds the lock) is already doing so.
            call_command("index_writer", once=True, stdout=open(os.devnull, "w"))
        elapsed = time.monotonic() - self.started
        self.stdout.write(
            f"Created {counts['created']} articles ({counts['statements']} statements, {counts['people']} new "
            f"people to review), skipped {counts['skipped']} already archived, rejected {counts['rejected']}, "
            f"in {elapsed:.1f} s."
        )
        if counts["rejected"]:
            sys.exit(1)

    def between_batches(self):
        time.sleep(PAUSE_SECONDS)

    def _one(self, importer, item, prepared, counts):
        if isinstance(item, Rejection):
            return self._reject(item.where, item.reason, counts)
        try:
            saved = importer.save(item.body, item.title, item.published, item.source, item.url, prepared)
        except Rejected as error:
            return self._reject(item.where, str(error), counts)
        if saved.created:
            counts["created"] += 1
            counts["statements"] += saved.statements
            counts["people"] += saved.new_people
        else:
            counts["skipped"] += 1

    def _reject(self, where, reason, counts):
        counts["rejected"] += 1
        self.stderr.write(f"{where}: rejected: {reason}")

    def _date(self, value):
        if not value:
            return None
        try:
            return date.fromisoformat(value)
        except ValueError:
            raise CommandError(f"--published must be a date written YYYY-MM-DD, not “{value}”") from None

    def _interactive(self):
        return hasattr(sys.stderr, "isatty") and sys.stderr.isatty()

    def _progress(self, counts):
        now = time.monotonic()
        if not self._interactive() or now - self.last_progress < PROGRESS_EVERY:
            return
        self.last_progress = now
        done = counts["created"] + counts["skipped"] + counts["rejected"]
        rate = done / max(now - self.started, 1e-9)
        self.stderr.write(
            f"\r{done:,} read · {counts['created']:,} created · {counts['skipped']:,} skipped · "
            f"{counts['rejected']:,} rejected · {rate:,.0f}/s", ending="",
        )
