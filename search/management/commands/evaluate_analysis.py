"""manage.py evaluate_analysis: the Arabic analysis against other projects' suites, with hand verdicts on disagreements."""
from contextlib import ExitStack
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from search.analysis_version import ANALYSIS_VERSION
from search.evaluation import peers, revision


def default_peer_dir():
    # The peer cases live beside the repository, never inside it (their licences and the brief say so).
    return (Path(settings.BASE_DIR) / ".." / "shared" / "peer_cases").resolve()


class Command(BaseCommand):
    help = ("Measure the archive's Arabic analysis against other projects' test data (Lucene, Elasticsearch, "
            "pyarabic, NLTK's Snowball tests, Lucene's broken plurals, a golden stem corpus, Snowball over a "
            "50k-word vocabulary). Each disagreement is printed with its hand verdict from "
            "search/evaluation/analysis_verdicts.json, or 'unjudged'. With --baseline REV, also the pairs "
            "of the Snowball vocabulary that meet now and did not with REV's arabic/.")
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("--peer-dir", type=Path, default=None, help="folder of the peer cases "
                            "(default: <repo>/../shared/peer_cases)")
        parser.add_argument("--sample", type=int, default=50, help="pairs and words sampled for hand judgement")
        parser.add_argument("--seed", default=peers.SEED, help="seed of the samples (stable across analyzer changes)")
        parser.add_argument("--baseline", metavar="REV", default=None,
                            help="a git revision whose arabic/ is the analyzer before the changes to "
                            "measure (aa36977 for analysis versions 10 and 11): the Snowball pairs that meet "
                            "now and did not then are counted and sampled for hand judgement")

    def handle(self, *args, peer_dir=None, sample=50, seed=peers.SEED, baseline=None, **options):
        peer_dir = Path(peer_dir) if peer_dir else default_peer_dir()
        if not peer_dir.is_dir():
            self.stdout.write(f"peer cases not found at {peer_dir}; skipped")
            return
        with ExitStack() as stack:
            before = self.baseline(stack, baseline) if baseline else None
            self.evaluate(peer_dir, sample, seed, before)

    def baseline(self, stack, rev):
        """(rev, Analyzer, its commit) of the baseline revision, or (rev, None, why) when it cannot be loaded."""
        try:
            package = stack.enter_context(revision.analyzer_at(rev, settings.BASE_DIR))
        except revision.Unavailable as error:
            return rev, None, str(error)
        return rev, peers.Analyzer.of(package), package.revision

    def evaluate(self, peer_dir, sample, seed, baseline):
        verdicts = peers.load_verdicts()
        self.stdout.write(f"Peer cases at {peer_dir}; analysis version {ANALYSIS_VERSION}; verdicts "
                          f"{peers.VERDICTS.name}; samples of {sample}, seed {seed!r}")
        if baseline and baseline[1] is None:
            self.stdout.write(f"baseline {baseline[0]}: not available ({baseline[2]}); the comparison is skipped")
        elif baseline:
            self.stdout.write(f"baseline {baseline[0]}: arabic/ of commit {baseline[2][:12]}, read with git "
                              "into a temporary package")
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
        summary.extend(self.snowball(peer_dir, verdicts, sample, seed, baseline))
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

    def stale(self, keys):
        # The sampled suites' counterpart of agree*: verdicts on words or pairs that left the set judged.
        if keys:
            self.stdout.write(f"  stale verdicts ({len(keys)}): judged earlier, no longer in this set with the "
                              f"current analyzer (fixed or changed since: drop them): {' '.join(keys)}")

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
        self.stale(g["stale"])
        a = peers.tally(g["apart_sample"])
        return (f"golden_corpus: {len(outcomes) - len(misses)} agree / {len(misses)} disagree (words vs gold stem), "
                f"in a sample of {t['disagree']}: archive wrong {t['wrong']} (right on purpose {t['right']}, "
                f"unclear {t['unclear']}, unjudged {t['unjudged']}); grouping recall {g['recall']:.3f}, "
                f"precision {g['precision']:.3f} (pairs the gold keeps apart: {a['disagree']}, archive wrong "
                f"{a['wrong']}, unjudged {a['unjudged']})")

    def snowball(self, peer_dir, verdicts, size, seed, baseline=None):
        """Summary lines: the snowball suite's, and with a baseline the new pairs' line."""
        path = peer_dir / peers.FILES["snowball"]
        rev, before, reason = baseline or (None, None, "")
        if not path.exists():
            return [f"snowball: not found at {path}; skipped"] + (
                [f"{peers.BASELINE_SECTION}: the Snowball vocabulary not found; skipped"] if rev else [])
        s = peers.evaluate_snowball(peers.load_json(path)["pairs"], verdicts, size, seed, before)
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
        self.stale(s["stale"])
        t = peers.tally(s["sample"])
        line = (f"snowball: {s['met']} agree / {s['peer_pairs'] - s['met']} disagree (Snowball's pairs), share "
                f"{s['recall']:.1%} against a target of {peers.SNOWBALL_TARGET:.0%}; archive-only pairs "
                f"{len(s['new_equal'])}, in a sample of {t['disagree']}: archive wrong {t['wrong']} (right "
                f"{t['right']}, unclear {t['unclear']}, unjudged {t['unjudged']})")
        if before is not None:
            return [line, self.newly_met(rev, s)]
        if rev:
            return [line, f"{peers.BASELINE_SECTION}: baseline {rev} not available ({reason}); skipped"]
        return [line]

    def newly_met(self, rev, s):
        """The pairs of the Snowball vocabulary the archive puts together since `rev`: counts, sample, share."""
        b, name = s["baseline"], peers.BASELINE_SECTION
        t, n = peers.tally(b["sample"]), len(b["sample"])
        self.stdout.write(f"\n== {name}: the Snowball vocabulary against the analyzer of {rev}")
        self.stdout.write(f"  Snowball's pairs that met with {rev}: {b['met_before']} of {s['peer_pairs']} = "
                          f"{b['recall_before']:.1%}; now {s['met']} = {s['recall']:.1%}")
        self.stdout.write(f"  pairs that meet now and did not with {rev}: {len(b['new'])} ({b['new_peer']} of them "
                          f"Snowball's pairs too); pairs that met then and no longer meet: {len(b['lost'])}")
        self.stale(b["stale"])
        if not n:
            self.stdout.write("  no new pairs to judge")
            return f"{name}: no pairs meet now and not with {rev} ({len(b['lost'])} no longer meet)"
        same = t["right"] / n
        self.stdout.write(f"  sample of {n} of the {len(b['new'])} new pairs for hand judgement "
                          "(archive right = the same word):")
        for o in b["sample"]:
            self.line(o, "disagree")
        verdict = "meets" if same >= peers.SAME_WORD_TARGET else "below"
        self.stdout.write(f"  the same word: {t['right']} of {n} = {same:.0%} ({verdict} the target of at least "
                          f"{peers.SAME_WORD_TARGET:.0%}; unclear and unjudged pairs count as not the same word)")
        return (f"{name}: {len(b['new'])} pairs meet now and not with {rev} ({b['new_peer']} Snowball's too; "
                f"{len(b['lost'])} no longer meet), in a sample of {n}: the same word {t['right']} = {same:.0%} "
                f"against a target of {peers.SAME_WORD_TARGET:.0%} (wrong {t['wrong']}, unclear {t['unclear']}, "
                f"unjudged {t['unjudged']})")
