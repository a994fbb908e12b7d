"""A crash of the index writer loses nothing: changes wait in the database and the restarted writer applies them."""
import json
import os
import signal
import time
import urllib.parse
import urllib.request
from pathlib import Path


def writer_pids(data_dir):
    pids = []
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            command = (proc / "cmdline").read_bytes().split(b"\0")
            environ = (proc / "environ").read_bytes().split(b"\0")
        except OSError:
            continue
        if b"index_writer" in command and f"ARCHIVE_DATA_DIR={data_dir}".encode() in environ:
            pids.append(int(proc.name))
    return pids


def count_for(base, word):
    url = f"{base}/search/?{urllib.parse.urlencode({'q': word, 'format': 'json'})}"
    with urllib.request.urlopen(url, timeout=10) as response:
        return json.load(response)["count"]


def wait_for_count(base, word, expected, seconds=10):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if count_for(base, word) == expected:
            return True
        time.sleep(0.1)
    return False


def test_changes_made_while_the_writer_is_dead_are_applied_after_its_restart(served):
    data_dir = served.env["ARCHIVE_DATA_DIR"]
    before = writer_pids(data_dir)
    assert before, "the index writer is not running beside gunicorn"
    for pid in before:
        os.kill(pid, signal.SIGKILL)
    # Saved while no writer runs: recorded in the same transaction, waiting.
    served.manage("shell", "-c", (
        "from archive.models import Article; "
        "Article.objects.create(title='بعد الانهيار', body='وصل وفد قرطاجنة إلى المدينة بعد انقطاع طويل.')"
    ))
    assert wait_for_count(served.url, "قرطاجنة", 1), "the change was lost or never applied"
    after = writer_pids(data_dir)
    assert after and not set(after) & set(before)
