"""Time import_articles on a generated batch of scraped-style articles: articles/s and peak memory."""
import json
import resource
import tempfile
import time
from pathlib import Path

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from archive.models import Article, Person, PersonAlias, Place, PlaceAlias, Source
from operations.benchmark.corpus import Corpus

BOILERPLATE = "\n\nشارك هذا الخبر\n\nاقرأ أيضاً: تطورات جديدة في الملف السوري\n\nأضف تعليق"


class Command(BaseCommand):
    help = "Generate N articles as a .jsonl file and import them (use an empty ARCHIVE_DATA_DIR)."

    def add_arguments(self, parser):
        parser.add_argument("--size", type=int, default=1000)
        parser.add_argument("--seed", type=int, default=3)

    def handle(self, *args, size, seed, **options):
        call_command("migrate", verbosity=0)
        if Article.objects.exists():
            raise CommandError("This archive already holds articles: point ARCHIVE_DATA_DIR at an empty directory.")
        corpus = Corpus(seed)
        self.load_gazetteer(corpus)
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "batch.jsonl"
            with path.open("w", encoding="utf-8") as handle:
                for article in corpus.articles(size):
                    row = {"title": article["title"], "body": article["body"] + BOILERPLATE,
                           "published": article["published"].isoformat(), "source": article["source"]}
                    handle.write(json.dumps(row, ensure_ascii=False) + "\n")
            size_mb = path.stat().st_size / 1e6
            started = time.monotonic()
            call_command("import_articles", str(path), stdout=self.stdout)
            elapsed = time.monotonic() - started
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        self.stdout.write(
            f"Imported {size:,} articles ({size_mb:.1f} MB of JSON lines) in {elapsed:.1f} s: "
            f"{size / elapsed:.0f} articles/s including cleaning, extraction, saving and indexing; peak memory {peak:.0f} MB"
        )

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
