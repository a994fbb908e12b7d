#!/usr/bin/env python3
"""How much of django-haystack's own test suite the archive's search backend passes.

    ARCHIVE_DATA_DIR=/work/main/var/test-haystack \\
        .venv/bin/python scripts/haystack_conformance.py /path/to/django-haystack-checkout [-v]

The argument is a django-haystack source checkout (the sdist of the installed version has its
`test_haystack/` package: `pip download --no-binary :all: --no-deps django-haystack==3.4.0`).
Nothing of haystack's is copied here: its test modules are imported from that checkout and run
with Django's test runner against `search.backend.ArabicWhooshEngine`; haystack itself is the
installed one (the checkout is put at the end of sys.path).

The archive's backend has a fixed schema (the archive's Article and Statement documents) and
reads SearchQuerySet into its own engine (search/reading.py), refusing with SearchBackendError
whatever it cannot do. So haystack's tests fall in groups, each run (or not) for a stated reason:

1. `mock`: haystack's SearchQuerySet tests (test_haystack/test_query.py) on haystack's mock
   backend, with the archive's query class (ArchiveSearchQuery) in place of haystack's mock query:
   does the archive's query keep SearchQuerySet's plumbing (chaining, cloning, caching, slicing,
   values, pickling) intact? Tests asserting what only the mock query does are not run.
2. `whoosh`: haystack's Whoosh test modules run unchanged with their "whoosh" connection being
   the archive's engine: inputs (whoosh_tests/test_inputs.py) and the query tests that assert
   behaviour rather than Whoosh query-string syntax (whoosh_tests/test_whoosh_query.py).
3. `archive`: haystack's live Whoosh SearchQuerySet tests (LiveWhooshSearchQuerySetTestCase,
   LiveWhooshMultiSearchQuerySetTestCase, LiveWhooshSearchQueryTestCase and the SearchQuerySet
   parts of WhooshSearchBackendTestCase) re-stated here over the archive's own documents: the
   same API calls, with the archive's models and fields in place of MockModel's. Plus a probe of
   every other public SearchQuerySet method: each must work or raise SearchBackendError.
4. Not applicable, not run: the modules and tests listed in NOT_APPLICABLE with their reasons
   (mock schemas and indexes, other backends, haystack internals that never reach a backend).

A test listed as REFUSED is run and counts as "refused as documented" when it raises
SearchBackendError (the archive refusing what it cannot do); any other exception is a failure.

Exit status: 0 when nothing applicable failed, 1 otherwise.
"""
import argparse
import ast
import fnmatch
import json
import os
import subprocess
import sys
import traceback
import unittest
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
DEFAULT_DATA_DIR = PROJECT / "var" / "test-haystack"

# -- what is run, and what is not --------------------------------------------------------------

# Test modules of haystack's run per part (unittest names, relative to the checkout).
PARTS = {
    "mock": ["test_haystack.test_query"],
    "whoosh": ["test_haystack.whoosh_tests.test_inputs", "test_haystack.whoosh_tests.test_whoosh_query"],
    "archive": ["__main__"],
}

