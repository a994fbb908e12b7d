"""Wire copy: which statements are one statement reported by several articles (pure, no Django)."""

import datetime
import json
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from arabic import STOPWORDS, chain, normalize

# Agencies file a statement within hours and papers pick it up for a day or two; a speaker who
# says the same words a week later has made a second statement, which stays apart.
WINDOW_DAYS = 3

# Three content words in a row are a quotation; fewer are a topic ("الحل السياسي" in every
# statement on Syria). Only such runs count as shared words.
MIN_RUN = 3
# The shorter report must share at least this many words in runs with the other, and at least
# COVERAGE of its own words: one outlet may truncate a quote, add a clause or a sentence, or
# change a word, but two different statements on one subject share a formula, not most words.
MIN_SHARED = 4
COVERAGE = 0.8
# Or they share one run of LONG_RUN words (a whole sentence) making at least LONG_SHARE of the shorter.
LONG_RUN = 12
LONG_SHARE = 0.5

# Negations are function words, yet "لن تنسحب" and "تنسحب" are opposite statements.
_NEGATIONS = frozenset(normalize(w) for w in "لا لم لن ليس ليست غير ما".split())
_DROPPED = STOPWORDS - _NEGATIONS
# Spellings the normalizer rightly keeps apart but outlets use for the same word.
_VARIANTS = ((normalize("اميرك"), normalize("امريك")),)

FIXTURE_SET = Path(__file__).resolve().parents[2] / "fixtures" / "grouping" / "reports.json"


@dataclass(frozen=True)
class Report:
    """One article's report of a statement: who, on which day (a date, ISO text or None), which words."""

    id: object
    speaker: object
    day: object
    text: str
    # Two statements of one article are not two reports of a statement; they meet only through others.
    article: object = None


def _fold(reading):
    """سوريا = سورية, أميركي = أمريكي: a final alef and a few spelling variants are not the word."""
    for variant, usual in _VARIANTS:
        reading = reading.replace(variant, usual)
    return reading[:-1] if len(reading) >= 4 and reading.endswith("ا") else reading


def words(text):
    """The content words of a text as sets of readings: a clitic (و، ب، ل) may or may not be one.

    Tashkeel, hamza seats, ة/ه, ى/ي and quote styles are folded by the normalizer; a word written
    with or without a glued conjunction or preposition (لاجتماعات, اجتماعات) shares a reading.
    """
    return [readings for original, _ in chain.written_words(text) for readings in _written_word(original)]


@lru_cache(maxsize=1 << 15)
def _written_word(original):
    """The readings of a written word's content tokens: it recurs in report after report, and a
    batch compares each of its reports with hundreds."""
    return tuple(frozenset(_fold(r) for r in chain.index_readings(token))
                 for token in chain.written_tokens(original) if token not in _DROPPED)


def shared_runs(a, b):
    """(words of a in runs of MIN_RUN or more also found in b, the longest run): greedy tiling, any order.

    The longest common run is found again and again among words not yet tiled; the table of
    run lengths is kept only where words meet, so unrelated texts cost next to nothing.
    """
    where = {}
    for j, word in enumerate(b):
        for reading in word:
            where.setdefault(reading, set()).add(j)
    meets = [sorted(set().union(*(where.get(r, ()) for r in word))) for word in a]
    used_a, used_b, total, longest = set(), set(), 0, 0
    while True:
        length, end_a, end_b, previous = 0, 0, 0, {}
        for i, positions in enumerate(meets):
            current = {}
            if i not in used_a:
                for j in positions:
                    if j not in used_b:
                        current[j] = run = previous.get(j - 1, 0) + 1
                        if run > length:
                            length, end_a, end_b = run, i, j
            previous = current
        if length < MIN_RUN:
            return total, longest
        used_a.update(range(end_a - length + 1, end_a + 1))
        used_b.update(range(end_b - length + 1, end_b + 1))
        total, longest = total + length, max(longest, length)


def _readings(text_words):
    return frozenset().union(*text_words) if text_words else frozenset()


def _similar(a, b, readings_a=None, readings_b=None):
    shorter, longer = sorted((a, b), key=len)
    needed = max(MIN_SHARED, COVERAGE * len(shorter))
    if readings_a is not None:
        # words of the shorter found anywhere in the longer bound what runs can share: most pairs stop here
        present = readings_b if shorter is a else readings_a
        found = sum(1 for word in shorter if not word.isdisjoint(present))
        if found < min(needed, max(LONG_RUN, LONG_SHARE * len(shorter))):
            return False
    total, longest = shared_runs(shorter, longer)
    if total >= needed:
        return True  # the shorter is the other's words, give or take a word or a clause
    # Two outlets quoting overlapping parts of one speech share a whole sentence; a diplomatic
    # formula ("حل سياسي للأزمة السورية وفق قرار مجلس الأمن 2254") is shorter than that.
    return longest >= LONG_RUN and total >= LONG_SHARE * len(shorter)


def same_words(a, b):
    """Whether two texts are the same statement's words: most of the shorter one in runs of the other."""
    return _similar(words(a), words(b))


def _day(value):
    if value is None or isinstance(value, datetime.date):
        return value
    return datetime.date.fromisoformat(str(value)[:10])


