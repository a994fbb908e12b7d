"""Application configuration of the pages layer: views, presenters, links, exports and template tags."""
from django.apps import AppConfig


class FrontConfig(AppConfig):
    name = "front"
    verbose_name = "Pages"
