"""Measure the extractor against annotated articles: recall, spans, attribution, roles, places.

The sets and their annotation are described in docs/extraction-sets.md.
"""

import json
from dataclasses import dataclass, field
from pathlib import Path

from arabic import FUNCTION_WORDS, normalize, stem

from .extraction import Gazetteer, extract, gazetteer_dicts_from_curation

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
SEEDS_DIR = FIXTURES / "seeds"
SETS_DIR = FIXTURES / "extraction"
MIN_OVERLAP = 0.5  # share of the gold span's characters a proposal must cover
# How the gold writes a speaker the archive does not know, by the kind the extractor gives it.
_PREFIX = {"person": "new", "role": "role", "organisation": "org", "anonymous": "anon"}


@dataclass
class ArticleScore:
    """Counts for one article; the ratios are derived from them."""

    name: str
    gold: int = 0
    proposed: int = 0
    found: int = 0  # gold statements covered by a proposal
    found_right: int = 0  # of those, covered by one with the gold speaker
    exact: int = 0  # gold statements proposed with exactly their span
    matched: int = 0  # proposals that cover a gold statement
    attributed: int = 0  # of those, the ones that name a speaker
    right_speaker: int = 0  # of those, with the gold speaker
    by_role: int = 0  # gold statements whose speaker the text names by role only
    role_right: int = 0  # of those, found with the gold speaker
    right_place: int = 0  # of those, with the gold place of saying (None included)
    gold_places: set = field(default_factory=set)
    found_places: set = field(default_factory=set)
    misses: list = field(default_factory=list)
    wrong: list = field(default_factory=list)


def nth_span(body, text, occurrence=1):
    """[start, end) of the occurrence-th appearance of text in body."""
    start = -1
    for _ in range(occurrence):
        start = body.find(text, start + 1)
        if start < 0:
            raise ValueError(f"“{text[:50]}” does not occur {occurrence} time(s)")
    return start, start + len(text)


def speaker_id(proposed):
    """A proposal's speaker as gold writes it: a key, or new:/role:/org:/anon: and the name."""
    if proposed.speaker_key:
        return proposed.speaker_key
    new = proposed.new_speaker
    return f"{_PREFIX.get(new.kind, 'new')}:{new.name}" if new else None


def _stems(name):
    """A name's content words as stems: الوزير الأمريكي and وزير الخارجية الأمريكي share وزير، امريك."""
    return {stem(w) for w in normalize(name).split() if w not in FUNCTION_WORDS}


def same_speaker(got, gold):
    """Keys must be equal; unknown speakers of one kind match when one's words hold the other's."""
    if got is None or gold is None or ":" not in gold or ":" not in got:
        return got == gold
    (kind, name), (gold_kind, gold_name) = got.split(":", 1), gold.split(":", 1)
    words, gold_words = _stems(name), _stems(gold_name)
    return kind == gold_kind and bool(words) and (words <= gold_words or gold_words <= words)


def score_article(name, body, published, gold_statements, gold_places, gazetteer):
    """Run the extractor on one article and compare with its gold statements and places."""
    result = extract(body, published, gazetteer)
    gold = [(*nth_span(body, g["text"], g.get("occurrence", 1)), g) for g in gold_statements]
    score = ArticleScore(name, gold=len(gold), proposed=len(result.statements),
                         gold_places=set(gold_places or ()),
                         found_places=set(result.places) if gold_places is not None else set())
    for start, end, g in gold:
        covering = [p for p in result.statements if _overlap(p, start, end) >= MIN_OVERLAP * (end - start)]
        score.found += bool(covering)
        score.found_right += any(same_speaker(speaker_id(p), g["speaker"]) for p in covering)
        score.exact += any((p.start, p.end) == (start, end) for p in covering)
        if not covering:
            score.misses.append(g["text"])
        if g.get("by_role") or (g["speaker"] or "").startswith("role:"):
            score.by_role += 1
            score.role_right += any(same_speaker(speaker_id(p), g["speaker"]) for p in covering)
    for p in result.statements:
        best = max(gold, key=lambda x: _overlap(p, x[0], x[1]), default=None)
        if best is None or _overlap(p, best[0], best[1]) < MIN_OVERLAP * (best[1] - best[0]):
            continue
        score.matched += 1
        g = best[2]
        if speaker_id(p) is None and g["speaker"] is not None:
            continue  # no speaker is not a wrong one: the statement waits for an editor
        score.attributed += 1
        if same_speaker(speaker_id(p), g["speaker"]):
            score.right_speaker += 1
        else:
            score.wrong.append((p.text, speaker_id(p), g["speaker"]))
        score.right_place += p.place_key == g.get("place")
    return score


def _overlap(p, start, end):
    return max(0, min(end, p.end) - max(start, p.start))


def _ratio(a, b):
    return a / b if b else 1.0