# test id prefix -> reason: in a module that is run, these tests are not.
NOT_RUN = {
    # test_query.py: classes that never touch a backend's query class
    "test_haystack.test_query.SQTestCase": "exercises haystack's SQ node alone; no backend or query class is involved",
    "test_haystack.test_query.BaseSearchQueryTestCase": "instantiates haystack's BaseSearchQuery directly, never the backend's query class",
    # SearchQuerySetTestCase (and ValuesQuerySetTestCase, which inherits its tests)
    "test_haystack.test_query.*QuerySetTestCase.test_repr": "asserts repr() names test_haystack.mocks.MockSearchQuery as the query class",
    # whoosh_tests: asserts of Whoosh's query-string syntax. The archive's query reads the filter tree into
    # SearchParams (search.reading); its build_query() is a readable summary, never a Whoosh query.
    "test_haystack.whoosh_tests.test_whoosh_query.WhooshSearchQueryTestCase.test_build_query*": "asserts the Whoosh query string build_query() returns; the archive's query never builds one (it reads the filter tree into SearchParams)",
    "test_haystack.whoosh_tests.test_whoosh_query.WhooshSearchQueryTestCase.test_correct_exact": "asserts the Whoosh query string build_query() returns; the archive's query never builds one (it reads the filter tree into SearchParams)",
    "test_haystack.whoosh_tests.test_whoosh_query.WhooshSearchQueryTestCase.test_in_filter_values_list": "asserts the Whoosh query string build_query() returns; the archive's query never builds one (it reads the filter tree into SearchParams)",
    "test_haystack.whoosh_tests.test_whoosh_query.WhooshSearchQueryTestCase.test_narrow_sq": "asserts the Whoosh query string build_query() returns; the archive's query never builds one (it reads the filter tree into SearchParams)",
    "test_haystack.whoosh_tests.test_whoosh_query.WhooshSearchQueryTestCase.test_clean": "asserts WhooshSearchQuery.clean()'s quoting of reserved characters (':you' -> \"':you'\"); the archive's query keeps haystack's base clean() and reads inputs' raw text",
    "test_haystack.whoosh_tests.test_inputs.WhooshInputTestCase.test_clean_prepare": "asserts WhooshSearchQuery.clean()'s quoting of reserved characters (':you' -> \"':you'\"); the archive's query keeps haystack's base clean() and reads inputs' raw text",
    "test_haystack.whoosh_tests.test_inputs.WhooshInputTestCase.test_not_prepare": "asserts WhooshSearchQuery.clean()'s quoting of reserved characters (':you' -> \"':you'\"); the archive's query keeps haystack's base clean() and reads inputs' raw text",
}

# test id prefix -> what is refused: run, and counted as refused when it raises SearchBackendError.
REFUSED = {
    "test_haystack.test_query.*QuerySetTestCase.test_latest": "latest('pub_date') orders by a MockModel field; the archive orders by published or score",
}

# Whole modules not run, with the reason. Counted from the checkout's source (test methods).
NOT_APPLICABLE = {
    "whoosh_tests/test_whoosh_backend.py": "writes mock models into mock schemas (WhooshMockSearchIndex, AllTypes..., Boost..., Autocomplete..., RoundTrip...) through SearchBackend.update and reads them with raw Whoosh queries; the archive's schema is fixed to its Article/Statement documents and only the index writer writes (others queue). Its SearchQuerySet-level tests are re-stated in part 3",
    "whoosh_tests/test_whoosh_management_commands.py": "update_index/rebuild_index/clear_index over MockModel indexes; the archive's commands queue changes for its one index writer",
    "whoosh_tests/test_forms.py": "spelling suggestion through SearchForm over the mock round-trip index (re-stated in part 3 as spelling_suggestion())",
    "test_fields.py": "haystack's SearchField classes; no backend involved",
    "test_indexes.py": "haystack's SearchIndex classes over mock models; no backend involved",
    "test_models.py": "haystack's SearchResult over mock models on the mock backend",
    "test_managers.py": "SearchIndexManager over mock indexes on the mock backend",
    "test_views.py": "haystack's views over mock indexes on the mock backend; the archive has its own search page",
    "test_generic_views.py": "haystack's generic views on the mock backend",
    "test_forms.py": "haystack's forms over mock indexes on the mock backend",
    "test_templatetags.py": "highlight/more_like_this template tags over mock models",
    "test_loading.py": "haystack's connection/unified-index loading internals",
    "test_utils.py": "haystack's utility functions (highlighter, identifiers)",
    "test_inputs.py": "haystack's input classes prepared by the mock query (the Whoosh variant is run in part 2)",
    "test_backends.py": "loading of haystack's own backend modules by name",
    "test_discovery.py": "search_indexes discovery over haystack's test apps",
    "test_app_loading.py": "app loading of haystack's test apps",
    "test_altered_internal_names.py": "renamed ID/DJANGO_CT constants over mock models on the mock backend",
    "test_django_config_detection.py": "haystack's Django version detection",
    "test_management_commands.py": "management commands on the mock backend",
    "multipleindex/tests.py": "multiple mock indexes routed over several Whoosh/other connections",
    "spatial/test_spatial.py": "geo queries; the archive's schema has no location field",
    "simple_tests/": "haystack's simple backend",
    "solr_tests/": "Solr backend (needs a Solr server)",
    "elasticsearch_tests/": "Elasticsearch 1.x backend (needs a server)",
    "elasticsearch5_tests/": "Elasticsearch 5 backend (needs a server)",
    "elasticsearch7_tests/": "Elasticsearch 7 backend (needs a server)",
}


