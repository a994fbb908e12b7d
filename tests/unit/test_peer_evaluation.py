"""Tests of the peer-suite evaluation: meet semantics, pair shares, verdict lookup, baselines, and the command."""
import shutil
import subprocess
import sys
from io import StringIO
from pathlib import Path
from typing import NamedTuple

import pytest
from django.conf import settings
from django.core.management import call_command

from search.evaluation import peers, revision
from search.evaluation.peers import Form
from search.management.commands.evaluate_analysis import default_peer_dir


def hand(key, *others):
    """A form built by hand: one token, its query stem and further index readings."""
    return Form((key,), frozenset([(key,)] + [(o,) for o in others]))


# Made-up stems: these tests are about the arithmetic, not about the current stemmer.
PLAIN, CLITIC, OTHER = hand("aa"), hand("baa", "aa"), hand("cc")


def test_a_query_finds_a_document_through_any_of_its_index_readings():
    assert peers.finds(PLAIN, CLITIC)
    assert not peers.finds(CLITIC, PLAIN)


@pytest.mark.parametrize("a, b, met", [
    (PLAIN, PLAIN, True),      # equal stems
    (PLAIN, CLITIC, True),     # one direction is enough
    (CLITIC, PLAIN, True),
    (PLAIN, OTHER, False),
    (Form(("aa", "cc"), frozenset({("aa", "cc")})), PLAIN, False),  # a phrase never meets a word
    (Form((), frozenset({()})), Form((), frozenset({()})), True),    # two empty analyses (an empty term)
])
def test_meet_is_either_query_finding_the_other(a, b, met):
    assert peers.meet(a, b) is met


def test_form_reads_the_archive_analysis_per_token():
    # Pairs the project's own stemmer tests guarantee: a clitic reading meets, a different word does not.
    assert peers.meet(peers.form("حلب"), peers.form("بحلب"))
    assert not peers.meet(peers.form("وزارة"), peers.form("زار"))
    assert peers.form("عند حلب", drop_stopwords=True).key == peers.form("حلب").key


@pytest.mark.parametrize("kind, source, expected, agree", [
    ("normalization", "مُدُنٌ", "مدن", True),
    ("normalization", "أمر", "ءمر", False),            # a bare-hamza convention is not the archive's
    # punctuation tokens vanish on both sides
    ("tokenize", "صرّحَ: نعم.", ["صرّحَ", ":", "نعم", "."], True),
    ("tokenize", "صرح نعم", ["صرح"], False),
    ("stem", "بحلب", "حلب", True),
    ("analyzer", "عند حلب", ["حلب"], True),             # a whole analyzer drops stopwords
    ("stem", "عند حلب", ["حلب"], False),                # a stem filter alone keeps them
])
def test_judge_case_by_kind(kind, source, expected, agree):
    case = {"test": "t", "kind": kind, "input": source, "expected": expected}
    assert peers.judge_case(case)[0] is agree


def test_the_peers_own_grouping_counts_when_the_expected_output_is_not_a_word():
    cases = [{"test": "g", "kind": "analyzer", "input": w, "expected": ["xx"]} for w in ("حلب", "بحلب")]
    cases.append({"test": "h", "kind": "analyzer", "input": "جنيف", "expected": ["xx"]})  # another test
    outcomes = peers.evaluate_cases("s", cases, {})
    assert [o.agree for o in outcomes] == [True, True, False]
    assert "peer's grouping" in outcomes[0].shown


def test_one_spelling_twice_is_no_group():
    cases = [{"test": "g", "kind": "stem", "input": w, "expected": "xx"} for w in ("حلب", "حَلَب")]
    assert not any(o.agree for o in peers.evaluate_cases("s", cases, {}))


def test_pairs_and_shares():
    assert peers.peer_pairs([[0, 1, 2], [2, 3], [3]]) == {(0, 1), (0, 2), (1, 2), (2, 3)}
    forms = [PLAIN, CLITIC, hand("aa"), OTHER]
    equal, met = peers.archive_pairs(forms)
    assert equal == {(0, 2)}
    assert met == {(0, 2), (0, 1), (1, 2)}  # CLITIC's reading aa meets both plain forms
    g = peers.grouping(["w0", "w1", "w2", "w3"], [[0, 1], [2, 3]], forms)
    assert (g["peer_pairs"], g["met"], g["archive_pairs"]) == (2, 1, 3)
    assert g["recall"] == 0.5 and g["precision"] == pytest.approx(1 / 3)
    assert g["new_equal"] == [(0, 2)] and g["apart"] == [(0, 2), (1, 2)]
    assert peers.share(set(), set()) == 1.0


