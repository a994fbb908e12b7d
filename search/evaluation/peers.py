"""The archive's Arabic analysis against other projects' test suites, read at run time from outside the repository."""
# Peer data is never copied into the project: the cases are read from the peer folder on each run,
# and hand verdicts (analysis_verdicts.json) are keyed by a test name and a short hash, not by words.
# No Django here: arabic is pure Python, so tests can call everything directly.
import hashlib
import json
from collections import defaultdict
from itertools import combinations, product
from pathlib import Path
from typing import NamedTuple

from arabic import STOPWORDS, index_stems, normalize, stem, tokenize

VERDICTS = Path(__file__).with_name("analysis_verdicts.json")
CASE_SUITES = ("lucene", "elasticsearch", "pyarabic", "nltk_snowball", "broken_plural")
SUITES = CASE_SUITES + ("golden_corpus", "snowball")
RESULTS_FILE = "peer_analyzer_results.json"  # the earlier run; the only local copy of four suites' cases
FILES = {"nltk_snowball": "nltk_snowball_arabic.json", "golden_corpus": "golden_corpus_arabic.json",
         "snowball": "snowball_arabic.json"}
VERDICT_NAMES = {"right": "archive right on purpose", "wrong": "archive wrong", "unclear": "unclear",
                 "n/a": "not applicable"}
SNOWBALL_TARGET = 0.55
SAME_WORD_TARGET = 0.90  # share of the same word among sampled pairs the archive newly joins (--baseline)
BASELINE_SECTION = "snowball_new"  # verdicts on those pairs
VERDICT_SECTIONS = SUITES + (BASELINE_SECTION,)
SEED = "peers"


class Form(NamedTuple):
    """A text as the archive analyses it: its query stems (key) and every index reading of the whole text."""

    key: tuple
    readings: frozenset


class Analyzer(NamedTuple):
    """What the evaluation calls of an analyzer: the archive's current one, or an earlier revision's."""

    tokenize: object
    stem: object
    index_stems: object
    stopwords: frozenset

    @classmethod
    def of(cls, package):
        """From a package with arabic's public names (an earlier revision's, say)."""
        return cls(package.tokenize, package.stem, package.index_stems, package.STOPWORDS)


CURRENT = Analyzer(tokenize, stem, index_stems, STOPWORDS)


def form(text, drop_stopwords=False, analyzer=CURRENT):
    """The archive's analysis of a word or phrase: query stems per token, and the product of index stems."""
    a = analyzer
    tokens = [t.text for t in a.tokenize(text) if not (drop_stopwords and t.text in a.stopwords)]
    return Form(tuple(a.stem(t) for t in tokens), frozenset(product(*(a.index_stems(t) for t in tokens))))


def finds(query, document):
    """Whether the query's stems are, token by token, among the document's index stems (a phrase hit)."""
    return query.key in document.readings


def meet(a, b):
    """The earlier run's "meet": the query of either finds the other (equal stems are the plain case)."""
    return finds(a, b) or finds(b, a)


def describe(f):
    """A form for a human: its query stems, and its other index readings in brackets."""
    extra = sorted(" ".join(r) for r in f.readings if r != f.key)
    return (" ".join(f.key) or "(nothing)") + (f" [+{', '.join(extra)}]" if extra else "")


def digest(*parts):
    """Eight hex digits naming peer data without storing it."""
    return hashlib.sha1(json.dumps(parts, ensure_ascii=False).encode("utf-8")).hexdigest()[:8]


def case_key(case):
    # The expected output is hashed too: Lucene runs one input through two configurations.
    return f"{case['test']}#{digest(case['input'], case['expected'])}"


def pair_key(a, b):
    return f"pair#{digest(*sorted((a, b)))}"


def word_key(word, gold):
    return f"word#{digest(word, gold)}"


def _words(expected):
    return " ".join(expected) if isinstance(expected, list) else expected


def judge_case(case):
    """(agree, archive's input, archive's expected) for one peer case, by its kind."""
    kind, source, expected = case["kind"], case["input"], case["expected"]
    if kind == "normalization":
        left, right = normalize(source), normalize(_words(expected))
        return left == right, left, right
    if kind == "tokenize":
        # Each peer token through the archive's tokenizer: punctuation tokens vanish, as they should.
        left = [t.text for t in tokenize(source)]
        right = [t.text for e in expected for t in tokenize(e)]
        return left == right, " ".join(left), " ".join(right)
    # stem, analyzer, broken_plural: the analyses must meet. Only a whole analyzer drops stopwords.
    a, b = form(source, drop_stopwords=(kind == "analyzer")), form(_words(expected))
    return meet(a, b), describe(a), describe(b)