def _near(day_a, day_b):
    """Within the window; two undated reports may be one statement, an undated and a dated one are not."""
    if day_a is None or day_b is None:
        return day_a is None and day_b is None
    return abs((day_a - day_b).days) <= WINDOW_DAYS


class _Sets:
    """Union-find over report positions: a report of a report of a statement reports it too."""

    def __init__(self, size):
        self.parent = list(range(size))

    def find(self, i):
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, i, j):
        self.parent[self.find(i)] = self.find(j)


def _pairs(bucket, focus=None):
    """Pairs of positions close enough in time to compare: the bucket sorted by day, undated apart.

    With `focus` (positions), only the pairs holding one of them, each once.
    """
    dated = sorted((day, i) for i, day in bucket if day is not None)
    undated = [i for i, day in bucket if day is None]
    if focus is not None:
        yield from _focus_pairs(dated, undated, focus)
        return
    for n, (day, i) in enumerate(dated):
        for m in range(n + 1, len(dated)):
            if (dated[m][0] - day).days > WINDOW_DAYS:
                break
            yield i, dated[m][1]
    for n, i in enumerate(undated):
        for j in undated[n + 1:]:
            yield i, j


def _focus_pairs(dated, undated, focus):
    """The pairs of _pairs holding a focus position: its neighbours in time found by bisection, not by walking all."""
    days = [day.toordinal() for day, _ in dated]
    seen = set()  # pairs of two focus positions, met from both ends
    for n, (_, i) in enumerate(dated):
        if i in focus:
            low, high = bisect_left(days, days[n] - WINDOW_DAYS), bisect_right(days, days[n] + WINDOW_DAYS)
            yield from _new_pairs(i, (dated[m][1] for m in range(low, high)), focus, seen)
    for i in undated:
        if i in focus:
            yield from _new_pairs(i, undated, focus, seen)


def _new_pairs(i, others, focus, seen):
    for j in others:
        if j == i:
            continue
        if j in focus:
            pair = (min(i, j), max(i, j))
            if pair in seen:
                continue
            seen.add(pair)
        yield i, j


def group_reports(reports, among=None):
    """Ids of reports that are one statement: same speaker, within the window, same words; groups of two or more.

    With `among` (ids), only pairs holding one of them are compared: regrouping a new report
    against stored ones, whose links to each other are already stored.
    """
    reports = list(reports)
    features = [words(r.text) for r in reports]
    readings = [_readings(f) for f in features]
    among = None if among is None else set(among)
    focus = None if among is None else {i for i, report in enumerate(reports) if report.id in among}
    buckets = {}
    for i, report in enumerate(reports):
        buckets.setdefault(report.speaker, []).append((i, _day(report.day)))
    sets = _Sets(len(reports))
    for bucket in buckets.values():
        for i, j in _pairs(bucket, focus):
            if reports[i].article is not None and reports[i].article == reports[j].article:
                continue
            if sets.find(i) != sets.find(j) and _similar(features[i], features[j], readings[i], readings[j]):
                sets.union(i, j)
    members = {}
    for i, report in enumerate(reports):
        members.setdefault(sets.find(i), []).append(report.id)
    return sorted(sorted(ids) for ids in members.values() if len(ids) > 1)


# Measuring the rule on an annotated set (fixtures/grouping/reports.json): pairs put together.

@dataclass
class Score:
    """Pairwise counts: a pair of reports is right when gold puts them in one group too."""

    found_pairs: int = 0
    gold_pairs: int = 0
    right_pairs: int = 0
    found_groups: int = 0
    gold_groups: int = 0
    wrong: list = field(default_factory=list)  # pairs merged that gold keeps apart
    missed: list = field(default_factory=list)  # gold pairs left apart

    @property
    def precision(self):
        return self.right_pairs / self.found_pairs if self.found_pairs else 1.0

    @property
    def recall(self):
        return self.right_pairs / self.gold_pairs if self.gold_pairs else 1.0


def _pairs_of(groups):
    return {(a, b) for group in groups for n, a in enumerate(sorted(group)) for b in sorted(group)[n + 1:]}


def load_set(path=FIXTURE_SET):
    """The annotated entries of a set file: id, speaker, day, source, text, group."""
    return json.loads(Path(path).read_text(encoding="utf-8"))["reports"]


def evaluate(entries):
    """Score group_reports against the entries' gold group labels."""
    reports = [Report(e["id"], e["speaker"], e.get("day"), e["text"]) for e in entries]
    found = group_reports(reports)
    gold = {}
    for entry in entries:
        gold.setdefault(entry["group"], []).append(entry["id"])
    gold_groups = [ids for ids in gold.values() if len(ids) > 1]
    found_pairs, gold_pairs = _pairs_of(found), _pairs_of(gold_groups)
    return Score(
        found_pairs=len(found_pairs), gold_pairs=len(gold_pairs), right_pairs=len(found_pairs & gold_pairs),
        found_groups=len(found), gold_groups=len(gold_groups),
        wrong=sorted(found_pairs - gold_pairs), missed=sorted(gold_pairs - found_pairs),
    )
