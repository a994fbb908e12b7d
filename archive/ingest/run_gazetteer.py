"""The gazetteer an import run reads with: built from the archive once, grown with the people the run creates.

Each build is a generation. Work prepared with an older generation still holds when the names
added since cannot occur in its article (NameStarts): worker processes then keep extracting
ahead while the run learns a new name in one article out of two or three.
"""
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
        self._added = []  # people and aliases the run gave the sources since the last build
        self._starts = {}  # generation -> NameStarts of what it added, or None: read anew, anything changed

    def current(self):
        """The gazetteer, built again when the run has learnt a name.

        Built from the dicts read at the run's start plus the people it created since: reading
        every person and place again for each new name cost most of an import of agency copy,
        where one article in two or three names someone new. What editors add meanwhile is read
        again every READ_SECONDS.
        """
        if self._gazetteer is None:
            reread = self._sources is None or time.monotonic() - self._sources.read_at > READ_SECONDS
            if reread:
                self._sources = GazetteerSources(*gazetteer_dicts(), read_at=time.monotonic())
            sources = self._sources
            self._gazetteer = Gazetteer.from_dicts(sources.people, sources.places, sources.place_names)
            sources.place_names = self._gazetteer.place_names
            self.generation += 1
            self._starts[self.generation] = None if reread else NameStarts.of(self._added)
            self._added = []
        return self._gazetteer

    def stale(self):
        """The next article should know the names learnt so far: build again before it."""
        self._gazetteer = None

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
            starts = self._starts.get(later)
            if starts is None or starts.begin_any(body_words):
                return False
        return True