def count_tests(path):
    """Test methods (test*) of unittest classes in a file or every test_*.py / tests.py under a folder."""
    files = [path] if path.is_file() else sorted([*path.rglob("test_*.py"), *path.rglob("tests.py")])
    total = 0
    for file in files:
        tree = ast.parse(file.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef):
                total += sum(1 for item in node.body
                             if isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef)) and item.name.startswith("test"))
    return total


# -- settings for one part -----------------------------------------------------------------------


def configure(part, checkout):
    """Django settings: the archive's own, plus haystack's test app, with the connections of this part."""
    sys.path.insert(0, str(PROJECT))
    sys.path.append(str(checkout))  # test_haystack from the checkout; haystack itself stays the installed one
    os.environ.setdefault("ARCHIVE_DATA_DIR", str(DEFAULT_DATA_DIR))
    os.environ.pop("DJANGO_SETTINGS_MODULE", None)
    import django
    from django.conf import settings

    import config.settings as archive_settings

    values = {name: getattr(archive_settings, name) for name in dir(archive_settings) if name.isupper()}
    values["INSTALLED_APPS"] = [*values["INSTALLED_APPS"], "test_haystack.core"]
    data_dir = Path(values["ARCHIVE_DATA_DIR"])
    values["HAYSTACK_CONNECTIONS"] = {
        "default": {"ENGINE": "search.backend.ArabicWhooshEngine", "PATH": str(data_dir / "conformance-default")},
        "whoosh": {"ENGINE": "search.backend.ArabicWhooshEngine", "PATH": str(data_dir / "conformance-whoosh")},
    }
    if part == "mock":
        values["HAYSTACK_CONNECTIONS"]["default"] = {"ENGINE": "__main__.MockBackendArchiveQueryEngine"}
    values["DEBUG"] = False
    settings.configure(**values)
    django.setup()

    if part == "mock":
        from haystack.backends import BaseEngine
        from test_haystack.mocks import MockSearchBackend

        from search.reading import ArchiveSearchQuery

        class MockBackendArchiveQueryEngine(BaseEngine):
            """haystack's mock backend (canned MockModel results) with the archive's query class."""

            backend = MockSearchBackend
            query = ArchiveSearchQuery

        globals()["MockBackendArchiveQueryEngine"] = MockBackendArchiveQueryEngine
    if part == "archive":
        from haystack_conformance_cases import define_archive_tests  # beside this script

        define_archive_tests()


# -- running one part ------------------------------------------------------------------------------


