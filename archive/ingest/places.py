"""Finding gazetteer names in a tokenized body (clitic-aware phrase matching) and the places it mentions."""

from dataclasses import dataclass, field
from functools import lru_cache

from arabic import FUNCTION_WORDS, chain, normalize
from arabic.letters import ARTICLE, LAM_ARTICLE_RUNS, PROCLITICS as CLITIC_RUNS

# One-letter proclitics and their stacks, as Arabic news writes them before a name:
# وحلب، فحلب، بحلب، لحلب، كحلب، وبحلب، ولحلب ... (normalized, so و/ف/ب/ل/ك only).
PROCLITICS = ("",) + CLITIC_RUNS
_TANWEEN_FATH = "\u064b"

# Words that introduce where something was said: في جنيف، من بروكسل، خلال زيارته إلى موسكو.
_WHERE_WORDS = frozenset(normalize(w) for w in "في من خلال الى إلى لدى أمام داخل".split())
_VISIT_WORDS = frozenset(normalize(w) for w in "زيارة زيارته زيارتها جولة جولته جولتها".split())


@lru_cache(maxsize=1 << 17)
def phrase_tokens(text):
    """The normalized word tokens of a name, as the body's tokens will read.

    Remembered: an import rebuilds its gazetteer whenever an article names someone new, and
    reads the same thousands of names each time.
    """
    return tuple(t.text for t in chain.words(text))


@dataclass(frozen=True)
class Match:
    """A gazetteer phrase found in the body: tokens [i, j), the entry key, and how it matched."""

    i: int
    j: int
    key: str
    weak: bool = False
    prefix: str = ""


@dataclass
class PhraseIndex:
    """Names (token tuples) of keyed entries, matched whole and with proclitics on the first word.

    Whole tokens only: كيري never matches inside كيربي. `bare_article` also lets a name written
    with the article match without it (الفوعة / فوعة), which suits place names.
    """

    bare_article: bool = False
    place_names: bool = False  # then a form that reads as an adjective (روسيًا) is not the name
    _first: dict = field(default_factory=dict)
    # A first word's entries by length and following words, built when first read: a common
    # first name (محمد) heads hundreds of names once an archive has learnt its speakers.
    _tables: dict = field(default_factory=dict, repr=False, compare=False)

    def __getstate__(self):
        return {**self.__dict__, "_tables": {}}  # rebuilt where it is read

    def _table(self, form):
        """[(length, {following words: entries in order})] of the names a form begins, longest first."""
        table = self._tables.get(form)
        if table is None:
            if form not in self._first:
                return ()
            by_length = {}
            for entry in self._first[form]:
                by_length.setdefault(len(entry[0]), {}).setdefault(entry[0][1:], []).append(entry)
            table = self._tables[form] = sorted(by_length.items(), key=lambda item: -item[0])
        return table

    def add(self, name, key, weak=False):
        self.add_words(phrase_tokens(name), key, weak)

    def add_words(self, words, key, weak=False):
        """Add a name given as its normalized words."""
        if not words:
            return
        for form, prefix in _first_forms(words[0], self.bare_article):
            self._first.setdefault(form, []).append((words, key, weak, prefix))
            self._tables.pop(form, None)

    def put(self, name, key, weak=False):
        """Add a name, or give the entry it already has this key and weakness, in its place."""
        self.put_words(phrase_tokens(name), key, weak)

    def put_words(self, words, key, weak=False):
        if not words:
            return
        for form, prefix in _first_forms(words[0], self.bare_article):
            entries = self._first.setdefault(form, [])
            self._tables.pop(form, None)
            at = next((n for n, entry in enumerate(entries) if entry[0] == words), None)
            if at is None:
                entries.append((words, key, weak, prefix))
            else:
                entries[at] = (words, key, weak, prefix)

    def discard_words(self, words):
        """Remove the entry of a name given as its normalized words, if there is one."""
        if not words:
            return
        for form, _ in _first_forms(words[0], self.bare_article):
            entries = [entry for entry in self._first.get(form, ()) if entry[0] != words]
            self._tables.pop(form, None)
            if entries:
                self._first[form] = entries
            else:
                self._first.pop(form, None)

    def find(self, tokens, body):
        """Longest non-overlapping matches, left to right, as a list of Match."""
        out, i, n = [], 0, len(tokens)
        while i < n:
            best = None
            for length, following in self._table(tokens[i].text):
                j = i + length
                if j > n:
                    continue
                entries = following.get(tuple(tokens[k].text for k in range(i + 1, j)))
                if entries and _joined(tokens, body, i, j):
                    # the longest name; of its spellings, the first that is not a weak reading
                    _, key, weak, prefix = next((entry for entry in entries if not entry[2]), entries[0])
                    best = Match(i, j, key, weak, prefix)
                    break
            if best is not None and not (self.place_names and _adjective_reading(tokens[best.j - 1])):
                out.append(best)
                i = best.j
            else:
                i += 1
        return out


@lru_cache(maxsize=1 << 16)
def _first_forms(word, bare_article):
    """(spelling, proclitic) of a name's first word with each proclitic it may carry."""
    forms = {p + word: p for p in PROCLITICS}
    if word.startswith(ARTICLE) and len(word) > 3:
        rest = word[len(ARTICLE):]
        # ل + ال is written لل (للأسد = ل + الأسد): the proclitics are the run less the article (ولل: ول)
        forms.update((p + rest, p[:-1]) for p in LAM_ARTICLE_RUNS)
        if bare_article and len(rest) >= 4:
            forms.update((p + rest, p) for p in PROCLITICS if p + rest not in forms)
    return tuple(forms.items())


def _joined(tokens, body, i, j):
    """A multi-word name must not run across punctuation (دير، الزور is two things)."""
    return all(not body[tokens[k - 1].end:tokens[k].start].strip() for k in range(i + 1, j))


def _adjective_reading(token):
    """روسيًا with tanween is the accusative adjective "Russian", not the country روسيا."""
    return token.text.endswith("ا") and _TANWEEN_FATH in token.original


def mentioned_places(matches):
    """Keys of the places matched, in order of first mention, each once."""
    return list(dict.fromkeys(m.key for m in matches if not m.weak))


def place_of_saying(tokens, matches, lo, hi, excluded=()):
    """The place a sentence says a statement was made at, looking in tokens [lo, hi).

    A place counts when a preposition of location governs it (في جنيف، من بروكسل، بجنيف،
    في لقاء بكين) or it follows a visit (خلال زيارته إلى موسكو). Places inside a role or
    name (المبعوث الخاص إلى سوريا) are passed in `excluded` as token ranges and skipped.
    """
    for m in matches:
        if m.weak or not (lo <= m.i < hi) or any(a <= m.i < b for a, b in excluded):
            continue
        if "ب" in m.prefix:  # بجنيف
            return m.key
        before = [tokens[k].text for k in range(max(lo, m.i - 3), m.i)]
        if before and before[-1] in _WHERE_WORDS:
            return m.key
        if len(before) >= 2 and before[-2] in _WHERE_WORDS and before[-1] not in FUNCTION_WORDS:
            return m.key  # في لقاء بكين، في مؤتمر جنيف
        if any(w in _VISIT_WORDS for w in before):
            return m.key
    return None
