"""manage.py evaluate_analysis: the Arabic analysis against other projects' suites, with hand verdicts on disagreements."""
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from search.analysis_version import ANALYSIS_VERSION
from search.evaluation import peers


def default_peer_dir():
    # The peer cases live beside the repository, never inside it (their licences and the brief say so).
    return (Path(settings.BASE_DIR) / ".." / "shared" / "peer_cases").resolve()


class Command(BaseCommand):
    help = ("Measure the archive's Arabic analysis against other projects' test data (Lucene, Elasticsearch, "
            "pyarabic, NLTK's Snowball tests, Lucene's broken plurals, a golden stem corpus, Snowball over a "
            "50k-word vocabulary). Each disagreement is printed with its hand verdict from "
            "search/evaluation/analysis_verdicts.json, or 'unjudged'.")
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("--peer-dir", type=Path, default=None, help="folder of the peer cases "
                            "(default: <repo>/../shared/peer_cases)")
        parser.add_argument("--sample", type=int, default=50, help="pairs and words sampled for hand judgement")
        parser.add_argument("--seed", default=peers.SEED, help="seed of the samples (stable across analyzer changes)")

    def handle(self, *args, peer_dir=None, sample=50, seed=peers.SEED, **options):
        peer_dir = Path(peer_dir) if peer_dir else default_peer_dir()
        if not peer_dir.is_dir():
            self.stdout.write(f"peer cases not found at {peer_dir}; skipped")
            return
        verdicts = peers.load_verdicts()
        self.stdout.write(f"Peer cases at {peer_dir}; analysis version {ANALYSIS_VERSION}; verdicts "
                          f"{peers.VERDICTS.name}; samples of {sample}, seed {seed!r}")
        summary = []
        for suite in peers.CASE_SUITES:
            cases = peers.load_cases(peer_dir, suite)
            if cases is None:
                summary.append(f"{suite}: not found in {peer_dir}; skipped")
                continue
            outcomes = peers.evaluate_cases(suite, cases, verdicts)
            self.cases(suite, outcomes)
            summary.append(f"{suite}: {self.counts(peers.tally(outcomes))}")
        summary.append(self.golden(peer_dir, verdicts, sample, seed))
        summary.append(self.snowball(peer_dir, verdicts, sample, seed))
        self.stdout.write("\nSummary (agree / disagree, of which archive wrong)")
        for line in summary:
            self.stdout.write(line)

    def counts(self, t, what="disagree"):
        na = f"; {t['n/a']} not applicable" if t["n/a"] else ""
        return (f"{t['agree']} agree / {t['disagree']} {what}, of which archive wrong {t['wrong']} "
                f"(right on purpose {t['right']}, unclear {t['unclear']}, unjudged {t['unjudged']}){na}")

    def line(self, outcome, prefix):
        self.stdout.write(f"  {prefix:<9}{outcome.label} [{outcome.key.rsplit('#', 1)[1]}]  {outcome.shown}")
        if outcome.verdict:
            name = peers.VERDICT_NAMES.get(outcome.verdict[0], outcome.verdict[0])
            self.stdout.write(f"{'':11}{name}: {outcome.verdict[1]}")
        elif prefix == "disagree":
            self.stdout.write(f"{'':11}unjudged")

    def cases(self, suite, outcomes):
        self.stdout.write(f"\n== {suite}: {len(outcomes)} cases")
        for o in outcomes:
            if o.verdict and o.verdict[0] == "n/a":
                self.line(o, "n/a")
            elif o.agree:
                # A verdict on an agreeing case is left from an earlier analyzer: the case was fixed since.
                self.line(o._replace(verdict=()), "agree" if not o.verdict else "agree*")
            else:
                self.line(o, "disagree")
        if any(o.agree and o.verdict and o.verdict[0] != "n/a" for o in outcomes):
            self.stdout.write("  (agree*: judged as a disagreement earlier, agrees with the current analyzer)")

    def golden(self, peer_dir, verdicts, size, seed):
        path = peer_dir / peers.FILES["golden_corpus"]
        if not path.exists():
            return f"golden_corpus: not found at {path}; skipped"
        outcomes, g = peers.evaluate_golden(peers.load_json(path)["entries"], verdicts, size, seed)
        misses = [o for o in outcomes if not o.agree]
        sampled = peers.stable_sample(misses, size, lambda o: o.key, seed)
        t = peers.tally(sampled)
        self.stdout.write(f"\n== golden_corpus: {len(outcomes)} entries (word, gold stem), {g['words']} distinct words")
        self.stdout.write(f"  words meeting their gold stem: {len(outcomes) - len(misses)} of {len(outcomes)}")
        self.stdout.write(f"  grouping over the gold stems: recall {g['recall']:.3f} ({g['met']} of {g['peer_pairs']} "
                          f"gold pairs meet), precision {g['precision']:.3f} ({g['archive_pairs'] - len(g['apart'])} "
                          f"of {g['archive_pairs']} meeting pairs share a gold stem)")
        self.stdout.write(f"  sample of {len(sampled)} of the {len(misses)} words missing their gold stem:")
        for o in sampled:
            self.line(o, "disagree")
        self.stdout.write(f"  meeting pairs the gold keeps apart ({len(g['apart'])}, up to {size} shown):")
        for o in g["apart_sample"]:
            self.line(o, "disagree")
        a = peers.tally(g["apart_sample"])
        return (f"golden_corpus: {len(outcomes) - len(misses)} agree / {len(misses)} disagree (words vs gold stem), "
                f"in a sample of {t['disagree']}: archive wrong {t['wrong']} (right on purpose {t['right']}, "
                f"unclear {t['unclear']}, unjudged {t['unjudged']}); grouping recall {g['recall']:.3f}, "
                f"precision {g['precision']:.3f} (pairs the gold keeps apart: {a['disagree']}, archive wrong "
                f"{a['wrong']}, unjudged {a['unjudged']})")

    def snowball(self, peer_dir, verdicts, size, seed):
        path = peer_dir / peers.FILES["snowball"]
        if not path.exists():
            return f"snowball: not found at {path}; skipped"
        s = peers.evaluate_snowball(peers.load_json(path)["pairs"], verdicts, size, seed)
        verdict = "meets" if s["recall"] >= peers.SNOWBALL_TARGET else "below"
        self.stdout.write(f"\n== snowball: {s['words']} words")
        self.stdout.write(f"  Snowball's pairs (same Snowball stem) that meet in the archive: {s['met']} of "
                          f"{s['peer_pairs']} = {s['recall']:.1%} ({verdict} the target of at least "
                          f"{peers.SNOWBALL_TARGET:.0%})")
        self.stdout.write(f"  meeting pairs in the archive: {s['archive_pairs']}, of which Snowball keeps "
                          f"{len(s['apart'])} apart; with equal archive stems and different Snowball stems: "
                          f"{len(s['new_equal'])}")
        self.stdout.write(f"  sample of {len(s['sample'])} of these {len(s['new_equal'])} for hand judgement "
                          "(archive right = the same word):")
        for o in s["sample"]:
            self.line(o, "disagree")
        t = peers.tally(s["sample"])
        return (f"snowball: {s['met']} agree / {s['peer_pairs'] - s['met']} disagree (Snowball's pairs), share "
                f"{s['recall']:.1%} against a target of {peers.SNOWBALL_TARGET:.0%}; archive-only pairs "
                f"{len(s['new_equal'])}, in a sample of {t['disagree']}: archive wrong {t['wrong']} (right "
                f"{t['right']}, unclear {t['unclear']}, unjudged {t['unjudged']})")