def _groups_together(case, cases):
    """The peer's own grouping: distinct words of one test with one output that the archive also puts together.

    Lucene's analyzer tests expect stems that are not words (an American nisba cut to a bare
    fragment); what they assert is that the two spellings conflate, which the archive can meet.
    """
    kin = [c["input"] for c in cases if c["test"] == case["test"] and c["expected"] == case["expected"]
           and c["kind"] not in ("normalization", "tokenize")]
    if len({normalize(w) for w in kin}) < 2:
        return False
    forms = [form(w, drop_stopwords=(case["kind"] == "analyzer")) for w in kin]
    return all(meet(a, b) for a, b in combinations(forms, 2))


class Outcome(NamedTuple):
    suite: str
    key: str
    label: str  # the peer test name, or "word" / "pair"
    agree: bool
    shown: str  # the words and the archive's forms, for the terminal only
    verdict: tuple  # (verdict, reason) from the verdicts file, or () when unjudged


def evaluate_cases(suite, cases, verdicts):
    """One Outcome per case of a case suite; agreements via the peer's grouping are marked as such."""
    out = []
    for case in cases:
        agree, left, right = judge_case(case)
        via = ""
        if not agree and _groups_together(case, cases):
            agree, via = True, " (via the peer's grouping)"
        key = case_key(case)
        shown = f"{case['input']} -> {left}  |  {_words(case['expected'])} -> {right}{via}"
        out.append(Outcome(suite, key, case["test"], agree, shown, lookup(verdicts, suite, key)))
    return out


def lookup(verdicts, suite, key):
    """(verdict, reason) for a key, or () when nobody has judged it."""
    entry = verdicts.get(suite, {}).get(key)
    return tuple(entry) if entry else ()


def tally(outcomes):
    """Counts for a summary line: n/a cases are left out of agree and disagree."""
    counts = {"agree": 0, "disagree": 0, "right": 0, "wrong": 0, "unclear": 0, "unjudged": 0, "n/a": 0}
    for o in outcomes:
        if o.verdict and o.verdict[0] == "n/a":
            counts["n/a"] += 1
        elif o.agree:
            counts["agree"] += 1
        else:
            counts["disagree"] += 1
            counts[o.verdict[0] if o.verdict else "unjudged"] += 1
    return counts


def stale(verdicts, suite, live):
    """Keys judged in a sampled suite that are no longer among its items (`live`): fixed or changed since."""
    return sorted(set(verdicts.get(suite, {})) - set(live))


def stable_sample(items, size, key, seed=SEED):
    """The `size` items with the smallest seeded hash: a pair stays sampled (and its verdict useful) while it exists."""
    return sorted(items, key=lambda item: hashlib.sha1(f"{seed}:{key(item)}".encode("utf-8")).digest())[:size]


# --- grouping: pairs of words a peer or the archive puts together -------------------------------

def peer_pairs(groups):
    """Index pairs (i < j) of words sharing a group; a word in several groups pairs with each."""
    pairs = set()
    for members in groups:
        pairs.update(combinations(sorted(set(members)), 2))
    return pairs


def archive_pairs(forms):
    """(equal, met): index pairs with equal query stems, and pairs that meet (equal or via an index reading)."""
    by_key = defaultdict(list)
    for i, f in enumerate(forms):
        by_key[f.key].append(i)
    equal = peer_pairs(by_key.values())
    met = set(equal)
    for i, f in enumerate(forms):
        for reading in f.readings:
            if reading != f.key:
                met.update((min(i, j), max(i, j)) for j in by_key.get(reading, ()) if j != i)
    return equal, met


def share(part, whole):
    return len(part) / len(whole) if whole else 1.0


def grouping(words, groups, forms):
    """Recall and precision of the archive's grouping against a peer's groups (lists of word indices)."""
    gold = peer_pairs(groups)
    equal, met = archive_pairs(forms)
    return {"words": len(words), "peer_pairs": len(gold), "met": len(gold & met), "archive_pairs": len(met),
            "recall": share(gold & met, gold), "precision": share(met & gold, met),
            "new_equal": sorted(equal - gold), "apart": sorted(met - gold)}


def vocabulary(rows):
    """Distinct words (first spelling wins) and the peer's labels for each: [(word, {labels})]."""
    index, out = {}, []
    for word, label in rows:
        if word not in index:
            index[word] = len(out)
            out.append((word, set()))
        out[index[word]][1].add(label)
    return out


def grouped(vocab):
    """Word indices per peer label."""
    groups = defaultdict(list)
    for i, (_, labels) in enumerate(vocab):
        for label in labels:
            groups[label].append(i)
    return list(groups.values())


# --- loading peer data and verdicts -------------------------------------------------------------

def load_json(path):
    with open(path, encoding="utf-8") as handle:
        return json.load(handle)


