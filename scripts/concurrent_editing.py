#!/usr/bin/env python3
"""Editors saving articles in the admin while analysts search: every save lands and is findable at once.

    python scripts/concurrent_editing.py BASE_URL --editor NAME:PASSWORD [--editor ...] [--articles 5] [--searchers 4]

Each editor logs in to /admin/ and saves articles (each with two statements and
a word of its own) while searcher threads query /search/. It prints, for every
save, whether it succeeded and how long until the search found it, and exits
non-zero if a save failed, was never found, or took longer than --within.
Standard library only, so it runs against any deployment.
"""
import argparse
import http.cookiejar
import json
import re
import statistics
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid


class Browser:
    """A cookie-keeping HTTP client that logs in to the Django admin."""

    def __init__(self, base):
        self.base = base.rstrip("/")
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))

    def get(self, path):
        with self.opener.open(self.base + path, timeout=30) as response:
            return response.status, response.read().decode("utf-8")

    def post(self, path, fields):
        data = urllib.parse.urlencode(fields, doseq=True).encode()
        request = urllib.request.Request(self.base + path, data=data, headers={"Referer": self.base + path})
        with self.opener.open(request, timeout=30) as response:
            return response.status, response.geturl(), response.read().decode("utf-8")

    def csrf(self, path):
        _, html = self.get(path)
        return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)

    def login(self, username, password):
        token = self.csrf("/admin/login/")
        _, url, _ = self.post("/admin/login/?next=/admin/", {
            "csrfmiddlewaretoken": token, "username": username, "password": password, "next": "/admin/"})
        if "/login/" in url:
            raise RuntimeError(f"{username} could not log in")


def article_fields(token, marker, speaker_id):
    first, second = f"نؤكد أن {marker} بداية مسار جديد", f"الحوار حول {marker} سيستمر"
    body = f"قال المتحدث إن \"{first}\".\n\nوأضاف نظيره أن {second} في الأسابيع المقبلة."
    fields = {
        "csrfmiddlewaretoken": token, "title": f"مقال اختبار {marker}", "body": body, "published": "2017-01-15",
        "source": "", "url": "", "revision_seen": "", "_save": "Save",
        "statements-TOTAL_FORMS": "2", "statements-INITIAL_FORMS": "0",
        "statements-MIN_NUM_FORMS": "0", "statements-MAX_NUM_FORMS": "1000",
    }
    for index, (text, kind) in enumerate([(first, "quote"), (second, "paraphrase")]):
        prefix = f"statements-{index}-"
        fields.update({prefix + "speaker": speaker_id, prefix + "kind": kind, prefix + "text": text,
                       prefix + "start": "", prefix + "end": "", prefix + "place": "", prefix + "said_on": "",
                       prefix + "reviewed": "on", prefix + "id": "", prefix + "article": ""})
    return fields


def run(base, editors, articles, searchers, within):
    stop = threading.Event()
    results, search_counts, errors = [], [0] * searchers, []

    def search_loop(index):
        browser = Browser(base)
        while not stop.is_set():
            try:
                status, _ = browser.get("/search/?q=%D9%88%D9%82%D9%81&format=json")  # وقف
                search_counts[index] += status == 200
            except Exception as error:  # noqa: BLE001 - any failure is reported
                errors.append(f"search: {error}")

    def editor_loop(username, password, speaker_id):
        browser = Browser(base)
        browser.login(username, password)
        for _ in range(articles):
            marker = "x" + uuid.uuid4().hex[:10]
            token = browser.csrf("/admin/archive/article/add/")
            started = time.monotonic()
            try:
                status, url, html = browser.post("/admin/archive/article/add/", article_fields(token, marker, speaker_id))
            except urllib.error.HTTPError as error:
                results.append({"marker": marker, "saved": False, "error": f"HTTP {error.code}"})
                continue
            saved = "/add/" not in url
            found_after = None
            while saved and time.monotonic() - started < within * 5:
                _, body = Browser(base).get(f"/search/?q={marker}&format=json")
                if json.loads(body)["count"] == 1:
                    found_after = time.monotonic() - started
                    break
                time.sleep(0.05)
            results.append({"marker": marker, "saved": saved, "found_after": found_after})

    threads = [threading.Thread(target=search_loop, args=(i,)) for i in range(searchers)]
    for thread in threads:
        thread.start()
    editor_threads = [threading.Thread(target=editor_loop, args=editor) for editor in editors]
    began = time.monotonic()
    for thread in editor_threads:
        thread.start()
    for thread in editor_threads:
        thread.join()
    elapsed = time.monotonic() - began
    stop.set()
    for thread in threads:
        thread.join()
    return results, sum(search_counts), errors, elapsed


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("base")
    parser.add_argument("--editor", action="append", required=True, help="USERNAME:PASSWORD (repeat for more editors)")
    parser.add_argument("--speaker", type=int, required=True, help="id of a person to attribute the statements to")
    parser.add_argument("--articles", type=int, default=5, help="articles each editor saves")
    parser.add_argument("--searchers", type=int, default=4)
    parser.add_argument("--within", type=float, default=2.0, help="seconds a save may take to become findable")
    args = parser.parse_args(argv)
    editors = [(*pair.split(":", 1), str(args.speaker)) for pair in args.editor]
    results, searches, errors, elapsed = run(args.base, editors, args.articles, args.searchers, args.within)
    delays = [r["found_after"] for r in results if r.get("found_after") is not None]
    failed = [r for r in results if not r["saved"] or r.get("found_after") is None or r["found_after"] > args.within]
    print(f"saves: {len(results)} by {len(editors)} editors in {elapsed:.1f} s; searches meanwhile: {searches} "
          f"({searches / elapsed:.1f}/s); search errors: {len(errors)}")
    if delays:
        print(f"save to findable: median {statistics.median(delays) * 1000:.0f} ms, max {max(delays) * 1000:.0f} ms")
    for problem in failed:
        print(f"PROBLEM: {problem}")
    return 1 if failed or errors else 0


if __name__ == "__main__":
    sys.exit(main())
