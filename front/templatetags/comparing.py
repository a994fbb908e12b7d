"""The link from a search page to the comparison page holding that search."""
from django import template
from django.urls import reverse

from ..compare import Comparison, counted

register = template.Library()


@register.simple_tag
def compare_url(params):
    """/compare/?s=<this search> in the interface's language: the search, ready for another beside it."""
    return Comparison((counted(params),)).url(reverse("compare"))
