"""Turn scraped records into archived articles: clean, deduplicate, save, and propose who said what.

The Django side of ingest: the pure modules (cleaning, extraction, dates)
decide; this module reads the archive's people and places into a gazetteer
and writes articles, statements, and unreviewed people.
"""
import multiprocessing
import pickle
import re
import signal
import tempfile
from collections import deque
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import islice
from pathlib import Path

from django.db import connections, transaction
from django.db.models import Q
from django.utils.text import slugify

from arabic import normalize
from archive.changes import bulk_write
from archive.models import Article, Person, PersonAlias, Place, Source, Statement, fingerprint
from archive.reports import regroup

from .cleaning import clean
from .dates import find_dates
from .extraction import extract
from .gazetteer import BodyWords
from .offices import role_stems
from .places import phrase_tokens
from .records import Rejection, check_body
from .run_gazetteer import RunGazetteer
from .unsaved import Unsaved

ARABIC_TO_LATIN = str.maketrans({
    "ا": "a", "أ": "a", "إ": "i", "آ": "a", "ب": "b", "ت": "t", "ث": "th", "ج": "j", "ح": "h", "خ": "kh",
    "د": "d", "ذ": "dh", "ر": "r", "ز": "z", "س": "s", "ش": "sh", "ص": "s", "ض": "d", "ط": "t", "ظ": "z",
    "ع": "a", "غ": "gh", "ف": "f", "ق": "q", "ك": "k", "ل": "l", "م": "m", "ن": "n", "ه": "h", "ة": "a",
    "و": "w", "ي": "y", "ى": "a", "ء": "", "ئ": "y", "ؤ": "w",
})


_HARAKAT = re.compile("[\u064B-\u0652\u0640]")  # tashkeel and tatweel: وزيرُ الخارجيةِ is وزير الخارجية
# What the extractor calls an unknown speaker, as the archive's kinds of actor.
PERSON_KINDS = {
    "person": Person.Kind.PERSON, "role": Person.Kind.ROLE,
    "organisation": Person.Kind.ORGANISATION, "anonymous": Person.Kind.UNNAMED,
}


class Rejected(ValueError):
    """A record the archive will not take; the message says why."""


CHUNK = 2  # records a worker prepares per task: few, so little is read with a gazetteer soon outdated
AHEAD = 2  # tasks per worker waiting ahead of the saving
LEARNT_STEPS = 50  # generations a task may carry as what they learnt before the gazetteer is saved whole again


@dataclass
class Prepared:
    """What cleaning and extraction make of one record, and the gazetteer generation it was read with."""

    cleaned: object
    problem: str
    generation: int = 0
    found: object = None
    dates: object = None
    words: object = None  # BodyWords: whether a later gazetteer would read the body otherwise


def prepare(body, published, gazetteer=None, generation=0):
    """Clean a record and, given a gazetteer, extract its proposals: pure work, done in worker processes."""
    cleaned = clean(body)
    problem = check_body(cleaned.body)
    if problem or gazetteer is None:
        return Prepared(cleaned, problem, generation)
    return Prepared(cleaned, problem, generation, extract(cleaned.body, published, gazetteer),
                    find_dates(cleaned.body, published), BodyWords.of(cleaned.body))


_worker_gazetteer = (None, None)  # (generation, Gazetteer) in a worker process


def _worker_start():
    # A handler inherited from the parent (the index writer's only asks its loop to stop) would
    # let a worker outlive Pool.terminate(), and the import would wait for it forever.
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def _worker_reading(shared):
    """(generation, gazetteer) a task names: (base generation, its file, [(generation, learnt)] since)."""
    global _worker_gazetteer
    base, path, steps = shared
    held, gazetteer = _worker_gazetteer
    latest = steps[-1][0] if steps else base
    if held is None or held < base or held > latest:
        held, gazetteer = base, pickle.loads(Path(path).read_bytes())
    for generation, added in steps:
        if generation > held:
            gazetteer.learn(added)
            held = generation
    _worker_gazetteer = (held, gazetteer)
    return held, gazetteer


def _prepare_chunk(shared, records):
    generation, gazetteer = _worker_reading(shared) if shared is not None else (0, None)
    return [prepare(body, published, gazetteer, generation) for body, published in records]


@dataclass
class Saved:
    article: Article
    created: bool
    statements: int = 0
    new_people: int = 0


def unique_slug(model, name, fallback):
    """A slug for a new row that fits its column with room for a "-N" suffix (PostgreSQL refuses
    a longer one; SQLite would store it silently)."""
    room = model._meta.get_field("slug").max_length - 6
    base = slugify(name.translate(ARABIC_TO_LATIN))[:room].strip("-") or fallback
    slug, number = base, 2
    while model.objects.filter(slug=slug).exists():
        slug, number = f"{base}-{number}", number + 1
    return slug


def find_source(value):
    if not value:
        return None
    found = Source.objects.filter(Q(slug=value) | Q(name=value) | Q(name_en__iexact=value)).first()
    if found is None:
        raise Rejected(f"unknown source “{value[:60]}”: use the slug or name of a source in the archive")
    return found


