"""Application configuration of the operations layer: serving, backups and restores, benchmarks."""
from django.apps import AppConfig


class OperationsConfig(AppConfig):
    name = "operations"
    verbose_name = "Operations"
