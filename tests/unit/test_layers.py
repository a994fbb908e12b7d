"""The Arabic text handling is a layer of its own: pure Python that imports nothing of the project or Django."""
import ast
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PROJECT_PACKAGES = {"archive", "search", "config", "tests"}
FRAMEWORKS = {"django", "haystack", "whoosh"}


def imported_roots(path):
    """The top-level package of every absolute import in a module."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.module.split(".")[0]


def test_the_arabic_package_imports_only_itself_and_the_standard_library():
    modules = sorted((ROOT / "arabic").glob("*.py"))
    assert modules
    for module in modules:
        for root in imported_roots(module):
            assert root not in PROJECT_PACKAGES | FRAMEWORKS, (module.name, root)
            assert root == "arabic" or root in sys.stdlib_module_names, (module.name, root)


def test_an_upward_import_is_caught(tmp_path):
    module = tmp_path / "upward.py"
    module.write_text("from search.engine import run\nimport django.db\nfrom .stem import stem\n", encoding="utf-8")
    assert list(imported_roots(module)) == ["search", "django"]


def test_the_domain_announces_bulk_changes_instead_of_writing_the_search_queue():
    for module in ("ingest/importer.py", "reports.py", "reattribution.py"):
        roots = set(imported_roots(ROOT / "archive" / module))
        assert "search" not in roots, module