def statement_day(dates, start):
    """The date a statement was made: the last date the text gives before it, in the same paragraph."""
    earlier = [d for d in dates if d.end <= start and "\n" not in d.text]
    return earlier[-1].value if earlier else None


def name_key(name):
    """A name as spellings agree on it: tashkeel, hamza seats and spacing folded."""
    return " ".join(normalize(name).split())


def written_name(name):
    """A new actor's name as the archive shows it: the text's spelling without harakat, tatweel or odd spacing."""
    return " ".join(_HARAKAT.sub("", name).split())[:200]


def role_key(words):
    """Role words as offices read them (الأمريكي = الأميركي); None when they hold no content word."""
    stems = role_stems(phrase_tokens(words))
    return (stems[0], frozenset(stems)) if stems else None


def confidence_of(value):
    """The extractor's confidence as the database keeps it: a number in [0, 1], or None."""
    try:
        value = float(value)
    except (TypeError, ValueError):
        return None
    return min(max(value, 0.0), 1.0) if value == value else None  # NaN is no confidence


def propose_spellings(spellings, people):
    """Spellings of known people the extractor matched by sound become proposed aliases for an editor.
    The (person, alias) pairs created."""
    created = []
    for key, spelling in spellings:
        person = people.get(key)
        if person is not None and not person.aliases.filter(name=spelling).exists():
            created.append((person, PersonAlias.objects.create(person=person, name=spelling[:200], proposed=True).name))
    return created


