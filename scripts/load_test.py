#!/usr/bin/env python3
"""Load test: analysts search while editors save, against a running archive; prints requests/s, p50/p95/max, errors.

    python scripts/load_test.py BASE_URL [--searchers 8] [--duration 30] [--editor NAME:PASSWORD ... --speaker ID]

Searcher threads send a mix of searches built from the archive's own words and
facets (a common word, a word with a facet, a phrase, a prefix, a browse by
facets with no query, statements, a later page, JSON), each URL varied so the
archive's result cache answers only what a real reader would repeat. Editors,
if given, save articles through the admin for the whole run (every save makes
a new index generation, which also empties the result caches). Standard
library only, so it runs against any deployment.
"""
import argparse
import json
import os
import random
import re
import statistics
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from concurrent_editing import Browser, article_fields  # noqa: E402

ORDER = ("q", "type", "actor", "city", "source", "from", "to", "sort", "page", "format")
ARABIC_WORD = re.compile(r"[\u0621-\u064a]{4,}")


def fetch_json(base, query):
    with urllib.request.urlopen(f"{base}/search/?{query}", timeout=60) as response:
        return json.load(response)


def url(**params):
    pairs = [(name, params[name]) for name in ORDER if params.get(name)]
    return "/search/?" + urllib.parse.urlencode(pairs)


def query_mix(base, rng):
    """(kind, url) makers drawn from the archive's own vocabulary and facets."""
    first = fetch_json(base, "format=json")
    facets = {name: [v["value"] for v in values] for name, values in first["facets"].items()}
    titles = [r.get("title", "") for r in first["results"]]
    for page in (2, 3):
        titles += [r.get("title", "") for r in fetch_json(base, f"format=json&page={page}")["results"]]
    words = sorted({w for title in titles for w in ARABIC_WORD.findall(title)}) or ["سوريا"]
    pairs = [m for title in titles for m in re.findall(r"([\u0621-\u064a]{3,} [\u0621-\u064a]{3,})", title)] or words
    actors, cities = facets.get("actor") or [""], facets.get("city") or [""]
    return [
        ("word", lambda: url(q=rng.choice(words))),
        ("word+facet", lambda: url(q=rng.choice(words), actor=rng.choice(actors))),
        ("phrase", lambda: url(q=f'"{rng.choice(pairs)}"')),
        ("prefix", lambda: url(q=rng.choice(words)[:3] + "*")),
        ("browse", lambda: url(actor=rng.choice(actors), city=rng.choice(cities))),
        ("statements", lambda: url(q=rng.choice(words), type="statements")),
        ("page", lambda: url(q=rng.choice(words), page=str(rng.randint(2, 5)))),
        ("json", lambda: url(q=rng.choice(words), city=rng.choice(cities), format="json")),
    ]


def cpu_seconds(pid):
    """CPU time used so far by a process and all its descendants (Linux /proc), e.g. gunicorn's master."""
    total, pending = 0.0, [pid]
    ticks = os.sysconf("SC_CLK_TCK")
    while pending:
        current = pending.pop()
        try:
            fields = Path(f"/proc/{current}/stat").read_text().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / ticks  # utime, stime
            for task in Path(f"/proc/{current}/task").iterdir():
                pending += [int(c) for c in (task / "children").read_text().split()]
        except OSError:
            continue
    return total


