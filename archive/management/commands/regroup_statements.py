"""Recompute which statements are one statement reported by several articles (editors' merges and splits stay)."""
from django.core.management.base import BaseCommand

from archive.models import ReportGroup, Statement
from archive.reports import refresh_days, regroup_all


class Command(BaseCommand):
    help = ("Regroup every statement by the wire-copy rule (same speaker, same words, within a few days); "
            "what editors merged or split is left where they put it. Statements' stored days are corrected first.")

    def handle(self, *args, **options):
        corrected = refresh_days()  # grouping reads them: a bulk change may have gone around save()
        if corrected:
            self.stdout.write(f"Corrected the stored day of {corrected} statement{'s' if corrected > 1 else ''}.")
        changed = regroup_all()
        groups = ReportGroup.objects.count()
        grouped = Statement.objects.filter(report_group__isnull=False).count()
        self.stdout.write(f"{groups} statements are reported by several articles ({grouped} reports in all); "
                          f"{len(changed)} articles changed by this regrouping.")
