"""Time import_articles on a generated batch of scraped-style articles: import rate, import to searchable, editors' saves."""
import os
import random
import resource
import tempfile
import time
from pathlib import Path

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from archive.models import Article
from operations.benchmark.corpus import Corpus
from operations.benchmark.importing import import_while_serving, load_gazetteer, nonce_word, write_batch
from operations.benchmark.reporting import ReportingCorpus


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
        parser.add_argument("--reporting", action="store_true",
                            help="articles shaped like agency copy: 6-12 statements, names in many spellings, "
                                 "unknown speakers (operations.benchmark.reporting)")

    def handle(self, *args, size, seed, writer, editor_every, workers, reporting, **options):
        call_command("migrate", verbosity=0)
        if Article.objects.exists():
            raise CommandError("This archive already holds articles: point ARCHIVE_DATA_DIR at an empty directory.")
        corpus = (ReportingCorpus if reporting else Corpus)(seed)
        load_before = os.getloadavg()
        if writer:
            figures = import_while_serving(corpus, size, seed, editor_every, workers, progress=self.stderr.write)
            self.stdout.write(figures.report)
            for line in figures.lines():
                self.stdout.write(line)
        else:
            load_gazetteer(corpus)
            extra = ["--workers", str(workers)] if workers is not None else []
            with tempfile.TemporaryDirectory() as folder:
                path = Path(folder) / "batch.jsonl"
                size_mb = write_batch(corpus, size, path, nonce_word(random.Random(seed)))
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
