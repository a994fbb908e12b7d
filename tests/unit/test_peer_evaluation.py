"""Tests of the peer-suite evaluation: meet semantics, pair shares, verdict lookup, and the command."""
from io import StringIO

import pytest
from django.core.management import call_command

from search.evaluation import peers
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
    for suite in peers.SUITES:
        for key, (verdict, reason) in verdicts.get(suite, {}).items():
            assert "#" in key and verdict in peers.VERDICT_NAMES and reason.strip()


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
