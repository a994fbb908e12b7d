"""Time the actor and city pages (HTML and JSON) on whatever archive ARCHIVE_DATA_DIR holds: p50 and p95 in ms."""
import os
import statistics
import time

from django.core.management.base import BaseCommand, CommandError
from django.db.models import Count
from django.test import Client
from django.test.utils import override_settings

from archive.models import Article, Person, Place, Statement

PLAIN_STATIC = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


class Command(BaseCommand):
    help = "Time /actors/<slug>/ and /cities/<slug>/ with the test client (the busiest ones unless named)."

    def add_arguments(self, parser):
        parser.add_argument("--runs", type=int, default=20, help="timed requests per page (after one warm-up)")
        parser.add_argument("--actor", action="append", default=[], help="an actor's slug (repeatable)")
        parser.add_argument("--city", action="append", default=[], help="a place's slug (repeatable)")
        parser.add_argument("--lists", action="store_true", help="also time /actors/ and /cities/")

    def handle(self, *args, runs, actor, city, lists, **options):
        if runs < 1:
            raise CommandError("--runs must be at least 1")
        actors = actor or list(Person.objects.annotate(n=Count("statements")).order_by("-n")
                               .values_list("slug", flat=True)[:1])
        cities = city or list(Place.objects.annotate(n=Count("articles")).order_by("-n")
                              .values_list("slug", flat=True)[:1])
        if not actors and not cities:
            raise CommandError("The archive has no actors or places to time.")
        paths = [f"/actors/{slug}/" for slug in actors] + [f"/cities/{slug}/" for slug in cities]
        paths += ["/actors/", "/cities/"] if lists else []
        self.stdout.write(f"Archive: {Article.objects.count():,} articles, {Statement.objects.count():,} statements; "
                          f"{runs} runs per page; load average {os.getloadavg()[0]:.1f}.")
        # The test client talks to Django directly: no web server, no collected static manifest needed.
        with override_settings(ALLOWED_HOSTS=["testserver"], STORAGES={"default": {
                "BACKEND": "django.core.files.storage.FileSystemStorage"}, "staticfiles": PLAIN_STATIC}):
            client = Client()
            for path in paths:
                for url in (path, f"{path}?format=json"):
                    self.report(client, url, runs)

    def report(self, client, url, runs):
        response = client.get(url)
        if response.status_code != 200:
            raise CommandError(f"{url} answered {response.status_code}")
        times, cpu = [], []
        for _ in range(runs):
            start, start_cpu = time.perf_counter(), time.process_time()
            client.get(url)
            times.append((time.perf_counter() - start) * 1000)
            cpu.append((time.process_time() - start_cpu) * 1000)
        # CPU time is this process's own work: it shows the page's cost when the machine is busy with others.
        self.stdout.write(f"{url:<40} p50 {statistics.median(times):7.1f} ms   p95 {percentile(times, 0.95):7.1f} ms"
                          f"   (cpu p50 {statistics.median(cpu):6.1f} ms)")
