"""The bench command on a tiny generated archive: it loads, indexes, searches and reports every figure."""
import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def manage(data_dir, *args):
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "ARCHIVE_INDEX_DIR")}
    env.update(ARCHIVE_DATA_DIR=str(data_dir), DJANGO_SETTINGS_MODULE="config.settings")
    done = subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout


def test_bench_reports_figures_on_a_generated_archive(tmp_path):
    output = manage(tmp_path, "bench", "--size", "60", "--runs", "1")

    assert "generated and loaded 60 articles" in output
    assert re.search(r"Analyzer: .* [\d,]+ words/s", output)
    assert re.search(r"Indexing \(now\): 60 articles .* [\d,]+ articles/s, [\d,]+ documents/s", output)
    for family in ("(a) common word + 4 facets", "(b) phrase + 4 facets", "(c) rare word", "(d) facets only",
                   "(e) statements + word", "(f) common word, relevance", "(f) common word, newest"):
        assert re.search(re.escape(family) + r".*\|\s+[\d.]+\s+[\d.]+\s+[\d.]+\s+\|", output), family
    assert "cold p50" in output and "repeated p50" in output and "page cold p50" in output
    assert re.search(r"Peak memory \(max RSS\): [\d,]+ MB", output)
    assert len(re.findall(r"^target .* : (met|missed) \(", output, re.MULTILINE)) == 4
    common = re.search(r"common word (\S+) matches (\d+) of 60 articles", output)
    assert common and int(common.group(2)) >= 40

    # The same archive, searched in another process: the common word is in most articles.
    script = ("from search import engine; from search.params import parse; "
              f"print('count', engine.run(parse({{'q': ['{common.group(1)}']}})).count)")
    searched = manage(tmp_path, "shell", "-c", script)
    assert int(re.search(r"count (\d+)", searched).group(1)) >= 40

    # A second run finds the archive and its index current and says so.
    again = manage(tmp_path, "bench", "--size", "60", "--runs", "1")
    assert "already loaded" in again and "when the index was built" in again


def test_bench_measures_an_archive_built_by_importing_agency_shaped_copy(tmp_path):
    output = manage(tmp_path, "bench", "--imported", "--size", "40", "--runs", "1", "--no-peer")

    created = re.search(r"Created (\d+) articles \((\d+) statements, (\d+) new people to review\)", output)
    assert created and int(created.group(1)) == 40
    assert int(created.group(2)) >= 40 * 5  # many statements an article, found by extraction
    assert int(created.group(3)) > 0  # speakers the gazetteer does not know, left for editors
    assert re.search(r"all searchable after [\d.]+ s: \d+ articles/s end to end", output)
    assert re.search(r"Indexing \(by the import: import_articles to searchable\): 40 articles", output)
    assert re.search(r"Index segments: \d+, documents in each: ", output)
    assert re.search(re.escape("(g) name (many spellings)") + r".*\|\s+[\d.]+\s+[\d.]+\s+[\d.]+\s+\|", output)
    assert len(re.findall(r"^target .* : (met|missed) \(", output, re.MULTILINE)) == 4

    again = manage(tmp_path, "bench", "--imported", "--size", "40", "--runs", "1", "--no-peer")
    assert "already loaded" in again and "Created" not in again