def percentile(values, share):
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def run(base, searchers, duration, editors, seed=1):
    mix = query_mix(base, random.Random(seed))
    stop = threading.Event()
    timings, errors, saves, save_errors = defaultdict(list), [], [], []
    lock = threading.Lock()

    def search_loop(index):
        rng = random.Random(seed * 1000 + index)
        opener = urllib.request.build_opener()
        while not stop.is_set():
            kind, make = rng.choice(mix)
            path = make()
            started = time.monotonic()
            try:
                with opener.open(base + path, timeout=60) as response:
                    response.read()
                    ok = response.status == 200
            except (urllib.error.URLError, OSError) as error:
                ok, detail = False, f"{kind} {path[:80]}: {error}"
            elapsed = time.monotonic() - started
            with lock:
                if ok:
                    timings[kind].append(elapsed)
                else:
                    errors.append(detail)

    def editor_loop(username, password, speaker_id):
        browser = Browser(base)
        browser.login(username, password)
        while not stop.is_set():
            token = browser.csrf("/admin/archive/article/add/")
            started = time.monotonic()
            try:
                _, landed, _ = browser.post("/admin/archive/article/add/",
                                            article_fields(token, "x" + uuid.uuid4().hex[:10], speaker_id))
                (saves if "/add/" not in landed else save_errors).append(time.monotonic() - started)
            except (urllib.error.URLError, OSError) as error:
                save_errors.append(str(error))

    threads = [threading.Thread(target=search_loop, args=(i,)) for i in range(searchers)]
    threads += [threading.Thread(target=editor_loop, args=editor) for editor in editors]
    began = time.monotonic()
    for thread in threads:
        thread.start()
    time.sleep(duration)
    stop.set()
    for thread in threads:
        thread.join()
    return timings, errors, saves, save_errors, time.monotonic() - began


def summary(timings, errors, saves, save_errors, elapsed):
    every = [t for values in timings.values() for t in values]
    figures = {
        "seconds": round(elapsed, 1), "requests": len(every) + len(errors), "errors": len(errors),
        "requests_per_second": round(len(every) / elapsed, 1),
        "p50_ms": round(percentile(every, 0.5) * 1000, 1), "p95_ms": round(percentile(every, 0.95) * 1000, 1),
        "max_ms": round(max(every, default=0) * 1000, 1),
        "by_kind": {kind: {"requests": len(values), "p50_ms": round(percentile(values, 0.5) * 1000, 1),
                           "p95_ms": round(percentile(values, 0.95) * 1000, 1)} for kind, values in sorted(timings.items())},
        "saves": len(saves), "save_errors": len(save_errors),
        "save_p50_ms": round(percentile(saves, 0.5) * 1000, 1), "save_p95_ms": round(percentile(saves, 0.95) * 1000, 1),
    }
    return figures


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("base")
    parser.add_argument("--searchers", type=int, default=8, help="concurrent searching threads")
    parser.add_argument("--duration", type=float, default=30.0, help="seconds to run")
    parser.add_argument("--editor", action="append", default=[], help="USERNAME:PASSWORD (repeat for more editors)")
    parser.add_argument("--speaker", type=int, default=1, help="id of a person the editors' statements quote")
    parser.add_argument("--server-pid", type=int, help="gunicorn's master on this machine: report its CPU time per search")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    editors = [(*pair.split(":", 1), str(args.speaker)) for pair in args.editor]
    cpu_before = cpu_seconds(args.server_pid) if args.server_pid else None
    figures = summary(*run(args.base.rstrip("/"), args.searchers, args.duration, editors))
    if cpu_before is not None:
        # CPU per request does not depend on what else the machine runs, unlike requests/s.
        spent = cpu_seconds(args.server_pid) - cpu_before
        figures["server_cpu_ms_per_request"] = round(spent * 1000 / max(1, figures["requests"]), 1)
    if args.json:
        print(json.dumps(figures, ensure_ascii=False))
    else:
        print(f"{figures['requests']} searches in {figures['seconds']} s by {args.searchers} searchers: "
              f"{figures['requests_per_second']} requests/s, p50 {figures['p50_ms']} ms, p95 {figures['p95_ms']} ms, "
              f"max {figures['max_ms']} ms, errors {figures['errors']}")
        if "server_cpu_ms_per_request" in figures:
            print(f"  gunicorn CPU per request (editors' saves included): {figures['server_cpu_ms_per_request']} ms")
        for kind, row in figures["by_kind"].items():
            print(f"  {kind:<11} {row['requests']:>6}  p50 {row['p50_ms']:>7} ms  p95 {row['p95_ms']:>7} ms")
        if editors:
            print(f"saves meanwhile: {figures['saves']} by {len(editors)} editors (p50 {figures['save_p50_ms']} ms, "
                  f"p95 {figures['save_p95_ms']} ms), failed saves {figures['save_errors']}")
    return 1 if figures["errors"] or figures["save_errors"] else 0


if __name__ == "__main__":
    sys.exit(main())