class Recording(unittest.TextTestResult):
    """Every test's outcome, with the exception's type and traceback when there is one."""

    outcomes = {}
    with_subtests = set()

    def _record(self, test, status, err=None):
        entry = {"status": status}
        if err is not None:
            entry["exception"] = err[0].__name__
            entry["traceback"] = "".join(traceback.format_exception(*err))[-3000:]
        Recording.outcomes[test.id()] = entry

    def addSuccess(self, test):
        super().addSuccess(test)
        if test.id() not in Recording.with_subtests:  # a test of subtests counts by its subtests
            self._record(test, "passed")

    def addFailure(self, test, err):
        super().addFailure(test, err)
        self._record(test, "failed", err)

    def addError(self, test, err):
        super().addError(test, err)
        self._record(test, "error", err)

    def addSkip(self, test, reason):
        super().addSkip(test, reason)
        Recording.outcomes[test.id()] = {"status": "skipped", "reason": reason}

    def addExpectedFailure(self, test, err):
        super().addExpectedFailure(test, err)
        self._record(test, "expected failure", err)

    def addUnexpectedSuccess(self, test):
        super().addUnexpectedSuccess(test)
        self._record(test, "unexpected success")

    def addSubTest(self, test, subtest, err):
        super().addSubTest(test, subtest, err)
        Recording.with_subtests.add(test.id())
        if err is not None:
            status = "failed" if issubclass(err[0], test.failureException) else "error"
            self._record(subtest, status, err)
        else:
            Recording.outcomes.setdefault(subtest.id(), {"status": "passed"})


def matching(table, test_id):
    """The reason of the first entry naming this test (a prefix of its id; * stands for any characters)."""
    for prefix, reason in table.items():
        if fnmatch.fnmatchcase(test_id, prefix) or fnmatch.fnmatchcase(test_id, prefix + ".*"):
            return reason
    return None


def iter_tests(suite):
    for item in suite:
        if isinstance(item, unittest.TestSuite):
            yield from iter_tests(item)
        else:
            yield item


def run_part(part, checkout, verbosity):
    configure(part, checkout)
    from django.test.runner import DiscoverRunner

    loader = unittest.TestLoader()
    selected, skipped = unittest.TestSuite(), {}
    for name in PARTS[part]:
        module = sys.modules["__main__"] if name == "__main__" else __import__(name, fromlist=["*"])
        for test in iter_tests(loader.loadTestsFromModule(module)):
            reason = matching(NOT_RUN, test.id())
            if reason:
                skipped[test.id()] = reason
            else:
                selected.addTest(test)

    class Runner(DiscoverRunner):
        def get_resultclass(self):
            return Recording

    runner = Runner(verbosity=verbosity, interactive=False)
    runner.setup_test_environment()
    old_config = runner.setup_databases()
    try:
        runner.run_suite(selected)
    finally:
        runner.teardown_databases(old_config)
        runner.teardown_test_environment()
    return {"outcomes": Recording.outcomes, "not_run": skipped}


# -- the report ---------------------------------------------------------------------------------------