def test_vocabulary_keeps_first_spelling_and_every_label():
    vocab = peers.vocabulary([("a", "x"), ("b", "x"), ("a", "y")])
    assert vocab == [("a", {"x", "y"}), ("b", {"x"})]
    assert sorted(peers.grouped(vocab)) == [[0], [0, 1]]


def test_keys_hash_the_words_and_never_hold_them():
    case = {"test": "testX", "input": "موسكو", "expected": "موسك"}
    key = peers.case_key(case)
    assert key.startswith("testX#") and len(key.split("#")[1]) == 8 and "موسك" not in key
    assert key != peers.case_key(dict(case, expected="موسكو"))  # one input, two configurations
    assert peers.pair_key("a", "b") == peers.pair_key("b", "a")


def test_verdict_lookup_and_tally():
    verdicts = {"s": {"k1": ["wrong", "why"], "k2": ["n/a", "a peer feature"]}}
    assert peers.lookup(verdicts, "s", "k1") == ("wrong", "why")
    assert peers.lookup(verdicts, "s", "k9") == () and peers.lookup(verdicts, "t", "k1") == ()
    outcomes = [peers.Outcome("s", k, "t", agree, "", peers.lookup(verdicts, "s", k))
                for k, agree in [("k1", False), ("k2", False), ("k3", False), ("k4", True)]]
    t = peers.tally(outcomes)
    assert (t["agree"], t["disagree"], t["wrong"], t["unjudged"], t["n/a"]) == (1, 2, 1, 1, 1)


def test_the_stored_verdicts_are_well_formed():
    verdicts = peers.load_verdicts()
    assert set(verdicts) <= {"about", *peers.VERDICT_SECTIONS}
    for suite in peers.VERDICT_SECTIONS:
        for key, (verdict, reason) in verdicts.get(suite, {}).items():
            assert "#" in key and verdict in peers.VERDICT_NAMES and reason.strip()


def test_stale_verdicts_are_the_judged_keys_that_left_the_set():
    verdicts = {"s": {"pair#1": ["right", "r"], "pair#2": ["wrong", "w"]}}
    assert peers.stale(verdicts, "s", ["pair#2", "pair#3"]) == ["pair#1"]
    assert peers.stale(verdicts, "t", []) == []


def test_stable_sample_keeps_its_members_when_others_are_added():
    items = [f"i{n}" for n in range(100)]
    first = peers.stable_sample(items, 10, str)
    assert len(first) == 10 and first == peers.stable_sample(list(reversed(items)), 10, str)
    later = peers.stable_sample(items + [f"j{n}" for n in range(5)], 10, str)
    assert len(set(first) & set(later)) >= 5


def test_command_skips_a_missing_folder(tmp_path):
    out = StringIO()
    call_command("evaluate_analysis", "--peer-dir", str(tmp_path / "none"), stdout=out)
    assert out.getvalue().startswith(f"peer cases not found at {tmp_path / 'none'}; skipped")


def test_command_prints_a_summary_line_per_suite():
    if not default_peer_dir().is_dir():
        pytest.skip(f"peer cases not found at {default_peer_dir()}")
    out = StringIO()
    call_command("evaluate_analysis", "--sample", "5", stdout=out)
    summary = out.getvalue().split("\nSummary", 1)[1].splitlines()
    for suite in peers.SUITES:
        assert any(line.startswith(f"{suite}: ") and " agree / " in line for line in summary), suite


# --- a baseline analyzer: pairs that meet now and did not before --------------------------------

class Word(NamedTuple):
    text: str


# A made-up analyzer: one token per word, stems cut to two letters (before) against whole words.
WHOLE = peers.Analyzer(lambda t: [Word(w) for w in t.split()], str, lambda w: (w,), frozenset())
CUT = WHOLE._replace(stem=lambda w: w[:2], index_stems=lambda w: (w[:2],))


def test_form_takes_another_analyzer():
    assert peers.form("abc de", analyzer=CUT) == Form(("ab", "de"), frozenset({("ab", "de")}))


