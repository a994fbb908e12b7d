"""The known people, offices and places, indexed for finding them in text (built from plain dicts)."""

import json
from dataclasses import dataclass, field

from arabic import chain, normalize
from arabic.letters import ARTICLE

from .offices import office_of, role_stems
from .places import PhraseIndex, phrase_tokens
from .spelling import name_keys, word_key

_GOVERNMENT_WORDS = frozenset(normalize(w) for w in "حكومة الحكومة إدارة الإدارة".split())


@dataclass
class Gazetteer:
    """The known people and places, indexed for matching in text."""

    people: dict
    places: dict
    names: PhraseIndex
    place_names: PhraseIndex
    offices: list
    shared: dict  # a synthetic key -> the keys whose names all read this way (resolved by recency)
    governments: dict  # normalized country name -> the organisation that speaks for it
    sounds: PhraseIndex = None  # people's names by their transliteration-tolerant keys
    # What the name indexes were made of, kept so that people learnt later extend them (`learn`).
    owners: dict = field(default_factory=dict, repr=False)  # a name's words -> keys of those it names
    weak: dict = field(default_factory=dict, repr=False)  # a short form's words -> keys
    keyed: dict = field(default_factory=dict, repr=False)  # a spelling key -> keys of the people it spells

    @classmethod
    def from_dicts(cls, people, places, place_names=None):
        """`place_names`: the index a gazetteer of the same places built (they did not change)."""
        reuse = place_names is not None
        place_names = place_names if reuse else PhraseIndex(bare_article=True, place_names=True)
        for pl in () if reuse else places:
            for alias in _unique([pl["name"], *pl.get("aliases", ())]):
                place_names.add(alias, pl["key"])
        gazetteer = cls({}, {p["key"]: p for p in places}, PhraseIndex(), place_names, [], {}, {}, PhraseIndex())
        for p in people:
            gazetteer._take(p)
        for p in people:
            for form in _short_forms(p):
                gazetteer.weak.setdefault(form, set()).add(p["key"])
        for words in [*gazetteer.owners, *(w for w in gazetteer.weak if w not in gazetteer.owners)]:
            gazetteer._enter(words, fresh=True)
        for key in gazetteer.keyed:
            gazetteer._sound(key, fresh=True)
        return gazetteer

    def learn(self, added):
        """Learn people and aliases in place, as RunGazetteer records them (a person's dict; an
        alias as {"key", "name"}): the entries a build from every dict would hold, at the cost
        of what they change rather than of every name again."""
        names, sounds = set(), set()
        for entry in added:
            person = self.people.get(entry["key"])
            if person is None:
                named, sounded = self._take(entry)
                person = entry
            else:
                aliases = person.setdefault("aliases", [])
                if entry["name"] not in aliases:
                    aliases.append(entry["name"])
                named, sounded = self._name(person, [entry["name"]])
            names.update(named)
            sounds.update(sounded)
            for form in _short_forms(person):
                self.weak.setdefault(form, set()).add(person["key"])
                names.add(form)
        for words in names:
            self._enter(words)
        for key in sounds:
            self._sound(key)
        return self

    def _take(self, p):
        """A person's own entries: names, offices, the government it speaks for. (words, spelling keys) touched."""
        self.people[p["key"]] = p
        for pos in p.get("positions", ()):
            self.offices.append(office_of(p["key"], pos["title"], pos.get("start"), pos.get("end")))
        # a government with no country named speaks for no place (not for every place without one)
        if (p.get("kind") == "organisation" and p.get("affiliation")
                and set(phrase_tokens(p["name"])) & _GOVERNMENT_WORDS):
            self.governments.setdefault(normalize(p.get("affiliation", "")), p["key"])
        return self._name(p, [p["name"], *p.get("aliases", ())])

    def _name(self, p, aliases):
        names, sounds = set(), set()
        for alias in _unique(aliases):
            words = phrase_tokens(alias)
            self.owners.setdefault(words, set()).add(p["key"])
            names.add(words)
            if p.get("kind", "person") == "person":  # a key two people share matches neither
                for key in name_keys(words):
                    self.keyed.setdefault(key, set()).add(p["key"])
                    sounds.add(key)
        return names, sounds

    def _enter(self, words, fresh=False):
        """The names index's entry for these words: whose name they are, or whose short form.
        `fresh`: the index holds no entry for them yet (a build adds each once)."""
        keys, name = self.owners.get(words) or self.weak.get(words), " ".join(words)
        self.shared.pop("shared:" + name, None)
        key = next(iter(keys)) if len(keys) == 1 else "shared:" + name
        if len(keys) > 1:
            self.shared[key] = sorted(keys)
        (self.names.add if fresh else self.names.put)(name, key, weak=words not in self.owners)

    def _sound(self, key, fresh=False):
        owners = self.keyed[key]
        if len(owners) == 1:
            (self.sounds.add_words if fresh else self.sounds.put_words)(key, next(iter(owners)))
        elif not fresh:
            self.sounds.discard_words(key)

    def government_of(self, place_key):
        """أعلنت واشنطن: a country or its capital speaking is its government, when one is known."""
        place = self.places.get(place_key) or {}
        country = place.get("name") if place.get("kind") == "country" else place.get("country", "")
        return self.governments.get(normalize(country or ""))

    def feminine(self, key):
        """Whether a speaker takes feminine verbs: an institution named by a feminine noun (وزارة),
        a person said to be female or holding a feminine title (المتحدثة)."""
        person = self.people.get(key) or {}
        if person.get("gender"):
            return person["gender"] in ("f", "female")
        if person.get("kind") == "organisation":
            words = phrase_tokens(person.get("name", ""))
            return bool(words) and words[0].endswith("ه")
        return any(phrase_tokens(p["title"])[:1] and phrase_tokens(p["title"])[0].endswith("ه")
                   for p in person.get("positions", ()))

    def describes(self, key, stems, day=None):
        """Whether the role words fit this actor's aliases or the offices they hold on `day`
        (المسؤول الروسي): a former minister is not "the minister" of a later article."""
        person = self.people.get(key) or {}
        forms = [set(role_stems(phrase_tokens(a))) for a in [person.get("name", ""), *person.get("aliases", ())]]
        held = [o for o in self.offices if o.key == key]
        if held and any(set(stems) <= o.stems for o in held) and not any(o.valid_on(day) for o in held):
            return False
        forms += [set(o.stems) for o in held if o.valid_on(day)]
        return any(set(stems) <= f for f in forms if f)


