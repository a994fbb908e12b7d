"""Known names (people and places with their aliases) read in queries, completed as typed, and offered when misspelled.

Pure text logic, no Django: search.entity_store builds an EntityMatcher from the
database, search.evaluation from the judged collection.

A name is matched on its written form, normalized (arabic.normalize:
hamza, ى/ي, ة/ه, tashkeel, Latin case) and Latin accents folded, never on its
stem: جبلة (Jableh) must not be read in جبل (mountain), nor سورية (Syria) in
سوري (Syrian). A one-letter clitic (و ف ب ك ل, two of them, or لل for ل + ال)
may be glued to the first word, and is removed only when what remains is a
known name, so ordinary words are read exactly as before.
"""
from bisect import bisect_left
from dataclasses import dataclass, replace

from arabic import chain
from arabic.letters import ARABIC_LETTERS, ONE_LETTER_CLITICS
from .query import Named, Phrase, Word

FACETS = {"person": "actor", "place": "city"}
SUGGESTIONS = 8


@dataclass(frozen=True)
class Entity:
    """A person or a place the archive knows, with every way it is written (`names`)."""

    type: str  # "person" or "place"
    id: int
    slug: str
    name: str
    name_en: str = ""
    role: str = ""
    role_en: str = ""
    names: tuple = ()

    @property
    def facet(self):
        return FACETS[self.type]

    def ref(self):
        return {"type": self.type, "slug": self.slug, "name": self.name, "name_en": self.name_en}


tokens_of = chain.name_words  # a name's normalized, folded words
readings = chain.clitic_readings  # a first word, then what it reads as without a clitic


def name_key(text):
    """The key a written name is matched by: its normalized, folded words."""
    return tuple(tokens_of(text))


def _contains(outer, inner):
    return any(outer[i:i + len(inner)] == inner for i in range(len(outer) - len(inner) + 1))


def options_for(keys):
    """Word and Phrase nodes that find the names `keys` in documents, without redundant phrases.

    A phrase that holds another option (جون كيري holds كيري) finds nothing more and would
    count the same mention twice. A phrase whose first word is one or two letters
    (دي ميستورا) is also searched with a clitic glued to it (ودي ميستورا): the index keeps
    no clitic reading of words that short.
    """
    found = {}
    for key in keys:
        stems = chain.name_stems(key)
        if stems and all(stems):
            found.setdefault(stems, " ".join(key))
    kept = [s for s in found if not any(o != s and _contains(s, o) for o in found)]
    nodes = []
    for stems in sorted(kept, key=lambda s: (len(s), s)):
        if len(stems) == 1:
            nodes.append(Word(stems[0], found[stems]))
            continue
        nodes.append(Phrase(stems, found[stems]))
        if len(stems[0]) <= 2 and stems[0][0] in ARABIC_LETTERS:
            nodes.extend(Phrase((glue + stems[0],) + stems[1:], found[stems]) for glue in ONE_LETTER_CLITICS)
    return tuple(nodes)


