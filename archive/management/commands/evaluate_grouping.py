"""Measure the grouping of reports of one statement on an annotated set (no database needed)."""
from django.core.management.base import BaseCommand, CommandError

from archive.ingest.reports import FIXTURE_SET, evaluate, load_set


class Command(BaseCommand):
    help = ("Print pairwise precision and recall of report grouping against an annotated set "
            "(default fixtures/grouping/reports.json), with the wrong merges and the misses.")

    def add_arguments(self, parser):
        parser.add_argument("--set", dest="path", default=str(FIXTURE_SET), help="the annotated set (JSON)")

    def handle(self, *args, path, **options):
        try:
            entries = load_set(path)
        except (OSError, ValueError, KeyError) as error:
            raise CommandError(f"cannot read the set {path}: {error}") from error
        try:
            score = evaluate(entries)
        except (KeyError, ValueError) as error:
            raise CommandError(f"malformed entry in {path}: {error}") from error
        texts = {entry["id"]: entry for entry in entries}
        self.stdout.write(f"{len(entries)} reports; groups found {score.found_groups}, gold {score.gold_groups}")
        self.stdout.write(f"pairs found {score.found_pairs}, gold {score.gold_pairs}, right {score.right_pairs}")
        self.stdout.write(f"precision {score.precision:.2f}  recall {score.recall:.2f}")
        for title, pairs in (("wrong merges (gold keeps them apart)", score.wrong),
                             ("misses (gold puts them together)", score.missed)):
            self.stdout.write(f"{title}: {len(pairs)}")
            for a, b in pairs:
                for pk in (a, b):
                    entry = texts[pk]
                    self.stdout.write(f"  {pk} [{entry['group']}] {entry['speaker']} {entry.get('day')} "
                                      f"{entry.get('source', '')}: {entry['text'][:90]}")
                self.stdout.write("")
