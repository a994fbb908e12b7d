"""Editors save at the same moment as analysts search, on gunicorn with 4 workers and the index writer."""
import subprocess
import sys
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "concurrent_editing.py"


def test_every_concurrent_save_succeeds_and_is_findable_within_two_seconds(served):
    editors = []
    for name in ("rana", "sami", "huda"):
        served.manage("create_editor", name, "--password-stdin", stdin="a long editor password\n")
        editors += ["--editor", f"{name}:a long editor password"]
    result = subprocess.run(
        [sys.executable, str(SCRIPT), served.url, *editors, "--speaker", "1", "--articles", "4", "--searchers", "3"],
        capture_output=True, text=True, timeout=300,
    )
    print(result.stdout)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "saves: 12 by 3 editors" in result.stdout
    assert "PROBLEM" not in result.stdout