def distance(a, b, limit):
    """Levenshtein distance of a and b, or limit + 1 once it is certain to exceed limit."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        if min(current) > limit:
            return limit + 1
        previous = current
    return previous[-1]


class EntityMatcher:
    """Every name of every entity, keyed for recognition in queries, completion and spelling."""

    def __init__(self, entities):
        self.entities = list(entities)
        self.by_key = {}  # name key -> indexes of the entities written so
        self.written = {}  # name key -> the name as an editor wrote it
        self.options = []  # per entity: its Word/Phrase nodes
        self.by_link = {}  # (facet, id) -> index
        completions = set()
        for index, entity in enumerate(self.entities):
            keys = []
            for written in (entity.name, entity.name_en, *entity.names):
                key = name_key(written)
                if not key or key in keys or (len(key) == 1 and (key[0] in chain.FUNCTION_WORDS or len(key[0]) < 2)):
                    continue
                keys.append(key)
                self.written.setdefault(key, written.strip())
                self.by_key.setdefault(key, []).append(index)
                surface = " ".join(key)
                completions.add((surface, index, key))
                if surface.startswith("ال") and len(surface) > 3:  # الأسد is also typed اسد
                    completions.add((surface[2:], index, key))
            self.options.append(options_for(keys))
            self.by_link[(entity.facet, entity.id)] = index
        self.completions = sorted(completions)
        self.longest = max((len(key) for key in self.by_key), default=0)

    def __len__(self):
        return len(self.entities)

    # -- recognition in queries ---------------------------------------------------

    def lookup(self, tokens):
        """Indexes of the entities these query tokens name (a clitic on the first allowed), or ()."""
        if not tokens or len(tokens) > self.longest:
            return ()
        rest = tuple(tokens[1:])
        for number, reading in enumerate(readings(tokens[0])):
            found = self.by_key.get((reading,) + rest)
            # a bare two-letter remainder (ودي → دي) only counts inside a longer name
            if found and (number == 0 or rest or len(reading) >= 3):
                return tuple(found)
        return ()

    def named(self, original, found):
        options = tuple(dict.fromkeys(node for index in found for node in self.options[index]))
        entities = [self.entities[index] for index in found]
        return Named(original, options, tuple((e.facet, e.id) for e in entities), tuple(e.name for e in entities))

    def recognize(self, items):
        """The parser's items (query.Term, query.Operator) with known names read as Named nodes.

        Consecutive bare words may form one name (جون كيري، دير الزور), longest first; a
        quoted phrase or an excluded word is a name only as a whole.
        """
        out, run = [], []
        for item in items:
            if item.loose:
                run.append(item)
                continue
            out.extend(self._names_in(run))
            run = []
            text = item.name_text()
            if text is not None:
                found = self.lookup(tokens_of(text))
                if found:
                    item = replace(item, node=self.named(text, found))
            out.append(item)
        out.extend(self._names_in(run))
        return out

    def _names_in(self, terms):
        words = [tokens_of(term.name_text()) for term in terms]
        out, start = [], 0
        while start < len(terms):
            best, flat = None, []
            for end in range(start + 1, len(terms) + 1):  # no name is longer than self.longest words
                flat = flat + words[end - 1]
                if len(flat) > self.longest:
                    break
                found = self.lookup(flat)
                if found:
                    best = (end, found)
            if best:
                end, found = best
                text = " ".join(term.name_text() for term in terms[start:end])
                out.append(replace(terms[start], node=self.named(text, found)))
                start = end
            else:
                out.append(terms[start])
                start += 1
        return out

    def interpret(self, query):
        """How the query's names were read: [{text, entity: {type, slug, name, name_en}, excluded}]."""
        return [{"text": text, "entity": self.entities[self.by_link[link]].ref(), "excluded": excluded}
                for excluded, nodes in ((False, query.required), (True, query.excluded))
                for node in nodes for text, link in node.name_links()]

    def entity(self, type_, slug):
        return next((e for e in self.entities if e.type == type_ and e.slug == slug), None)

    # -- completion and spelling -------------------------------------------------

    def complete(self, text, limit=SUGGESTIONS):
        """[(entity, name as written)] whose names start with `text` (either script, normalized)."""
        prefix = " ".join(tokens_of(text))
        if not prefix:
            return []
        ranked = []
        at = bisect_left(self.completions, (prefix,))
        while at < len(self.completions) and self.completions[at][0].startswith(prefix):
            surface, index, key = self.completions[at]
            ranked.append((surface != prefix, len(surface), self.entities[index].name, index, key))
            at += 1
        out, seen = [], set()
        for *_, index, key in sorted(ranked):
            if index not in seen:
                seen.add(index)
                out.append((self.entities[index], self.written[key]))
            if len(out) == limit:
                break
        return out

    def closest(self, text):
        """The known name nearest to a misspelled one (لافرف → لافروف, Lavrof → Lavrov), or ""."""
        tokens = tokens_of(text)
        if not tokens or self.lookup(tokens):
            return ""
        best = None
        for reading in readings(tokens[0]):
            target = " ".join([reading] + tokens[1:])
            if len(target) < 4:
                continue
            limit = 1 if len(target) < 7 else 2
            for key, written in self.written.items():
                surface = " ".join(key)
                gap = distance(surface, target, limit)
                if gap <= limit and (best is None or (gap, written) < best):
                    best = (gap, written)
        return best[1] if best else ""