def summarize(part, data, verbose):
    passed, failed, refused, other = [], [], [], []
    for test_id, entry in sorted(data["outcomes"].items()):
        refusal = matching(REFUSED, test_id)
        if entry["status"] == "passed":
            (failed if refusal else passed).append((test_id, entry if not refusal else {**entry, "note": "expected a refusal"}))
        elif refusal and entry.get("exception") == "SearchBackendError":
            refused.append((test_id, refusal))
        elif entry["status"] == "skipped" and entry.get("reason", "").startswith("refused: "):
            refused.append((test_id, entry["reason"].removeprefix("refused: ")))
        elif entry["status"] in ("skipped", "expected failure"):
            other.append((test_id, entry))
        else:
            failed.append((test_id, entry))
    print(f"\n== part {part}: {', '.join(PARTS[part]) if part != 'archive' else 'haystack tests re-stated over the archive (this file)'}")
    print(f"   ran {len(data['outcomes'])}: passed {len(passed)}, failed {len(failed)}, "
          f"refused as documented {len(refused)}, skipped/xfail {len(other)}; not run {len(data['not_run'])}")
    if verbose:
        for test_id, _ in passed:
            print(f"   PASS    {test_id}")
    for test_id, reason in refused:
        print(f"   REFUSED {test_id}: {reason}")
    for test_id, entry in failed:
        print(f"   FAIL    {test_id} [{entry['status']}: {entry.get('exception', entry.get('note', ''))}]")
        if verbose and entry.get("traceback"):
            print("      " + entry["traceback"].strip().replace("\n", "\n      "))
    for test_id, entry in other:
        print(f"   {entry['status'].upper():8}{test_id}: {entry.get('reason', '')}")
    reasons = {}
    for test_id, reason in data["not_run"].items():
        reasons.setdefault(reason, []).append(test_id)
    for reason, ids in reasons.items():
        print(f"   NOT RUN {len(ids):3} {reason}")
        if verbose:
            for test_id in ids:
                print(f"             {test_id}")
    return {"passed": len(passed), "failed": len(failed), "refused": len(refused), "not_run": len(data["not_run"]),
            "other": len(other), "failures": [t for t, _ in failed]}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("checkout", type=Path, help="a django-haystack source checkout (with test_haystack/)")
    parser.add_argument("-v", "--verbose", action="store_true", help="list every test and print tracebacks")
    parser.add_argument("--part", choices=sorted(PARTS), help=argparse.SUPPRESS)  # internal: one part, JSON out
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    checkout = args.checkout.resolve()
    if not (checkout / "test_haystack" / "whoosh_tests").is_dir():
        parser.error(f"{checkout} has no test_haystack/whoosh_tests: not a django-haystack source checkout")

    if args.part:  # a child: one part under its own settings
        result = run_part(args.part, checkout, 2 if args.verbose else 0)
        args.out.write_text(json.dumps(result, ensure_ascii=False))
        return 0

    env = {**os.environ, "ARCHIVE_DATA_DIR": os.environ.get("ARCHIVE_DATA_DIR") or str(DEFAULT_DATA_DIR)}
    Path(env["ARCHIVE_DATA_DIR"]).mkdir(parents=True, exist_ok=True)
    totals = {"passed": 0, "failed": 0, "refused": 0, "not_run": 0, "other": 0, "failures": []}
    for part in PARTS:  # each part in its own process: its own HAYSTACK_CONNECTIONS
        out = Path(env["ARCHIVE_DATA_DIR"]) / f"conformance-{part}.json"
        out.unlink(missing_ok=True)
        command = [sys.executable, str(Path(__file__).resolve()), str(checkout), "--part", part, "--out", str(out)]
        if args.verbose:
            command.append("-v")
        child = subprocess.run(command, env=env, cwd=PROJECT, capture_output=not args.verbose, text=True)
        if child.returncode != 0 or not out.exists():
            print(f"\n== part {part}: the run itself failed (exit {child.returncode})")
            print((child.stderr or "")[-4000:])
            totals["failed"] += 1
            totals["failures"].append(f"part {part} did not run")
            continue
        counts = summarize(part, json.loads(out.read_text()), args.verbose)
        for key in totals:
            totals[key] += counts[key]

    print("\n== not applicable, not run (whole modules of the checkout's test_haystack/)")
    not_applicable = 0
    for relative, reason in NOT_APPLICABLE.items():
        path = checkout / "test_haystack" / relative
        count = count_tests(path) if path.exists() else 0
        not_applicable += count
        print(f"   {count:4}  {relative}: {reason}")

    print("\n== total")
    print(f"   ran {totals['passed'] + totals['failed'] + totals['refused'] + totals['other']}: "
          f"passed {totals['passed']}, failed {totals['failed']}, refused as documented {totals['refused']}, "
          f"skipped/xfail {totals['other']}")
    print(f"   not applicable: {totals['not_run']} tests in run modules + {not_applicable} in modules not run "
          f"= {totals['not_run'] + not_applicable}")
    for failure in totals["failures"]:
        print(f"   failed: {failure}")
    return 1 if totals["failed"] else 0


if __name__ == "__main__":
    sys.exit(main())
