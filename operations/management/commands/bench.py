"""manage.py bench: generate a synthetic archive, then time analysis, indexing and faceted search against the targets."""
import hashlib
import json
import os
import resource
import subprocess
import time
from functools import partial
from itertools import islice
from pathlib import Path
from urllib.parse import unquote

import numpy as np
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError, connection, transaction

from operations.benchmark import corpus as corpus_module
from operations.benchmark import postgres_peer as pg
from operations.benchmark.corpus import COMMON_WORD, Corpus, sample_text
from operations.benchmark import reporting as reporting_module
from operations.benchmark.families import families
from operations.benchmark.importing import import_while_serving
from operations.benchmark.reporting import ReportingCorpus

LOAD_BATCH = 1000
ANALYZER_BYTES = 1_000_000
WARM_QUERY = "دبلوماسي"  # searched once after each reset, so a "cold" search runs in a warm process
TARGETS = {"cold_ms": 200, "repeated_ms": 20, "articles_per_s": 300, "peak_mb": 2048}
PLAIN_STATIC = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
FACETED = ("a", "b")  # the families the latency targets speak of: 4 facets with a common word or a phrase


now = time.perf_counter


def peak_mb():
    """Max resident memory in MB of this process and of its largest child (index workers)."""
    return tuple(resource.getrusage(who).ru_maxrss / 1024 for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))


def load():
    return "/".join(f"{value:.1f}" for value in os.getloadavg())


def git(*args):
    try:
        return subprocess.run(["git", *args], cwd=settings.BASE_DIR, capture_output=True, text=True, timeout=10).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return ""


def code_version():
    """The commit the code was taken from, and whether tracked files differ from it."""
    return (git("rev-parse", "--short", "HEAD") or "unknown") + (" with uncommitted changes" if git("status", "--porcelain", "-uno") else "")


