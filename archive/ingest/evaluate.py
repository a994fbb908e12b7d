"""Measure the extractor against hand-curated articles: statement recall/precision, speakers, places."""

# python -m archive.ingest.evaluate [curation.json [seeds_dir]] [--samples]
# --samples also scores the hand-written test articles of tests/unit/ingest_samples.py, apart.

import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

from .extraction import Gazetteer, extract, gazetteer_dicts_from_curation

SEEDS_DIR = Path(__file__).resolve().parents[2] / "fixtures" / "seeds"
MIN_OVERLAP = 0.5  # share of the gold span's characters a proposal must cover


@dataclass
class ArticleScore:
    """Counts for one article; the ratios are derived from them."""

    name: str
    gold: int = 0
    proposed: int = 0
    found: int = 0  # gold statements covered by a proposal
    exact: int = 0  # gold statements proposed with exactly their span
    matched: int = 0  # proposals that cover a gold statement
    right_speaker: int = 0  # of those, with the gold speaker
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
    """A proposal's speaker as gold writes it: a key, or new:<name> for someone unknown."""
    if proposed.speaker_key:
        return proposed.speaker_key
    return f"new:{proposed.new_speaker.name}" if proposed.new_speaker else None


def score_article(name, body, published, gold_statements, gold_places, gazetteer):
    """Run the extractor on one article and compare with its gold statements and places."""
    result = extract(body, published, gazetteer)
    gold = [(*nth_span(body, g["text"], g.get("occurrence", 1)), g) for g in gold_statements]
    score = ArticleScore(name, gold=len(gold), proposed=len(result.statements),
                         gold_places=set(gold_places), found_places=set(result.places))
    for start, end, g in gold:
        covering = [p for p in result.statements if _overlap(p, start, end) >= MIN_OVERLAP * (end - start)]
        score.found += bool(covering)
        score.exact += any((p.start, p.end) == (start, end) for p in covering)
        if not covering:
            score.misses.append(g["text"])
    for p in result.statements:
        best = max(gold, key=lambda x: _overlap(p, x[0], x[1]), default=None)
        if best is None or _overlap(p, best[0], best[1]) < MIN_OVERLAP * (best[1] - best[0]):
            continue
        score.matched += 1
        g = best[2]
        if speaker_id(p) == g["speaker"]:
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
        for attr in ("gold", "proposed", "found", "exact", "matched", "right_speaker", "right_place"):
            setattr(total, attr, getattr(total, attr) + getattr(s, attr))
        total.gold_places |= {(s.name, k) for k in s.gold_places}
        total.found_places |= {(s.name, k) for k in s.found_places}
    return total


def metrics(s):
    """The ratios of a score: recall, exact, precision, attribution, place of saying, places."""
    return {
        "recall": _ratio(s.found, s.gold), "exact": _ratio(s.exact, s.gold),
        "precision": _ratio(s.matched, s.proposed), "attribution": _ratio(s.right_speaker, s.matched),
        "said_at": _ratio(s.right_place, s.matched),
        "place_recall": _ratio(len(s.gold_places & s.found_places), len(s.gold_places)),
        "place_precision": _ratio(len(s.gold_places & s.found_places), len(s.found_places)),
    }


def format_table(scores, title):
    """A per-article table with a total line, as plain text."""
    head = f"{'article':<14}{'gold':>5}{'prop':>5}{'recall':>8}{'exact':>7}{'prec':>7}{'attrib':>8}" \
           f"{'saidat':>8}{'plc R':>7}{'plc P':>7}"
    lines = [title, head, "-" * len(head)]
    for s in list(scores) + [totals(scores)]:
        m = metrics(s)
        lines.append(f"{s.name:<14}{s.gold:>5}{s.proposed:>5}{m['recall']:>8.2f}{m['exact']:>7.2f}"
                     f"{m['precision']:>7.2f}{m['attribution']:>8.2f}{m['said_at']:>8.2f}"
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
    """Scores for hand-written sample articles: dicts with name, body, published, statements, places."""
    return Report([score_article(s["name"], s["body"], s.get("published"), s["statements"],
                                 s.get("places", []), gazetteer) for s in samples])


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


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    paths = [a for a in argv if a != "--samples"][:2]
    reports = [(evaluate_against_curation(*paths), "seed articles")]
    if "--samples" in argv:
        from tests.unit.ingest_samples import SAMPLES, sample_gazetteer
        reports.append((evaluate_samples(SAMPLES, sample_gazetteer()), "own test articles"))
    for report, title in reports:
        print(report.table(title))
        for line in report.problems():
            print("  " + line)
        print()


if __name__ == "__main__":
    main()
