"""Application configuration of search: connects the index-change recorder to the archive's models."""
from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = "البحث"

    def ready(self):
        from . import signals

        signals.connect()
