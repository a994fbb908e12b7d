"""Measure statement extraction against the curated seeds (and, with --samples, the written test articles)."""
from django.core.management.base import BaseCommand

from archive.ingest.evaluate import evaluate_against_curation, evaluate_samples


class Command(BaseCommand):
    help = "Print statement recall and precision and speaker-attribution precision of the extractor."

    def add_arguments(self, parser):
        parser.add_argument("--samples", action="store_true", help="also the articles written for the tests")

    def handle(self, *args, samples, **options):
        reports = [(evaluate_against_curation(), "seed articles (gold: fixtures/seeds/curation.json)")]
        if samples:
            from tests.unit.ingest_samples import SAMPLES, sample_gazetteer

            reports.append((evaluate_samples(SAMPLES, sample_gazetteer()), "articles written for the tests"))
        for report, title in reports:
            self.stdout.write(report.table(title))
            for line in report.problems():
                self.stdout.write("  " + line)
            self.stdout.write("")