def totals(scores, name="all"):
    """One ArticleScore summing the counts of several."""
    total = ArticleScore(name)
    for s in scores:
        for attr in ("gold", "proposed", "found", "found_right", "exact", "matched", "attributed", "right_speaker", "by_role",
                     "role_right", "right_place"):
            setattr(total, attr, getattr(total, attr) + getattr(s, attr))
        total.gold_places |= {(s.name, k) for k in s.gold_places}
        total.found_places |= {(s.name, k) for k in s.found_places}
    return total


def metrics(s):
    """The ratios of a score: recall, exact, precision, attribution, place of saying, places."""
    return {
        "recall": _ratio(s.found, s.gold), "exact": _ratio(s.exact, s.gold),
        "who": _ratio(s.found_right, s.gold),
        "precision": _ratio(s.matched, s.proposed), "attribution": _ratio(s.right_speaker, s.attributed),
        "roles": _ratio(s.role_right, s.by_role),
        "said_at": _ratio(s.right_place, s.matched),
        "place_recall": _ratio(len(s.gold_places & s.found_places), len(s.gold_places)),
        "place_precision": _ratio(len(s.gold_places & s.found_places), len(s.found_places)),
    }


def format_table(scores, title):
    """A per-article table with a total line, as plain text."""
    width = max([14] + [len(s.name) + 2 for s in scores])
    head = f"{'article':<{width}}{'gold':>5}{'prop':>5}{'recall':>8}{'who':>6}{'exact':>7}{'prec':>7}{'attrib':>8}" \
           f"{'roles':>7}{'saidat':>8}{'plc R':>7}{'plc P':>7}"
    lines = [title, head, "-" * len(head)]
    for s in list(scores) + [totals(scores)]:
        m = metrics(s)
        roles = f"{m['roles']:>7.2f}" if s.by_role else f"{'-':>7}"
        lines.append(f"{s.name:<{width}}{s.gold:>5}{s.proposed:>5}{m['recall']:>8.2f}{m['who']:>6.2f}{m['exact']:>7.2f}"
                     f"{m['precision']:>7.2f}{m['attribution']:>8.2f}{roles}{m['said_at']:>8.2f}"
                     f"{m['place_recall']:>7.2f}{m['place_precision']:>7.2f}")
    return "\n".join(lines)


def evaluate_against_curation(curation_path=SEEDS_DIR / "curation.json", seeds_dir=SEEDS_DIR):
    """Scores for the curated seed articles, with a gazetteer built from the same curation."""
    with open(curation_path, encoding="utf-8") as f:
        curation = json.load(f)
    gazetteer = Gazetteer.from_dicts(*gazetteer_dicts_from_curation(curation))
    scores = []
    for article in curation["articles"]:
        body = (Path(seeds_dir) / article["body_file"]).read_text(encoding="utf-8")
        scores.append(score_article(article["body_file"], body, article.get("published"),
                                    article["statements"], article.get("places", []), gazetteer))
    return Report(scores)


def evaluate_samples(samples, gazetteer):
    """Scores for annotated articles: dicts with name, body, published, statements, places."""
    return Report([score_article(s["name"], s["body"], s.get("published"), s["statements"],
                                 s.get("places"), gazetteer) for s in samples])  # no list: places not judged


def load_style(path):
    """A style file of an extraction set: its articles and the gazetteer they are read with."""
    style = json.loads(Path(path).read_text(encoding="utf-8"))
    people, places = gazetteer_dicts_from_curation(json.loads((SEEDS_DIR / "curation.json").read_text(encoding="utf-8")))
    known = {p["key"] for p in people} | {p["key"] for p in places}
    extra_people = [p for p in style.get("people", []) if p["key"] not in known]
    extra_places = [dict({"kind": "city", "aliases": []}, **p) for p in style.get("places", []) if p["key"] not in known]
    return style, Gazetteer.from_dicts(people + extra_people, places + extra_places)


SETS = ("seeds", "samples", "dev")


def evaluate_set(name):
    """[(style, Report)] for a named set: the seeds, the test samples, or the dev set by style."""
    if name == "seeds":
        return [("seeds", evaluate_against_curation())]
    if name == "samples":
        paths = [SETS_DIR / "samples.json"]
    elif name in SETS:
        paths = sorted((SETS_DIR / name).glob("*.json"))
    else:
        raise ValueError(f"unknown set “{name}”: one of {', '.join(SETS)}")
    out = []
    for path in paths:
        style, gazetteer = load_style(path)
        out.append((style["style"], evaluate_samples(style["articles"], gazetteer)))
    return out


@dataclass
class Report:
    """Per-article scores and their total."""

    articles: list

    @property
    def total(self):
        return metrics(totals(self.articles))

    def table(self, title="seed articles"):
        return format_table(self.articles, title)

    def problems(self):
        out = []
        for s in self.articles:
            out += [f"{s.name}: missed “{t[:70]}”" for t in s.misses]
            out += [f"{s.name}: “{t[:50]}” said by {got}, gold {want}" for t, got, want in s.wrong]
        return out


def styles_table(reports, title):
    """One line a style and a total line: the figures the acceptance of a set is judged on."""
    return format_table([totals(r.articles, style) for style, r in reports], title).replace("article", "style  ", 1)
