"""Glued words: where scraped copy dropped the space between two words, find the words again.

الأممالمتحدة is الأمم + المتحدة, وزيرالخارجية is وزير + الخارجية, موحدوشامل is موحد + وشامل.
split_glued() answers on one normalized token: the normalized parts, or None. It works on
evidence only, from the lexicon in lexicon.txt (frequent words and names of the domain):

- every part is a lexicon word of three letters or more, which may carry the article ال; the
  first part may also carry a leading clitic (و ف ب ك ل, two of them, or لل for ل + ال), a later
  part only و (موحدوشامل, الأمنوالاستقرار); or a run of parts is a lexicon name of several words
  (ديرالزور), whose words need not be lexicon words on their own;
- the token has MIN_LETTERS to MAX_LETTERS letters and is not itself a lexicon word, with or
  without clitics (والمتحدة, للأمم stay whole);
- at a cut with no و and no article after it, both words have STRONG_PART letters and the second
  does not start like an ending of the first (ين ون ات ها هم ...); at a cut before a lone و, one
  of the two words has STRONG_PART letters;
- the split is the one with the fewest parts (names count as one), then the fewest clitic
  letters; when two different splits tie, the token stays whole.

Words such as رجال, احتلال, الاستقلال, سؤال, فالإدارة, موسكو never split: no two lexicon words
make them. Prefer no split to a wrong split: a glued pair of rare words stays glued.
Pure Python, no Django. tokenize() calls this once per distinct spelling (cached there).
"""

import os

from .letters import ARABIC_LETTERS, ARTICLE as _ARTICLE, LAM_ARTICLE_RUNS, PROCLITICS
from .normalize import normalize

__all__ = ["split_glued", "WORDS", "NAMES", "MIN_LETTERS", "MIN_PART"]

MIN_PART = 3      # letters of a part without its clitics and article
MIN_LETTERS = 7   # shorter tokens are never split
STRONG_PART = 4   # letters of each word at a cut without و or the article after it
MAX_PARTS = 4
MAX_LETTERS = 40  # longer runs of letters are not words (nor glued words): left alone, quickly

_LEXICON = os.path.join(os.path.dirname(os.path.abspath(__file__)), "lexicon.txt")


def _load(path=_LEXICON):
    words, names = set(), {}
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            line = line.split("#", 1)[0]
            parts = normalize(line).split()
            if len(parts) == 1 and len(parts[0]) >= MIN_PART:
                words.add(parts[0])
            elif len(parts) > 1 and all(len(p) >= MIN_PART for p in parts):
                names["".join(parts)] = tuple(parts)
    return frozenset(words), names


WORDS, NAMES = _load()
_TAILS = WORDS | {name[-1] for name in NAMES.values()}
_LONGEST_CHUNK = max(map(len, list(WORDS) + list(NAMES))) + 4  # with clitics and article

# Clitics a first part may carry: و/ف, then ب/ك/ل. (لل, for ل + ال, is handled apart.)
_FIRST_CLITICS = ("",) + PROCLITICS
_NEXT_CLITICS = ("", "و")
# A bare part may not start like an ending of the part before it: المدنيينفي is المدنيين في,
# not المدني + ينفي; مجتمعاتهم is not مجتمع + اتهم.
_SUFFIX_LIKE = ("ين", "ون", "ات", "ان", "يه", "يت", "ته", "ها", "هم", "هن", "نا", "كم")


def _core_letters(core):
    """Letters of a word without its article: the length that MIN_PART and STRONG_PART judge."""
    return len(core) - 2 if core.startswith(_ARTICLE) else len(core)


def _word(core):
    """Is `core` a lexicon word, or the article + a lexicon word, of MIN_PART letters or more
    without the article? (الا, الف, الذي never count: ال + one or two letters is too easy a match.)"""
    if _core_letters(core) < MIN_PART:
        return False
    return core in WORDS or (core.startswith(_ARTICLE) and core[2:] in WORDS)


def _name_letters(name):
    return _core_letters(name[0]), _core_letters(name[-1])


# How surely a chunk starts a new word: the article (or لل), a و, or nothing.
ARTICLE, WAW, BARE = 2, 1, 0


