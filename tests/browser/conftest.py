"""The archive as `make serve` runs it (migrated, seeded, gunicorn) and a headless Chromium to read it."""
import os
import subprocess
import sys
from types import SimpleNamespace
from pathlib import Path

import pytest

from operations.local_server import free_port, wait_until_up
from tests.isolation import isolated_archive

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-gpu"]



def manage(env, *args, stdin=None):
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True, capture_output=True, text=True, input=stdin
    )




@pytest.fixture(scope="session")
def served(tmp_path_factory):
    """Base URL of the archive served as `make serve` does (gunicorn and the index writer), on its own data."""
    with isolated_archive(tmp_path_factory.mktemp("archive-data")) as env:
        yield from _serve(env)


def _serve(env):
    manage(env, "collectstatic", "--noinput", "--verbosity", "0")
    manage(env, "migrate", "--noinput")
    manage(env, "seed_archive")
    manage(env, "index_writer", "--once")
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "manage.py", "serve", "--port", str(port), "--workers", "4"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(base + "/healthz", process)
        yield SimpleNamespace(url=base, env=env, manage=lambda *args, **kw: manage(env, *args, **kw))
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture(scope="session")
def served_archive(served):
    return served.url


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium is not installed at {CHROMIUM} (apt-get install chromium)")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="ar")
    page = context.new_page()
    yield page
    context.close()


def screenshot(page, name):
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path