class Importer:
    """Saves articles; keeps one gazetteer for a whole run, refreshed when it learns new people."""

    def __init__(self, extract_statements=True):
        self.extract_statements = extract_statements
        self._names = RunGazetteer()
        self._known = None  # normalized names and aliases -> person id, for unknown speakers met again
        self._sources = {}  # a record's source value -> its row, read once per run
        self._shared = None  # (generation, path) of the gazetteer saved whole for worker processes
        self._ungrouped = None  # statements saved in the open batch, grouped at its end
        self._unsaved = None  # the open batch's statements and mentions, written at its end

    @contextmanager
    def batch(self):
        """Save several articles in one transaction, their reports grouped once at its end.

        One commit and one regrouping per batch instead of per article; grouping the batch's
        statements together finds the same groups, as two statements are compared whenever
        either is new. Its changes are a bulk write: the index takes an editor's save first.
        """
        with transaction.atomic(), bulk_write():
            self._ungrouped, self._unsaved = [], Unsaved()
            try:
                yield self
                self._ungrouped += self._unsaved.write()
                regroup(self._ungrouped)
            finally:
                self._ungrouped = self._unsaved = None

    def prepared(self, items, workers):
        """(item, Prepared or None) in the items' order; records are cleaned and extracted in `workers` processes.

        Saving stays in this process, in order, so the archive ends as a one-by-one import leaves
        it: a record read with a gazetteer older than the current one is extracted again here.
        The workers start at once and never touch the database.
        """
        if workers <= 1:
            return ((item, None) for item in items)
        if not any(connection.in_atomic_block for connection in connections.all()):
            connections.close_all()  # workers never use the database; they need no copy of a connection
        return self._in_workers(iter(items), workers, multiprocessing.get_context("fork").Pool(workers, _worker_start))

    def _in_workers(self, items, workers, pool):
        folder, waiting = tempfile.TemporaryDirectory(), deque()
        try:
            while chunk := list(islice(items, CHUNK)):
                records = [(item.body, item.published) for item in chunk if not isinstance(item, Rejection)]
                shared = self._shared_gazetteer(folder.name)
                waiting.append((chunk, pool.apply_async(_prepare_chunk, (shared, records))))
                if len(waiting) > AHEAD * workers:
                    yield from self._ready(*waiting.popleft())
            while waiting:
                yield from self._ready(*waiting.popleft())
        finally:
            pool.terminate()
            folder.cleanup()

    def _ready(self, chunk, result):
        done = iter(result.get())
        return [(item, None if isinstance(item, Rejection) else next(done)) for item in chunk]

    def _shared_gazetteer(self, folder):
        """The current gazetteer as workers read it: a generation saved whole, and what the
        generations since learnt (a few people each); saved whole again after a build from dicts
        or LEARNT_STEPS generations, so a task carries little."""
        if not self.extract_statements:
            return None
        current = self._names.current()
        steps = None if self._shared is None else self._names.learnt_since(self._shared[0])
        if steps is None or len(steps) > LEARNT_STEPS:
            generation = self._names.generation
            path = Path(folder) / f"gazetteer-{generation}.pickle"
            path.write_bytes(pickle.dumps(current, protocol=pickle.HIGHEST_PROTOCOL))
            self._shared, steps = (generation, str(path)), []
        return (*self._shared, steps)

    def save(self, body, title="", published=None, source="", url="", prepared=None):
        prepared = prepared or prepare(body, published)  # one by one: cleaning here, extraction below
        cleaned, problem = prepared.cleaned, prepared.problem
        if problem:
            raise Rejected(f"after removing site boilerplate, {problem}")
        existing = Article.objects.filter(fingerprint=fingerprint(cleaned.body)).first()
        if existing is not None:
            return Saved(existing, created=False)
        if source not in self._sources:
            self._sources[source] = find_source(source)
        with transaction.atomic():
            article = Article.objects.create(
                title=(title or cleaned.title)[:500], body=cleaned.body, published=published,
                source=self._sources[source], url=url[:1000],
            )
            saved = Saved(article, created=True)
            if self.extract_statements:
                saved.statements, saved.new_people = self.propose(article, new=True, prepared=prepared)
        return saved

    def propose(self, article, new=False, prepared=None):
        """Add the machine's proposals to an article: statements, speakers, places (all unreviewed)."""
        gazetteer_now = self._names.current()
        if (prepared is not None and prepared.found is not None
                and self._names.still_reads(prepared.generation, prepared.words)):
            found, dates = prepared.found, prepared.dates
        else:  # one by one, or read with a gazetteer that has learnt a name the body may hold
            found = extract(article.body, article.published, gazetteer_now)
            dates = find_dates(article.body, article.published)
        people = {p.slug: p for p in Person.objects.filter(slug__in=found.people)}
        created_people, named = 0, False
        for new in found.new_people:
            person = self.person_for(new)
            if person is None:
                continue
            created = getattr(person, "_just_created", False)
            created_people += created
            named |= created and person.kind == Person.Kind.PERSON
            people[new.ident()] = person
        for person, alias in propose_spellings(found.spellings, people):
            self._names.learn_alias(person.slug, alias)
        places = {p.slug: p for p in Place.objects.filter(slug__in=found.places)}
        taken = [] if new else [(s.start, s.end) for s in article.statements.all()]
        statements = []
        for proposed in found.statements:
            speaker = people.get(proposed.speaker_key) or (
                people.get(proposed.new_speaker.ident()) if proposed.new_speaker else None)
            if speaker is None or any(proposed.start < end and start < proposed.end for start, end in taken):
                continue
            said_on = statement_day(dates, proposed.start)
            statements.append(Statement(  # written in bulk: no save(), so its day is given here
                article=article, speaker=speaker, text=proposed.text, start=proposed.start, end=proposed.end,
                kind=proposed.kind, place=places.get(proposed.place_key), reviewed=False,
                said_on=said_on, day=Statement.day_of(said_on, article.published),
                confidence=confidence_of(proposed.confidence), attribution=proposed.reason or "",
            ))
            taken.append((proposed.start, proposed.end))
        if self._unsaved is not None:  # written, announced and grouped at the batch's end
            self._unsaved.add(article, statements, found.statements, people, places, new)
        else:
            unsaved = Unsaved()
            unsaved.add(article, statements, found.statements, people, places, new)
            # the same words by the same speaker in another outlet's article: one statement, several reports
            regroup(unsaved.write())
        if named:
            # the next article knows them by name; roles, institutions and sources are read from
            # the text again and found by person_for, so they need no new gazetteer
            self._names.stale()
        return len(statements), created_people

    def person_for(self, new):
        """The archive's actor for an unknown speaker: the one already saved under that name, or a new
        unreviewed one, so "وزير الخارجية التركي" is one role person however many articles quote it."""
        kind = PERSON_KINDS.get(getattr(new, "kind", "person"), Person.Kind.PERSON)
        name = written_name(new.name or "")[:200]  # the column's length; longer is a run-on cue
        if not name_key(name):
            return None  # nothing to call them by: their statements are not proposed
        existing = self._existing_person(name, kind)
        if existing is not None:
            return existing
        role = name if kind == Person.Kind.ROLE else written_name(new.role or "")[:200]
        person = Person.objects.create(
            name=name, slug=unique_slug(Person, name, kind), kind=kind, role=role, reviewed=False,
        )
        person.aliases.create(name=name)
        self._remember(person.pk, person.name, person.kind, person.role)
        self._names.learn_person(person)
        person._just_created = True
        return person

    def _existing_person(self, name, kind, fresh=False):
        if self._known is None or fresh:
            self._load_known()
        by_name, by_role = self._known
        pk = by_name.get(name_key(name))
        if pk is None and kind == Person.Kind.ROLE:
            pk = by_role.get(role_key(name))
        if pk is None:
            return None
        person = Person.objects.filter(pk=pk).first()
        if person is None and not fresh:  # deleted, or created in a transaction that rolled back
            return self._existing_person(name, kind, fresh=True)
        return person

    def _load_known(self):
        """Every name and alias of the archive, normalized once per run (SQL cannot fold Arabic spellings)."""
        self._known = ({}, {})
        for pk, name, kind, role in Person.objects.order_by("pk").values_list("pk", "name", "kind", "role"):
            self._remember(pk, name, kind, role)
        for pk, alias in PersonAlias.objects.order_by("person_id").values_list("person_id", "name"):
            self._known[0].setdefault(name_key(alias), pk)

    def _remember(self, pk, name, kind, role):
        by_name, by_role = self._known
        by_name.setdefault(name_key(name), pk)
        if kind == Person.Kind.ROLE:
            key = role_key(role or name)
            if key is not None:
                by_role.setdefault(key, pk)