def _readings(chunk, clitics, lam_lam):
    """Each reading of `chunk` as clitics + a lexicon word or name.

    Yields (clitic letters, name words or None, letters of its first word, letters of its last
    word, mark): ARTICLE, WAW or BARE for what the chunk starts with."""
    for clitic in clitics:
        if chunk.startswith(clitic):
            core = chunk[len(clitic):]
            mark = ARTICLE if core.startswith(_ARTICLE) else WAW if clitic else BARE
            if _word(core):
                letters = _core_letters(core)
                yield len(clitic), None, letters, letters, mark
            elif core in NAMES:
                yield (len(clitic), NAMES[core]) + _name_letters(NAMES[core]) + (mark,)
            elif core.startswith(_ARTICLE) and core[2:] in NAMES:  # a name written with the article
                yield (len(clitic), NAMES[core[2:]]) + _name_letters(NAMES[core[2:]]) + (ARTICLE,)
    if lam_lam:
        for clitic in LAM_ARTICLE_RUNS:
            if chunk.startswith(clitic):
                core = chunk[len(clitic):]
                if len(core) >= MIN_PART and core in WORDS:
                    yield len(clitic), None, len(core), len(core), ARTICLE
                elif (_ARTICLE + core) in NAMES:  # للولايات المتحدة: لل + the name's ال
                    name = NAMES[_ARTICLE + core]
                    yield (len(clitic), name) + _name_letters(name) + (ARTICLE,)


def _chunks(word, start, first):
    """(end, cuts inside, clitic letters, first and last word letters, mark) of each chunk of
    `word` that starts at `start`: a lexicon word or name with its clitics."""
    n = len(word)
    clitics = _FIRST_CLITICS if first else _NEXT_CLITICS
    for end in range(start + MIN_PART, min(n, start + _LONGEST_CHUNK) + 1):
        if end < n and n - end < MIN_PART:
            continue
        chunk = word[start:end]
        for clitic_letters, name, head, tail, mark in _readings(chunk, clitics, first):
            inner = ()
            if name is not None:
                # the name's words, the first after the clitics (and article, if written)
                at = start + (len(chunk) - sum(len(p) for p in name))
                cuts = []
                for part in name[:-1]:
                    at += len(part)
                    cuts.append(at)
                inner = tuple(cuts)
            yield end, inner, clitic_letters, head, tail, mark


def _cut_allowed(word, at, before, head, mark):
    """May `word` be cut at `at`, between a word of `before` letters and one of `head` letters?

    Before the article, always. Before a و, when one of the two words has STRONG_PART letters
    (مهمومهم is not مهم + ومهم). With nothing to mark the cut, when both have and the second
    does not start like an ending of the first (المدنيينفي is not المدني + ينفي)."""
    if mark == ARTICLE:
        return True
    if mark == WAW:
        return max(before, head) >= STRONG_PART
    return min(before, head) >= STRONG_PART and not word.startswith(_SUFFIX_LIKE, at)


def _segmentations(word, start, first, parts_left, before=0):
    """All ways to cut word[start:] into chunks: (cuts, chunk count, clitic letters).
    `before` is the letter count of the last word before `start`."""
    out = []
    for end, inner, clitic_letters, head, tail, mark in _chunks(word, start, first):
        used = 1 + len(inner)
        if used > parts_left or not (first or _cut_allowed(word, start, before, head, mark)):
            continue
        if end == len(word):
            out.append((inner, 1, clitic_letters))
            continue
        for rest, count, letters in _segmentations(word, end, False, parts_left - used, tail):
            out.append((inner + (end,) + rest, count + 1, clitic_letters + letters))
    return out


def _may_end_in_a_chunk(word):
    """A quick necessary condition: some tail of `word` is a lexicon word or a name's last word,
    after a و or the article. Most long words fail it in a few set lookups."""
    tails = _TAILS
    for start in range(MIN_PART, len(word) - MIN_PART + 1):
        tail = word[start:]
        if tail in tails:
            return True
        if tail[0] == "و":
            tail = tail[1:]
            if tail in tails:
                return True
        if tail.startswith(_ARTICLE) and tail[2:] in tails:
            return True
    return False


def _known_whole(word):
    """Is the whole token a lexicon word, possibly with clitics (وبالمتحدة, للأمم)?"""
    return any(reading[1] is None for reading in _readings(word, _FIRST_CLITICS, True))


def split_glued(word):
    """The normalized parts of a glued token (a tuple of two or more), or None to keep it whole."""
    if not MIN_LETTERS <= len(word) <= MAX_LETTERS or word[0] not in ARABIC_LETTERS:
        return None
    if not _may_end_in_a_chunk(word) or _known_whole(word):
        return None
    found = [s for s in _segmentations(word, 0, True, MAX_PARTS) if s[0]]
    if not found:
        return None
    best = min((count, letters) for _, count, letters in found)
    cuts = {bounds for bounds, count, letters in found if (count, letters) == best}
    if len(cuts) != 1:
        return None  # two different readings: keep the token whole
    bounds = (0,) + cuts.pop() + (len(word),)
    return tuple(word[a:b] for a, b in zip(bounds, bounds[1:]))