def load_verdicts(path=VERDICTS):
    return load_json(path) if Path(path).exists() else {}


def load_cases(peer_dir, suite):
    """A case suite's cases (test, kind, input, expected), or None when its file is absent."""
    path = Path(peer_dir) / FILES.get(suite, RESULTS_FILE)
    if not path.exists():
        return None
    data = load_json(path)
    rows = data if isinstance(data, list) else data.get(suite, [])
    # Only the peer's side of each row: the earlier run's outputs and verdicts are recomputed or re-judged.
    return [{k: row[k] for k in ("test", "kind", "input", "expected")} for row in rows]


def evaluate_golden(entries, verdicts, size, seed=SEED):
    """Words meeting their gold stem, and grouping over the gold stems; pairs the gold keeps apart sampled."""
    words = [(e["word"], e["stem"]) for e in entries]
    outcomes = []
    for word, gold in words:
        key = word_key(word, gold)
        a, b = form(word), form(gold)
        shown = f"{word} -> {describe(a)}  |  gold {gold} -> {describe(b)}"
        verdict = lookup(verdicts, "golden_corpus", key)
        outcomes.append(Outcome("golden_corpus", key, "word", meet(a, b), shown, verdict))
    vocab = vocabulary(words)
    result = grouping(vocab, grouped(vocab), [form(w) for w, _ in vocab])
    apart = stable_sample(result["apart"], size, lambda p: pair_key(vocab[p[0]][0], vocab[p[1]][0]), seed)
    result["apart_sample"] = pair_outcomes("golden_corpus", vocab, apart, verdicts)
    live = [o.key for o in outcomes if not o.agree] + [pair_key(vocab[i][0], vocab[j][0]) for i, j in result["apart"]]
    result["stale"] = stale(verdicts, "golden_corpus", live)
    return outcomes, result


def evaluate_snowball(rows, verdicts, size, seed=SEED, baseline=None):
    """Snowball's pairs met by the archive, and a sample of pairs only the archive puts together.

    With a baseline Analyzer, result["baseline"] compares the two over the same vocabulary (newly_met).
    """
    vocab = [v for v in vocabulary((word, snow) for word, snow, *_ in rows) if form(v[0]).key]
    forms = [form(w) for w, _ in vocab]
    result = grouping(vocab, grouped(vocab), forms)
    sample = stable_sample(result["new_equal"], size, lambda p: pair_key(vocab[p[0]][0], vocab[p[1]][0]), seed)
    result["sample"] = pair_outcomes("snowball", vocab, sample, verdicts)
    result["stale"] = stale(verdicts, "snowball", [pair_key(vocab[i][0], vocab[j][0]) for i, j in result["new_equal"]])
    if baseline is not None:
        result["baseline"] = newly_met(vocab, forms, baseline, verdicts, size, seed)
    return result


def newly_met(vocab, forms, baseline, verdicts, size, seed=SEED):
    """Pairs of one vocabulary that meet with the current forms and did not with the baseline analyzer.

    Also the reverse (pairs that no longer meet), the peer's share under the baseline, and a stable
    sample of the new pairs with verdicts from the BASELINE_SECTION (right = the same word).
    """
    gold = peer_pairs(grouped(vocab))
    _, now = archive_pairs(forms)
    _, before = archive_pairs([form(w, analyzer=baseline) for w, _ in vocab])
    new = sorted(now - before)
    sample = stable_sample(new, size, lambda p: pair_key(vocab[p[0]][0], vocab[p[1]][0]), seed)
    return {"new": new, "lost": sorted(before - now), "new_peer": len(gold.intersection(new)),
            "met_before": len(gold & before), "recall_before": share(gold & before, gold),
            "sample": pair_outcomes(BASELINE_SECTION, vocab, sample, verdicts, baseline),
            "stale": stale(verdicts, BASELINE_SECTION, [pair_key(vocab[i][0], vocab[j][0]) for i, j in new])}


def pair_outcomes(suite, vocab, pairs, verdicts, baseline=None):
    """Outcomes for sampled pairs the archive puts together and the peer keeps apart (agree=False).

    With a baseline Analyzer, each line also shows the two words' forms under it.
    """
    out = []
    for i, j in pairs:
        (a, la), (b, lb) = vocab[i], vocab[j]
        key = pair_key(a, b)
        shown = (f"{a} ({'/'.join(sorted(la))}) + {b} ({'/'.join(sorted(lb))}) -> "
                 f"{describe(form(a))}  |  {describe(form(b))}")
        if baseline is not None:
            shown += (f"  (before: {describe(form(a, analyzer=baseline))}  |  "
                      f"{describe(form(b, analyzer=baseline))})")
        out.append(Outcome(suite, key, "pair", False, shown, lookup(verdicts, suite, key)))
    return out
