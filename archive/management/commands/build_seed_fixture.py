"""Rebuild fixtures/seed_archive.json from the curated seed data in fixtures/seeds/."""
from collections import Counter

from django.core.management.base import BaseCommand, CommandError

from archive.seeding import FIXTURE_PATH, CurationError, build_fixture


class Command(BaseCommand):
    help = "Rebuild the seed fixture from fixtures/seeds/curation.json and the cleaned bodies."

    def handle(self, *args, **options):
        try:
            records = build_fixture()
        except CurationError as error:
            raise CommandError(f"The curation is inconsistent: {error}") from error
        counts = Counter(record["model"].split(".")[1] for record in records)
        summary = ", ".join(f"{count} {model}" for model, count in sorted(counts.items()))
        self.stdout.write(f"Wrote {FIXTURE_PATH.name}: {summary}.")
