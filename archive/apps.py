"""Application configuration of the archive domain."""
from django.apps import AppConfig


class ArchiveConfig(AppConfig):
    name = "archive"
    verbose_name = "الأرشيف"

    def ready(self):
        # a deleted report must not leave its statement's group with one member (archive/reports.py)
        from . import reattribution, reports

        reports.connect()
        reattribution.connect()  # a saved office claims the statements given to the office itself
