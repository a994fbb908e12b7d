"""manage.py evaluate_search: precision and recall of the archive's search (names read, and exact) vs haystack's default."""
from django.core.management.base import BaseCommand, CommandError

from search.evaluation.runner import COLLECTION, SYSTEMS, averages, evaluate, load_collection


class Command(BaseCommand):
    help = ("Score search on the judged Arabic test collection (search/evaluation/collection.json): "
            "macro precision (P) and recall (R) per category and overall: the archive reading known names "
            "(cross-script and name-clitics categories test them), the archive with names off (exact=1), "
            "Lucene's Arabic analysis (light10) and haystack's default analysis.")
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("--category", help="Only the queries of this category.")
        parser.add_argument("--verbose", action="store_true", help="Each query with its false positives and negatives.")

    def handle(self, *args, category=None, verbose=False, **options):
        collection = load_collection()
        if category:
            known = sorted({q["category"] for q in collection["queries"]})
            if category not in known:
                raise CommandError(f"Unknown category {category!r}; one of: {', '.join(known)}")
            collection = dict(collection, queries=[q for q in collection["queries"] if q["category"] == category])
        results = evaluate(collection)
        out = self.stdout.write
        out(f"{len(collection['documents'])} documents, {len(collection['queries'])} judged queries, "
            f"{len(collection.get('entities', []))} known names ({COLLECTION.name})")
        self.table(results)
        if verbose:
            self.details(results)

    def table(self, results):
        out = self.stdout.write
        tables = {system: averages(judged) for system, judged in results.items()}
        out(f"{'category':<14}{'queries':>8}" + "".join(f"{system + ' P':>19}{system + ' R':>19}" for system in SYSTEMS))
        first = tables[SYSTEMS[0]]
        names = sorted(name for name in first if name != "overall") + ["overall"]
        for name in names:
            row = "".join(f"{tables[s][name][0]:>19.3f}{tables[s][name][1]:>19.3f}" for s in SYSTEMS)
            out(f"{name:<14}{first[name][2]:>8}{row}")

    def details(self, results):
        out = self.stdout.write
        out("")
        for judged in zip(*(results[system] for system in SYSTEMS)):
            query = judged[0].query
            out(f"{query['id']} [{query['category']}] {query['query']}  relevant: {' '.join(query['relevant']) or '-'}")
            for system, result in zip(SYSTEMS, judged):
                misses = []
                if result.false_positives:
                    misses.append("false positives " + " ".join(result.false_positives))
                if result.false_negatives:
                    misses.append("false negatives " + " ".join(result.false_negatives))
                out(f"    {system:<17} P {result.precision:.2f}  R {result.recall:.2f}  {'; '.join(misses) or 'exact'}")
