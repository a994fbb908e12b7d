"""The house has one direction: arabic <- archive <- search <- front and operations; no module circles."""
import ast
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FRAMEWORKS = {"django", "haystack", "whoosh"}

# What each layer may import of the project: the layers below it, never one above or beside it.
LAYERS = {
    "arabic": set(),                                           # pure text handling
    "hardening": set(),                                        # request limits, login throttling
    "archive": {"arabic"},                                     # the domain: models, admin, ingest
    "search": {"arabic", "archive"},                           # index format, writer, reader, query
    "front": {"arabic", "archive", "search", "hardening"},     # views, presenters, links, exports
    "operations": {"arabic", "archive", "search"},             # serve, backups, restore, benchmarks
    "config": {"archive", "search", "front", "operations", "hardening"},  # settings and URL wiring
}
# Third-party code the pure layer may use besides the standard library.
ARABIC_THIRD_PARTY = {"pyarabic"}


def project_modules():
    """{dotted name: path} of every project module outside migrations and tests."""
    modules = {}
    for package in LAYERS:
        for path in (ROOT / package).rglob("*.py"):
            if "migrations" in path.parts:
                continue
            parts = list(path.relative_to(ROOT).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts.pop()
            modules[".".join(parts)] = path
    return modules


def imported_names(module, path):
    """Every dotted name a module imports (lazy imports inside functions too), relative ones resolved."""
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")
                anchor = anchor[:len(anchor) - (node.level - 1)]
                base = ".".join(anchor + ([node.module] if node.module else []))
            yield base
            yield from (f"{base}.{alias.name}" for alias in node.names)


def imported_roots(path):
    """The top-level package of every absolute import in a module."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.module.split(".")[0]


def module_graph(modules):
    """{module: the project modules it imports}, packages' __init__ counted only when they hold code."""
    graph = {}
    for module, path in modules.items():
        edges = set()
        for name in imported_names(module, path):
            while name and name not in modules:
                name = name.rpartition(".")[0]
            if name and name != module and (name not in LAYERS or modules[name].stat().st_size):
                edges.add(name)
        graph[module] = edges
    return graph


def circles(graph):
    """The strongly connected groups of more than one module (Tarjan's algorithm, iterative)."""
    index, low, on_stack, stack, found = {}, {}, set(), [], []
    for start in graph:
        if start in index:
            continue
        work = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, edges = work[-1]
            for edge in edges:
                if edge not in index:
                    index[edge] = low[edge] = len(index)
                    stack.append(edge)
                    on_stack.add(edge)
                    work.append((edge, iter(sorted(graph[edge]))))
                    break
                if edge in on_stack:
                    low[node] = min(low[node], index[edge])
            else:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    group = set()
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        group.add(member)
                        if member == node:
                            break
                    if len(group) > 1:
                        found.append(sorted(group))
    return found


def test_every_import_goes_down_the_layers():
    upward = []
    for module, path in project_modules().items():
        layer = module.split(".")[0]
        for root in imported_roots(path):
            if root in LAYERS and root != layer and root not in LAYERS[layer]:
                upward.append(f"{module} imports {root}")
    assert upward == []


def test_no_module_imports_the_tests():
    offenders = [module for module, path in project_modules().items() if "tests" in set(imported_roots(path))]
    assert offenders == []


def test_no_circle_of_imports_between_modules():
    assert circles(module_graph(project_modules())) == []


def test_a_circle_is_found(tmp_path):
    graph = {"search.a": {"search.b"}, "search.b": {"search.c"}, "search.c": {"search.a"}, "search.d": {"search.a"}}
    assert circles(graph) == [["search.a", "search.b", "search.c"]]


def arabic_import_faults(path):
    """The imports an arabic/ module may not make: other layers, frameworks, any other third party."""
    allowed = {"arabic"} | set(sys.stdlib_module_names) | ARABIC_THIRD_PARTY
    return [root for root in imported_roots(path)
            if root in set(LAYERS) - {"arabic"} | FRAMEWORKS or root not in allowed]


def test_the_arabic_package_imports_only_itself_the_standard_library_and_pyarabic():
    modules = sorted((ROOT / "arabic").glob("*.py"))
    assert modules
    assert {module.name: arabic_import_faults(module) for module in modules} == {module.name: [] for module in modules}


def test_an_arabic_import_of_anything_but_pyarabic_is_caught(tmp_path):
    module = tmp_path / "chain.py"
    module.write_text("import re\nfrom pyarabic import araby\nimport tashaphyne.stemming\nimport whoosh\n"
                      "from archive.models import Article\nfrom .normalize import normalize\n", encoding="utf-8")
    assert arabic_import_faults(module) == ["tashaphyne", "whoosh", "archive"]


def test_an_upward_import_is_caught(tmp_path):
    module = tmp_path / "upward.py"
    module.write_text("from search.engine import run\nimport django.db\nfrom .stem import stem\n", encoding="utf-8")
    assert list(imported_roots(module)) == ["search", "django"]


def test_a_relative_import_is_resolved_to_its_module(tmp_path):
    module = tmp_path / "engine.py"
    module.write_text("from . import columns\nfrom ..archive.models import Article\n", encoding="utf-8")
    names = set(imported_names("search.engine", module))
    assert {"search.columns", "archive.models.Article"} <= names


def test_the_domain_announces_bulk_changes_instead_of_writing_the_search_queue():
    for module in ("ingest/importer.py", "reports.py", "reattribution.py"):
        roots = set(imported_roots(ROOT / "archive" / module))
        assert "search" not in roots, module