def test_newly_met_pairs_against_a_baseline():
    vocab = [("abc", {"x"}), ("abd", {"x"}), ("abc", {"y"}), ("zz", {"y"})]
    # now: whole words (0 and 2 meet); before: two letters (0, 1, 2 all meet)
    b = peers.newly_met(vocab, [peers.form(w, analyzer=WHOLE) for w, _ in vocab], CUT, {}, 5)
    assert b["new"] == [] and b["lost"] == [(0, 1), (1, 2)]
    assert (b["met_before"], b["recall_before"]) == (1, 0.5)  # the peer's pairs: (0, 1) and (2, 3)
    b = peers.newly_met(vocab, [peers.form(w, analyzer=CUT) for w, _ in vocab], WHOLE, {}, 5)
    assert b["new"] == [(0, 1), (1, 2)] and b["lost"] == [] and b["new_peer"] == 1
    assert [o.suite for o in b["sample"]] == [peers.BASELINE_SECTION] * 2
    assert all("(before: " in o.shown for o in b["sample"])


# Words of the project's own stemmer tests (never peer data): pairs joined since aa36977, and not.
VOCABULARY = ["حياة", "حياته", "حي", "وزير", "الوزراء", "قال", "قالوا", "حلب", "بحلب", "إعلام", "علم"]


def newly_met_words(before, words=VOCABULARY):
    """(new, lost) pairs of words: meeting now and not with `before` (a loaded package), and the reverse."""
    vocab = [(w, {w}) for w in words]
    result = peers.newly_met(vocab, [peers.form(w) for w in words], peers.Analyzer.of(before), {}, 50)
    return {(words[i], words[j]) for i, j in result["new"]}, {(words[i], words[j]) for i, j in result["lost"]}


def test_a_revision_is_imported_as_a_package_of_its_own():
    try:
        with revision.analyzer_at("HEAD", settings.BASE_DIR) as head:
            name, folder = head.__name__, Path(head.__file__).parent
            assert name != "arabic" and head.stem is not peers.CURRENT.stem
            assert folder.name == name and (folder / "stem.py").exists()
            assert sys.modules[name + ".stem"].stem is head.stem  # its relative imports resolved inside it
            assert head.stem("الحلب") == head.stem("حلب")
    except revision.Unavailable as error:
        pytest.skip(f"the analyzer of HEAD cannot be loaded: {error}")
    assert name not in sys.modules and not folder.exists()  # nothing left behind


def test_head_as_baseline_puts_no_pair_newly_together():
    changed = subprocess.run(["git", "-C", str(settings.BASE_DIR), "diff", "--quiet", "HEAD", "--", "arabic"],
                             capture_output=True, check=False) if shutil.which("git") else None
    if changed is None or changed.returncode not in (0, 1):
        pytest.skip("git is not available, or this is not a git checkout")
    if changed.returncode == 1:
        pytest.skip("arabic has uncommitted changes: HEAD is not the current analyzer")
    try:
        with revision.analyzer_at("HEAD", settings.BASE_DIR) as head:
            assert newly_met_words(head) == (set(), set())
    except revision.Unavailable as error:
        pytest.skip(f"the analyzer of HEAD cannot be loaded: {error}")


def test_the_documented_baseline_puts_inflected_forms_newly_together():
    try:
        with revision.analyzer_at("aa36977", settings.BASE_DIR) as before:
            new, _ = newly_met_words(before)
    except revision.Unavailable as error:
        pytest.skip(f"the analyzer of aa36977 cannot be loaded: {error}")
    assert {("حياة", "حياته"), ("وزير", "الوزراء"), ("قال", "قالوا")} <= new
    assert not new & {("حياته", "حي"), ("حي", "حياته"), ("حلب", "بحلب"), ("إعلام", "علم")}


def test_an_unknown_revision_is_unavailable():
    with pytest.raises(revision.Unavailable):
        with revision.analyzer_at("no-such-revision", settings.BASE_DIR):
            pass


def test_command_says_when_the_baseline_is_unavailable(tmp_path):
    out = StringIO()
    call_command("evaluate_analysis", "--peer-dir", str(tmp_path), "--baseline", "no-such-revision", stdout=out)
    text = out.getvalue()
    assert "baseline no-such-revision: not available (" in text
    assert f"{peers.BASELINE_SECTION}: the Snowball vocabulary not found; skipped" in text