class Command(BaseCommand):
    help = "Benchmark analysis, indexing and search on a generated archive (set ARCHIVE_DATA_DIR to a scratch directory)."

    def add_arguments(self, parser):
        parser.add_argument("--size", type=int, default=1000, help="Articles in the generated archive.")
        parser.add_argument("--seed", type=int, default=1, help="Seed of the generator (same seed, same archive).")
        parser.add_argument("--rebuild", action="store_true", help="Rebuild (and time) the index even when it is current.")
        parser.add_argument("--runs", type=int, default=10, help="Distinct searches per query family (default 10).")
        parser.add_argument("--no-peer", action="store_true", help="Do not time the same searches on PostgreSQL.")
        parser.add_argument("--imported", action="store_true",
                            help="Build the archive as real reporting arrives: import_articles of agency-shaped copy beside "
                                 "the index writer (its own segment layout), then time the same searches.")

    def handle(self, *args, size, seed, rebuild, runs, no_peer=False, imported=False, **options):
        self.data_dir = Path(settings.ARCHIVE_DATA_DIR)
        self.imported = imported
        self.corpus = (ReportingCorpus if imported else Corpus)(seed)
        generator = b"".join(Path(module.__file__).read_bytes() for module in (corpus_module, reporting_module))
        self.marker = {"size": size, "seed": seed, "generator": hashlib.sha1(generator).hexdigest()[:12],
                       "archive": "imported" if imported else "generated"}
        from search.analysis_version import ANALYSIS_VERSION

        self.stdout.write(f"Benchmark in {self.data_dir} (database {connection.settings_dict['NAME']}); "
            f"code {code_version()}, analysis version {ANALYSIS_VERSION}; {os.cpu_count()} CPUs, load {load()}")
        self.ensure_corpus(size)
        self.analyzer()
        self.indexing(rebuild)
        self.check_common_word()
        self.named, self.family_list = families(self.corpus, runs, size)
        results = self.queries(runs, size)
        searches = {key: [self.peer_query(lists) for lists in instances] for key, _, instances in self.family_list}
        peer = None if no_peer else pg.bench(self.marker, self.peer_rows, searches, self.stdout.write)
        self.report(results, size, peer)

    # -- the archive ---------------------------------------------------------------

    def marker_file(self, name):
        return self.data_dir / f"bench-{name}.json"

    def read_marker(self, name):
        try:
            return json.loads(self.marker_file(name).read_text())
        except (OSError, ValueError):
            return {}

    def ensure_corpus(self, size):
        from archive.models import Article, Statement

        stored = self.read_marker("corpus")
        try:
            count = Article.objects.count()
        except DatabaseError:
            count = None
        if stored.get("corpus") == self.marker and count == size:
            call_command("migrate", verbosity=0, interactive=False)  # a loaded archive still gets new tables
            self.stdout.write(f"Archive: {size:,} articles, {Statement.objects.count():,} statements already loaded "
                              f"(loaded in {stored['seconds']:.1f} s, {size / stored['seconds']:,.0f} articles/s)")
            return
        self.marker_file("corpus").unlink(missing_ok=True)
        self.marker_file("index").unlink(missing_ok=True)
        if self.imported:
            return self.import_archive(size, count)
        started = now()
        call_command("migrate", verbosity=0, interactive=False)
        statements = self.load(size)
        seconds = now() - started
        self.marker_file("corpus").write_text(json.dumps({"corpus": self.marker, "seconds": seconds}))
        self.stdout.write(f"Archive: generated and loaded {size:,} articles, {statements:,} statements "
                          f"in {seconds:.1f} s ({size / seconds:,.0f} articles/s, migrate included)")

    def import_archive(self, size, count):
        """The archive as real reporting builds it: import_articles beside the index writer, editors saving."""
        from archive.models import Article, Statement
        from search.indexing import index_path

        if count:
            raise CommandError(f"{self.data_dir} holds another archive: point ARCHIVE_DATA_DIR at an empty directory.")
        call_command("migrate", verbosity=0, interactive=False)
        figures = import_while_serving(self.corpus, size, self.marker["seed"])
        for line in [figures.report, *figures.lines()]:
            self.stdout.write(line)
        articles, statements = Article.objects.count(), Statement.objects.count()
        disk = sum(f.stat().st_size for f in index_path().rglob("*") if f.is_file()) / 1e6
        self.marker_file("corpus").write_text(json.dumps({"corpus": self.marker, "seconds": figures.searchable_s}))
        self.marker_file("index").write_text(json.dumps({
            "corpus": self.marker, "seconds": figures.searchable_s, "articles": articles, "statements": statements,
            "disk_mb": disk, "peak_mb": sum(peak_mb()), "measured": "by the import: import_articles to searchable"}))
        self.stdout.write(f"Archive: imported {articles:,} articles with {statements:,} statements "
                          f"({statements / max(articles, 1):.1f} an article)")

    def load(self, size):
        from archive.models import Article, Person, PersonAlias, Place, PlaceAlias, Position, Source, Statement
        from search.models import IndexChange, bump_entity_version

        people_through, places_through = Article.people.through, Article.places.through
        with connection.cursor() as cursor:
            for model in (Statement, people_through, places_through, Article, PersonAlias, Position, Person,
                          PlaceAlias, Place, Source, IndexChange):
                cursor.execute(f'DELETE FROM "{model._meta.db_table}"')
        c = self.corpus
        with transaction.atomic():
            Source.objects.bulk_create([Source(id=i, **s) for i, s in enumerate(c.sources, 1)])
            people = {p["slug"]: i for i, p in enumerate(c.people, 1)}
            Person.objects.bulk_create([Person(id=people[p["slug"]], name=p["name"], name_en=p["name_en"], slug=p["slug"],
                                               kind=p["kind"], role=p["role"]) for p in c.people])
            PersonAlias.objects.bulk_create([PersonAlias(person_id=people[p["slug"]], name=alias)
                                             for p in c.people for alias in p["aliases"]])
            places = {p["slug"]: i for i, p in enumerate(c.places, 1)}
            Place.objects.bulk_create([Place(id=places[p["slug"]], name=p["name"], name_en=p["name_en"], slug=p["slug"],
                                             kind=p["kind"]) for p in c.places])
            bump_entity_version()  # bulk_create sends no signals: processes reading these names must read them anew
        sources = {s["slug"]: i for i, s in enumerate(c.sources, 1)}
        articles, statement_count = c.articles(size), 0
        while batch := list(islice(articles, LOAD_BATCH)):
            statement_count += self.load_batch(batch, sources, people, places)
        IndexChange.objects.all().delete()  # bulk_create sends no signals; the index is built below
        return statement_count

    def load_batch(self, batch, sources, people, places):
        from archive.models import Article, Statement, fingerprint

        statements = [Statement(article_id=a["id"], speaker_id=people[s["speaker"]], text=s["text"], start=s["start"],
                                end=s["end"], kind=s["kind"], place_id=places.get(s["place"]), said_on=s["said_on"],
                                day=Statement.day_of(s["said_on"], a["published"]))
                      for a in batch for s in a["statements"]]
        with transaction.atomic():
            Article.objects.bulk_create([Article(id=a["id"], title=a["title"], body=a["body"], published=a["published"],
                                                 source_id=sources[a["source"]], url=a["url"], fingerprint=fingerprint(a["body"]))
                                         for a in batch])
            Statement.objects.bulk_create(statements)
            Article.people.through.objects.bulk_create([Article.people.through(article_id=a["id"], person_id=people[s])
                                                        for a in batch for s in a["people"]])
            Article.places.through.objects.bulk_create([Article.places.through(article_id=a["id"], place_id=places[s])
                                                        for a in batch for s in a["places"]])
        return len(statements)

    # -- analysis and indexing -----------------------------------------------------

    def analyzer(self):
        from arabic import chain

        bodies = sample_text(ANALYZER_BYTES)
        megabytes = sum(len(b.encode("utf-8")) for b in bodies) / 1e6
        chain.clear_caches()
        rates = []
        for _ in range(2):  # first with empty word caches, then warm
            started, cpu, words = now(), time.process_time(), 0
            for body in bodies:
                words += len(chain.query_words(body))
            rates += [words / (now() - started), words / (time.process_time() - cpu)]
        self.stdout.write(f"Analyzer: {megabytes:.2f} MB, {words:,} words: {rates[0]:,.0f} words/s from empty caches, "
                          f"{rates[2]:,.0f} words/s warm ({rates[1]:,.0f} and {rates[3]:,.0f} per CPU second)")

    def indexing(self, rebuild):
        from archive.models import Article, Statement
        from search.engine import reset
        from search.indexing import index_is_current, index_path
        from search.indexing import rebuild as rebuild_index

        stored = self.read_marker("index")
        if self.imported and stored.get("corpus") == self.marker:
            rebuild = False  # a rebuild would replace the import's segment layout, which is what is measured
        if rebuild or stored.get("corpus") != self.marker or not index_is_current():
            articles, statements = Article.objects.count(), Statement.objects.count()
            started = now()
            rebuild_index()
            seconds = now() - started
            disk = sum(f.stat().st_size for f in index_path().rglob("*") if f.is_file()) / 1e6
            stored = {"corpus": self.marker, "seconds": seconds, "articles": articles, "statements": statements,
                      "disk_mb": disk, "peak_mb": sum(peak_mb()), "measured": "now"}
            self.marker_file("index").write_text(json.dumps(stored))
            reset()
        elif not self.imported:
            stored["measured"] = "when the index was built (current: pass --rebuild to time it again)"
        self.index_stats = stored
        self.stdout.write(f"Indexing ({stored['measured']}): {stored['articles']:,} articles + {stored['statements']:,} "
                          f"statements in {stored['seconds']:.1f} s: {stored['articles'] / stored['seconds']:,.0f} articles/s, "
                          f"{(stored['articles'] + stored['statements']) / stored['seconds']:,.0f} documents/s; "
                          f"index {stored['disk_mb']:.1f} MB on disk; peak RSS {stored['peak_mb']:,.0f} MB (process + largest worker)")
        from whoosh import index

        sizes = sorted((segment.doc_count_all() for segment in index.open_dir(str(index_path()))._segments()), reverse=True)
        self.stdout.write(f"Index segments: {len(sizes)}, documents in each: {', '.join(f'{n:,}' for n in sizes[:12])}"
                          + (" ..." if len(sizes) > 12 else ""))

    # -- searching -------------------------------------------------------------------

    def check_common_word(self):
        from archive.models import Article
        from search import engine
        from search.params import parse

        total = Article.objects.count()
        count = engine.run(parse({"q": [COMMON_WORD]})).count
        self.stdout.write(f"Check: the common word {COMMON_WORD} matches {count:,} of {total:,} articles "
                          f"({100 * count / max(total, 1):.0f}%)")

    def queries(self, runs, size):
        from django.test import Client
        from django.test.utils import override_settings

        from search import engine, facet_values
        from search.params import parse

        warm = parse({"q": [WARM_QUERY]})
        results = {"open": [], "first": []}
        client = Client()
        # The test client talks to Django directly: the page's own work, with no web server.
        with override_settings(ALLOWED_HOSTS=["testserver"], STORAGES={**settings.STORAGES, "staticfiles": PLAIN_STATIC}):
            self.page(client, warm)  # a worker's first page compiles templates and loads translations, once
            for key, label, instances in self.family_list:
                timings = {"cold": [], "repeated": [], "page_cold": [], "page_repeated": [], "hits": [], "label": label,
                           "example": unquote(parse(instances[0]).url()) if instances else ""}
                for lists in instances:
                    params = parse(lists)
                    for measured in ("", "page_"):
                        engine.reset()
                        started = now()
                        engine.current_view()
                        results["open"].append(now() - started)
                        started = now()
                        engine.run(warm)  # what a worker that has served searches holds: stem sequences, lengths
                        results["first"].append(now() - started)
                        search = (lambda: engine.run(params, partial(facet_values.ids_of, params))) if not measured else (lambda: self.page(client, params))
                        started = now()
                        search()
                        timings[measured + "cold"].append(now() - started)
                        started = now()
                        search()
                        timings[measured + "repeated"].append(now() - started)
                    timings["hits"].append(engine.run(params, partial(facet_values.ids_of, params)).count)
                results[key] = timings
        return results

    @staticmethod
    def page(client, params):
        response = client.get(params.url())
        if response.status_code != 200:
            raise CommandError(f"{params.url()} answered {response.status_code}")
        return response

    # -- the peer: PostgreSQL full-text search ------------------------------------------

    @staticmethod
    def peer_rows():
        """The archive's articles, statements and facet links as the peer loads them, streamed from the database."""
        from archive.models import Article, Statement

        chunk = {"chunk_size": LOAD_BATCH}
        articles = Article.objects.order_by("id").values_list("id", "published", "source__slug", "title", "body")
        statements = Statement.objects.order_by("id").values_list("id", "article_id", "article__published",
                                                                  "article__source__slug", "speaker__slug", "text")
        # An article's actors are the people it mentions and its speakers; a statement's cities are
        # the places its words name and where it was said (docs/search.md, Facets).
        actors = Article.people.through.objects.order_by().values_list("article_id", "person__slug").union(
            Statement.objects.order_by().values_list("article_id", "speaker__slug"))
        cities = Statement.mentioned_places.through.objects.order_by().values_list("statement_id", "place__slug").union(
            Statement.objects.order_by().filter(place__isnull=False).values_list("id", "place__slug"))
        links = {"article_actor": actors.iterator(**chunk), "statement_city": cities.iterator(**chunk),
                 "article_city": Article.places.through.objects.values_list("article_id", "place__slug").iterator(**chunk)}
        return articles.iterator(**chunk), statements.iterator(**chunk), links

    def peer_query(self, lists):
        """The peer's form of one search: the same parameters, a name handed over with its spellings."""
        from search.params import parse

        params = parse(lists)
        names = self.named.get(params.q, ())
        filters = tuple((facet, value) for facet in ("actor", "city", "source") for value in getattr(params, facet))
        return pg.Query(q="" if names else params.q, names=names, filters=filters, dates=(params.date_from, params.date_to),
                        type=params.type, sort=params.effective_sort)

    # -- the report ------------------------------------------------------------------

    def report(self, results, size, peer=None):
        out = self.stdout.write

        def ms(values, q):
            return 1000 * float(np.percentile(values, q)) if values else float("nan")

        out(f"Opening the index view after reset: p50 {ms(results['open'], 50):.0f} ms, p95 {ms(results['open'], 95):.0f} ms; "
            f"first search after opening (reads stem sequences): p50 {ms(results['first'], 50):.0f} ms, "
            f"p95 {ms(results['first'], 95):.0f} ms (n={len(results['open'])})")
        out("")
        out("Search (the engine's answer) and page (the whole /search/ page through Django: results loaded, "
            "snippets highlighted, HTML rendered), each cold (a fresh view: no word, facet or result cached) "
            "and repeated (the same URL again):")
        out(f"{'family':<30} {'n':>3} {'hits p50':>9} | {'cold p50':>8} {'p95':>7} {'max':>7} | "
            f"{'repeated p50':>12} {'p95':>6} {'max':>6} | {'page cold p50':>13} {'p95':>7} | {'page repeated p95':>17}"
            + pg.HEADER + "  (ms)")
        families = [k for k in results if k not in ("open", "first")]
        for key in families:
            t = results[key]
            out(f"{t['label']:<30} {len(t['cold']):>3} {int(np.median(t['hits'])) if t['hits'] else 0:>9,} | "
                f"{ms(t['cold'], 50):>8.1f} {ms(t['cold'], 95):>7.1f} {ms(t['cold'], 100):>7.1f} | "
                f"{ms(t['repeated'], 50):>12.2f} {ms(t['repeated'], 95):>6.2f} {ms(t['repeated'], 100):>6.2f} | "
                f"{ms(t['page_cold'], 50):>13.1f} {ms(t['page_cold'], 95):>7.1f} | {ms(t['page_repeated'], 95):>17.2f}"
                + pg.columns(peer and peer[key], ms(t['page_cold'], 95), ms))
        out("")
        for key in families:
            out(f"  {results[key]['label']}, e.g. {results[key]['example']}")
        if peer:
            pg.summary({results[k]["label"]: ms(results[k]["page_cold"], 95) / ms(peer[k]["cold"], 95) for k in families}, out)
        own, children = peak_mb()
        peak = max(own + children, self.index_stats["peak_mb"])
        out(f"Load average now: {load()} (other processes share these CPUs: latencies and rates include their contention)")
        out(f"Peak memory (max RSS): {own:,.0f} MB this process, {children:,.0f} MB its largest child process"
            + ("" if self.index_stats["measured"] == "now" else f"; {self.index_stats['peak_mb']:,.0f} MB when indexing"))
        out("")
        cold = max(ms(results[k][name], 95) for k in FACETED for name in ("cold", "page_cold"))
        repeated = max(ms(results[k][name], 95) for k in families for name in ("repeated", "page_repeated"))
        rate = self.index_stats["articles"] / self.index_stats["seconds"]
        note = "" if size >= 100_000 else f" [targets are set for 100,000 articles; this is {size:,}]"
        lines = [
            ("faceted search cold p95 <= 200 ms (families a, b; search and page)", cold <= TARGETS["cold_ms"], f"{cold:.1f} ms"),
            ("repeated search p95 <= 20 ms (all families; search and page)", repeated <= TARGETS["repeated_ms"],
             f"{repeated:.2f} ms"),
            ("indexing >= 300 articles/s", rate >= TARGETS["articles_per_s"], f"{rate:,.0f} articles/s"),
            ("peak memory <= 2 GB", peak <= TARGETS["peak_mb"], f"{peak:,.0f} MB"),
        ]
        for label, met, value in lines:
            out(f"target {label} : {'met' if met else 'missed'} ({value}){note}")