@dataclass(frozen=True)
class NameStarts:
    """Some people's names as the name indexes hold them, written and as spelling keys. A body
    holding none of them whole (the first word with or without clitics before it, the others as
    written) matches none of those names, nor any name they share a spelling or a short form with."""

    names: tuple
    keys: tuple

    @classmethod
    def of(cls, people):
        names, keys = set(), set()
        for p in people:
            for tokens in [phrase_tokens(a) for a in _unique([p["name"], *p.get("aliases", ())])] + _short_forms(p):
                if tokens:  # phrase_tokens and _short_forms give tuples
                    names.add(tokens)
                    keys.update(key for key in name_keys(tokens) if key)
        return cls(tuple(names), tuple(keys))

    def begin_any(self, body_words):
        """Whether a body's words (BodyWords) may hold one of these names."""
        return (any(_holds(body_words.words, name) for name in self.names)
                or any(_holds(body_words.keys, key) for key in self.keys))


_CLITIC_LETTERS = 3  # the longest run the name indexes accept before a name's first word (ولل + أسد)


def _holds(written, name):
    """Whether words `written` may hold `name`: its later words as written, its first with clitics or not."""
    return all(word in written for word in name[1:]) and any(_begins(word, name[0]) for word in written)


def _begins(word, first):
    """Whether `word` is `first` with up to a clitic run before it (لل standing for ل + ال)."""
    if word.endswith(first) and len(word) - len(first) <= _CLITIC_LETTERS:
        return True
    rest = first[len(ARTICLE):]
    return first.startswith(ARTICLE) and word.endswith(rest) and len(word) - len(rest) <= _CLITIC_LETTERS


@dataclass(frozen=True)
class BodyWords:
    """A body's distinct words as the name indexes read them: tokens, and their spelling keys."""

    words: frozenset
    keys: frozenset

    @classmethod
    def of(cls, body):
        words = frozenset(t.text for t in chain.words(body))
        return cls(words, frozenset(word_key(w) for w in words))


def _unique(names):
    return [n for n in dict.fromkeys(names) if n and n.strip()]


def _short_forms(person):
    """Weak forms: a person's family name, an institution's name cut after two words."""
    words = phrase_tokens(person["name"])
    if person.get("kind") == "person" and len(words) >= 2 and len(words[-1]) >= 3:
        return [words[-1:]]
    if person.get("kind") == "organisation":
        return [tuple(phrase_tokens(a))[:2] for a in person.get("aliases", ()) if len(phrase_tokens(a)) >= 3]
    return []


def gazetteer_dicts_from_curation(curation):
    """(people, places) dicts for Gazetteer.from_dicts from a curation.json structure."""
    people = [{"key": p["slug"], "name": p["name"], "name_en": p.get("name_en", ""),
               "aliases": p.get("aliases", []), "kind": p.get("kind", "person"),
               "affiliation": p.get("affiliation", ""), "positions": p.get("positions", [])}
              for p in curation.get("people", [])]
    places = [{"key": p["slug"], "name": p["name"], "name_en": p.get("name_en", ""),
               "aliases": p.get("aliases", []), "kind": p.get("kind", "city"), "country": p.get("country", "")}
              for p in curation.get("places", [])]
    return people, places


def load_curation_gazetteer(path):
    with open(path, encoding="utf-8") as f:
        return Gazetteer.from_dicts(*gazetteer_dicts_from_curation(json.load(f)))
