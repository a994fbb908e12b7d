"""The Arabic analyzer of an earlier git revision, imported beside the current one for comparison."""
# manage.py evaluate_analysis --baseline REV reads arabic/ of REV with `git show`, writes it
# to a temporary folder and imports it under a package name of its own, so its relative imports
# (from .normalize import ...) and its data files (plurals.txt, lexicon.txt read beside __file__)
# resolve inside that copy and never touch arabic.
import importlib.util
import shutil
import subprocess
import sys
import tempfile
import uuid
from contextlib import contextmanager
from pathlib import Path

# Where the analyzer lives; revisions before the arabic/ package had it in search/arabic.
PACKAGES = ("arabic", "search/arabic")


class Unavailable(Exception):
    """git, the repository or the revision is missing: the comparison is skipped with this message."""


def _git(repo_dir, *args):
    try:
        done = subprocess.run(["git", "-C", str(repo_dir), *args], capture_output=True, check=False)
    except OSError as error:  # no git executable
        raise Unavailable(f"git cannot run ({error.strerror or error})") from error
    if done.returncode:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise Unavailable(f"git {args[0]} failed: {message[-1] if message else done.returncode}")
    return done.stdout


def package_files(repo_dir, rev, packages=PACKAGES):
    """(full commit, {file name: bytes}) of the files directly in `package` at `rev` (modules and word lists)."""
    if shutil.which("git") is None:
        raise Unavailable("git is not installed")
    try:
        _git(repo_dir, "rev-parse", "--git-dir")
    except Unavailable as error:
        raise Unavailable(f"{repo_dir} is not a git checkout") from error
    try:
        commit = _git(repo_dir, "rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}").decode().strip()
    except Unavailable as error:
        raise Unavailable(f"revision {rev!r} not found in {repo_dir}") from error
    if isinstance(packages, str):
        packages = (packages,)
    for package in packages:
        files = {}
        for line in _git(repo_dir, "ls-tree", commit, f"{package}/").decode("utf-8").splitlines():
            meta, path = line.split("\t", 1)
            if meta.split()[1] == "blob":
                files[path.rsplit("/", 1)[-1]] = _git(repo_dir, "show", f"{commit}:{path}")
        if "__init__.py" in files:
            return commit, files
    raise Unavailable(f"{' or '.join(p + '/__init__.py' for p in packages)} not found at {rev}")


@contextmanager
def analyzer_at(rev, repo_dir, package=PACKAGES):
    """The package `package` of revision `rev`, imported under a fresh name for the duration of the block.

    Raises Unavailable (before the block) when git or the revision is missing. The module has the
    same public names as arabic (tokenize, stem, index_stems, STOPWORDS, ...).
    """
    commit, files = package_files(repo_dir, rev, package)
    name = f"_analyzer_{commit[:10]}_{uuid.uuid4().hex[:6]}"
    folder = Path(tempfile.mkdtemp(prefix="analyzer-"))
    try:
        root = folder / name
        root.mkdir()
        for file_name, content in files.items():
            (root / file_name).write_bytes(content)
        spec = importlib.util.spec_from_file_location(name, root / "__init__.py",
                                                      submodule_search_locations=[str(root)])
        module = importlib.util.module_from_spec(spec)
        module.revision = commit
        sys.modules[name] = module  # before running it: its relative imports look the package up here
        try:
            spec.loader.exec_module(module)
        except Exception as error:
            raise Unavailable(f"{package} of {rev} does not import: {error!r}") from error
        yield module
    finally:
        for loaded in [m for m in sys.modules if m == name or m.startswith(name + ".")]:
            del sys.modules[loaded]
        shutil.rmtree(folder, ignore_errors=True)
