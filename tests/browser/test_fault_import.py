"""The fault script on a small import: kill -9 of the whole archive mid-import loses nothing, after a restart."""
import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.isolation import isolated_archive

pytestmark = pytest.mark.browser
SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "fault_import.py"


# Enough articles for several of the import's half-second transactions, so the kill can come
# between two of them: 150 fitted in one on this machine.
ARTICLES = 600


def test_a_kill_during_a_bulk_import_loses_nothing(tmp_path):
    with isolated_archive(tmp_path / "unused") as env:  # the script makes its own data directory
        result = subprocess.run([sys.executable, str(SCRIPT), "--articles", str(ARTICLES), "--workers", "2", "--json"],
                                env=env, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    figures = json.loads(result.stdout.strip().splitlines()[-1])
    print(figures)
    assert 0 < figures["imported_before_kill"] < ARTICLES
    assert figures["documents_checked"] == figures["documents_expected"] > 0
    assert sum(figures["differences"].values()) == 0 and figures["database_intact"]
    assert figures["import_complete"] and sum(figures["differences_after_resume"].values()) == 0
