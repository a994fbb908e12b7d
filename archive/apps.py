"""Application configuration of the archive domain."""
from django.apps import AppConfig


class ArchiveConfig(AppConfig):
    name = "archive"
    verbose_name = "الأرشيف"
