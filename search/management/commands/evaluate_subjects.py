"""Measure statement search for places: results, how many name the place, precision of the first ten."""
from django.core.management.base import BaseCommand

from archive.models import Place, Statement
from search.evaluation.subjects import measure

PLACES = ["حلب", "موسكو", "داريا", "دمشق", "جنيف"]


def statement_texts(hits):
    found = Statement.objects.in_bulk([hit.id for hit in hits])
    return [found[hit.id].text for hit in hits if hit.id in found]


class Command(BaseCommand):
    help = ("For each place typed as a statement search: results, statements whose words name it, "
            "precision of the first ten (naming it), and results said there.")

    def add_arguments(self, parser):
        parser.add_argument("places", nargs="*", default=PLACES, help="place names as an analyst types them")

    def handle(self, *args, places, **options):
        self.stdout.write(f"{'query':<10} {'results':>8} {'naming':>7} {'P@10':>6} {'said there':>11}")
        for query in places:
            place = Place.objects.filter(name=query).prefetch_related("aliases").first()
            names = [query] + ([place.name_en] + [a.name for a in place.aliases.all()] if place else [])
            figures = measure(query, [n for n in names if n], statement_texts)
            there = Statement.objects.filter(pk__in=[h.id for h in figures["hits"]], place=place).count() if place else 0
            self.stdout.write(f"{query:<10} {figures['results']:>8} {figures['naming']:>7} {figures['precision']:>6.2f}"
                              f" {there:>11}")
