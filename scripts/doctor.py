#!/usr/bin/env python3
"""What this machine has and lacks for `make serve` and `make test`, and the command that fills each gap.

    python3 scripts/doctor.py                   # report everything (exit 0 when the suite can run)
    python3 scripts/doctor.py --ensure-browser  # before the browser tests: install or explain, at once

With --ensure-browser a missing Chromium (or the Arabic fonts its screenshots need) is installed
with apt-get when this runs as root on Debian; otherwise one line says the exact command to run
and the exit status is 2, so `make test` stops before any test instead of failing twenty of them.
Standard library only: it must run before anything is installed.
"""
import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BROWSER_PACKAGES = ("chromium", "fonts-noto-core")
FONT_FILE = "NotoNaskhArabic-Regular.ttf"  # from fonts-noto-core: Arabic text in screenshots
MISSING = 2


def chromium_path():
    """Where the browser tests look for Chromium (CHROMIUM_PATH, else Debian's)."""
    return os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")


def has_chromium():
    path = chromium_path()
    return os.path.isfile(path) and os.access(path, os.X_OK)


def has_arabic_fonts():
    roots = [Path(p) for p in os.environ.get("DOCTOR_FONT_DIRS", "/usr/share/fonts").split(os.pathsep)]
    return any(next(root.rglob(FONT_FILE), None) for root in roots if root.is_dir())


def is_root():
    override = os.environ.get("DOCTOR_AS_ROOT")  # tests pretend either way
    return override == "1" if override is not None else os.geteuid() == 0


def browser_gaps():
    return [package for package, present in (("chromium", has_chromium()), ("fonts-noto-core", has_arabic_fonts()))
            if not present]


def ensure_browser():
    """0 when the browser tests can run (after installing what was missing), else MISSING."""
    gaps = browser_gaps()
    if not gaps:
        return 0
    apt = shutil.which("apt-get")
    if is_root() and apt:
        print(f"Installing {' '.join(gaps)} for the browser tests (apt-get) ...", flush=True)
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        subprocess.run([apt, "update", "-qq"], env=env, check=False)
        done = subprocess.run([apt, "install", "-y", "-qq", "--no-install-recommends", *gaps], env=env, check=False)
        if done.returncode == 0 and not browser_gaps():
            return 0
    where = f" (or set CHROMIUM_PATH to a Chromium binary; looked at {chromium_path()})" if "chromium" in gaps else ""
    print(f"The browser tests need {' and '.join(gaps)}: run `sudo apt-get install {' '.join(gaps)}`{where}, "
          "then `make test` again.", file=sys.stderr)
    return MISSING


def python_ok():
    return sys.version_info >= (3, 11)


def report():
    """One line per need: ok, or what is missing and the command that fills it."""
    venv = ROOT / ".venv" / "bin" / "python"
    checks = [
        ("Python 3.11 or newer", python_ok(), "install python3.11 (Debian: apt-get install python3 python3-venv)"),
        ("python3 -m venv", _has_venv(), "apt-get install python3-venv"),
        ("the project's virtualenv", venv.exists(), "make install (make serve and make test do it)"),
        ("Chromium for the browser tests", has_chromium(), "apt-get install chromium (or set CHROMIUM_PATH)"),
        ("Arabic fonts for screenshots", has_arabic_fonts(), "apt-get install fonts-noto-core"),
        ("make", bool(shutil.which("make")), "apt-get install make"),
        ("PostgreSQL (make test-postgres, optional)", bool(shutil.which("pg_ctlcluster")), "apt-get install postgresql"),
        ("npm (accessibility checks, optional)", bool(shutil.which("npm")), "apt-get install npm"),
    ]
    needed = {"Python 3.11 or newer", "python3 -m venv", "Chromium for the browser tests", "Arabic fonts for screenshots"}
    for name, present, fix in checks:
        print(f"{'ok     ' if present else 'missing'}  {name}" + ("" if present else f": {fix}"))
    return 0 if all(present for name, present, _ in checks if name in needed) else MISSING


def _has_venv():
    try:
        import ensurepip  # noqa: F401 - Debian splits it (and with it venv's pip) into python3-venv
        import venv  # noqa: F401
    except ImportError:
        return False
    return True


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ensure-browser", action="store_true", help="install or explain what the browser tests need")
    args = parser.parse_args(argv)
    return ensure_browser() if args.ensure_browser else report()


if __name__ == "__main__":
    sys.exit(main())
