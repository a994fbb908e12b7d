"""The gazetteer an import run reads with: built from the archive once, grown with the people the run creates.

Each build is a generation. Work prepared with an older generation still holds when the names
added since cannot occur in its article (NameStarts): worker processes then keep extracting
ahead while the run learns a new name in one article out of two or three. A generation is
built from dicts when the archive is read again; otherwise the previous one learns what the run
added (Gazetteer.learn), and worker processes learn the same from the generation they hold.
"""
import copy
import time
from dataclasses import dataclass, field

from archive.models import Person, Place

from .gazetteer import Gazetteer, NameStarts

READ_SECONDS = 30.0  # how often a long import reads the archive's people and places again


def gazetteer_dicts():
    """The archive's people and places as plain dicts (Gazetteer.from_dicts reads them)."""
    people = [
        {"key": p.slug, "name": p.name, "name_en": p.name_en, "kind": p.kind, "affiliation": p.affiliation,
         "aliases": [a.name for a in p.aliases.all()],
         "positions": [{"title": o.title, "title_en": o.title_en, "start": o.start and o.start.isoformat(),
                        "end": o.end and o.end.isoformat()} for o in p.positions.all()]}
        for p in Person.objects.prefetch_related("aliases", "positions")
    ]
    places = [
        {"key": p.slug, "name": p.name, "name_en": p.name_en, "kind": p.kind, "country": p.country,
         "aliases": [a.name for a in p.aliases.all()]}
        for p in Place.objects.prefetch_related("aliases")
    ]
    return people, places


def person_dict(person):
    """A person the importer just created, as gazetteer_dicts would read it: one alias, no offices."""
    return {"key": person.slug, "name": person.name, "name_en": person.name_en, "kind": person.kind,
            "affiliation": person.affiliation, "aliases": [person.name], "positions": []}


@dataclass(frozen=True)
class Step:
    """A generation that learnt names: what it learnt, as it was then (worker processes learn the
    same), and where those names may begin in a body (NameStarts)."""

    learnt: list
    starts: NameStarts


@dataclass
class GazetteerSources:
    """What the run's gazetteer is built from: the dicts read from the database, and what the run added."""

    people: list
    places: list
    read_at: float  # time.monotonic() of the database read
    place_names: object = None  # the place index a gazetteer built from these places (places never change)
    by_key: dict = field(init=False)

    def __post_init__(self):
        self.by_key = {person["key"]: person for person in self.people}


class RunGazetteer:
    """The run's current gazetteer, its generation, and what each generation added to the one before."""

    def __init__(self):
        self.generation = 0  # counts the gazetteers built
        self._gazetteer = None
        self._sources = None
        self._stale = False
        self._added = []  # people and aliases the run gave the sources since the last build
        self._steps = {}  # generation -> its Step, or None: built from dicts read anew, anything changed

    def current(self):
        """The gazetteer, extended when the run has learnt a name.

        Built from the dicts read at the run's start; each person the run creates is then learnt
        in place: building again from every name for each new one cost most of an import of
        agency copy, where one article in two or three names someone new, and grew with the
        archive. What editors add meanwhile is read again every READ_SECONDS.
        """
        if self._gazetteer is None or self._stale:
            reread = self._sources is None or time.monotonic() - self._sources.read_at > READ_SECONDS
            self.generation += 1
            if reread:
                self._sources = GazetteerSources(*gazetteer_dicts(), read_at=time.monotonic())
                sources = self._sources
                self._gazetteer = Gazetteer.from_dicts(sources.people, sources.places, sources.place_names)
                sources.place_names = self._gazetteer.place_names
                self._steps[self.generation] = None
            else:
                self._steps[self.generation] = Step(copy.deepcopy(self._added), NameStarts.of(self._added))
                self._gazetteer.learn(self._added)
            self._added, self._stale = [], False
        return self._gazetteer

    def learnt_since(self, generation):
        """[(generation, what it learnt)] after `generation` up to the current one; None when one
        of them was built from dicts (a holder of `generation` must load the current one whole)."""
        steps = [(later, self._steps.get(later)) for later in range(generation + 1, self.generation + 1)]
        return None if any(step is None for _, step in steps) else [(later, step.learnt) for later, step in steps]

    def stale(self):
        """The next article should know the names learnt so far: learn them before it."""
        self._stale = True

    def learn_person(self, person):
        """A person the run created, read by the next build as the database would give it."""
        if self._sources is not None:
            learnt = person_dict(person)
            self._sources.people.append(learnt)
            self._sources.by_key[learnt["key"]] = learnt
            self._added.append(learnt)

    def learn_alias(self, slug, alias):
        """A proposed alias, read by the next build (as it would be from the database)."""
        known = self._sources.by_key.get(slug) if self._sources is not None else None
        if known is not None:
            known["aliases"].append(alias)
            self._added.append({"key": slug, "name": alias, "kind": known.get("kind", "person")})

    def still_reads(self, generation, body_words):
        """Whether what `generation` extracted from a body with these words (BodyWords) is what the
        current gazetteer would extract: none of the names added since can begin in it."""
        if generation == self.generation:
            return True
        if body_words is None or not 0 < generation < self.generation:
            return False
        for later in range(generation + 1, self.generation + 1):
            step = self._steps.get(later)
            if step is None or step.starts.begin_any(body_words):
                return False
        return True
