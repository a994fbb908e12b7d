"""Compare the search index with the database and queue the repair of every difference for the index writer."""
import json
import sys

from django.core.management.base import BaseCommand

from search import repair
from search.indexing import index_is_current, index_path


class Command(BaseCommand):
    help = (
        "Compare the index with the database: documents missing, stale (made from other content), orphaned "
        "(gone from the database) or duplicated. Records the articles to fix for the index writer, which "
        "applies them (`index_writer --once`, or the running writer). With --check, only reports and exits "
        "1 when anything differs."
    )

    def add_arguments(self, parser):
        parser.add_argument("--check", action="store_true", help="Only report; exit 1 when the index differs.")
        parser.add_argument("--json", action="store_true", dest="as_json", help="Print the report as one JSON object.")

    def handle(self, *args, check, as_json, **options):
        current = index_is_current()
        report = repair.check(index_path(), index_current=current)
        queued = None
        if not check and (report.total or not current):
            queued = repair.repair(report)
        if as_json:
            self.stdout.write(self.report_json(report, queued))
        else:
            self.print_report(report, queued, check)
        if check and (report.total or not current):
            sys.exit(1)

    def print_report(self, report, queued, check):
        write = self.stdout.write
        if not report.index_current:
            write("The index is missing or was built by another version of the analysis: it must be rebuilt.")
        else:
            write(f"Checked {report.indexed:,} documents in the index against {report.expected:,} in the "
                  f"database in {report.seconds:.1f} s.")
            kinds = ", ".join(f"{count:,} {kind}" for kind, count in report.differences.items())
            write(f"Differences: {report.total:,} ({kinds}).")
            for example in report.examples:
                write(f"  {example}")
        if report.pending_articles or report.rebuild_pending:
            rebuild = " and a rebuild" if report.rebuild_pending else ""
            write(f"Pending: {report.pending_articles:,} articles{rebuild} queued for the index writer "
                  "(not counted as differences).")
        if queued:
            write(f"Queued for the index writer: {queued}.")
        elif not check:
            write("Nothing to repair.")

    def report_json(self, report, queued):
        return json.dumps({
            "index_current": report.index_current, "indexed": report.indexed, "expected": report.expected,
            "differences": report.differences, "total": report.total, "examples": report.examples,
            "articles": len(report.articles), "pending_articles": report.pending_articles,
            "rebuild_pending": report.rebuild_pending, "seconds": round(report.seconds, 3), "queued": queued,
        })
