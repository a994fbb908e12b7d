"""Measure statement extraction on an annotated set: the seeds, the test samples, or the dev set."""
from django.core.management.base import BaseCommand, CommandError

from archive.ingest.evaluate import SETS, evaluate_set, styles_table


class Command(BaseCommand):
    help = ("Print statement recall, exact spans, precision, attribution precision and role resolution "
            "per article and per style (docs/extraction-sets.md).")

    def add_arguments(self, parser):
        parser.add_argument("--set", dest="sets", action="append", choices=SETS,
                            help="a set to score (repeatable; default: seeds)")
        parser.add_argument("--samples", action="store_true", help="also the articles written for the tests")
        parser.add_argument("--brief", action="store_true", help="only the per-style table, no article lines")

    def handle(self, *args, sets, samples, brief, **options):
        sets = list(dict.fromkeys((sets or ["seeds"]) + (["samples"] if samples else [])))
        for name in sets:
            try:
                reports = evaluate_set(name)
            except ValueError as error:
                raise CommandError(str(error)) from error
            if not brief:
                for style, report in reports:
                    self.stdout.write(report.table(f"{name}: {style}"))
                    for line in report.problems():
                        self.stdout.write("  " + line)
                    self.stdout.write("")
            self.stdout.write(styles_table(reports, f"{name}: per style"))
            self.stdout.write("")
