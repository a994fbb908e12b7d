"""Turn scraped records into archived articles: clean, deduplicate, save, and propose who said what.

The Django side of ingest: the pure modules (cleaning, extraction, dates)
decide; this module reads the archive's people and places into a gazetteer
and writes articles, statements, and unreviewed people.
"""
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Q
from django.utils.text import slugify

from archive.models import Article, Person, Place, Source, Statement, fingerprint
from search.models import record_articles

from .cleaning import clean
from .dates import find_dates
from .extraction import Gazetteer, extract
from .records import check_body

ARABIC_TO_LATIN = str.maketrans({
    "ا": "a", "أ": "a", "إ": "i", "آ": "a", "ب": "b", "ت": "t", "ث": "th", "ج": "j", "ح": "h", "خ": "kh",
    "د": "d", "ذ": "dh", "ر": "r", "ز": "z", "س": "s", "ش": "sh", "ص": "s", "ض": "d", "ط": "t", "ظ": "z",
    "ع": "a", "غ": "gh", "ف": "f", "ق": "q", "ك": "k", "ل": "l", "م": "m", "ن": "n", "ه": "h", "ة": "a",
    "و": "w", "ي": "y", "ى": "a", "ء": "", "ئ": "y", "ؤ": "w",
})


class Rejected(ValueError):
    """A record the archive will not take; the message says why."""


@dataclass
class Saved:
    article: Article
    created: bool
    statements: int = 0
    new_people: int = 0


def unique_slug(model, name, fallback):
    base = slugify(name.translate(ARABIC_TO_LATIN))[:80] or fallback
    slug, number = base, 2
    while model.objects.filter(slug=slug).exists():
        slug, number = f"{base}-{number}", number + 1
    return slug


def gazetteer():
    """The archive's people and places as the extractor reads them."""
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
    return Gazetteer.from_dicts(people, places)


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


def link(through, article, name, rows):
    """Add mentions to an article that it does not have yet, in one insert."""
    present = set(through.objects.filter(article=article).values_list(f"{name}_id", flat=True))
    through.objects.bulk_create([through(article=article, **{name: row}) for row in rows if row.pk not in present])


class Importer:
    """Saves articles; keeps one gazetteer for a whole run, refreshed when it learns new people."""

    def __init__(self, extract_statements=True):
        self.extract_statements = extract_statements
        self._gazetteer = None

    def save(self, body, title="", published=None, source="", url=""):
        cleaned = clean(body)
        problem = check_body(cleaned.body)
        if problem:
            raise Rejected(f"after removing site boilerplate, {problem}")
        existing = Article.objects.filter(fingerprint=fingerprint(cleaned.body)).first()
        if existing is not None:
            return Saved(existing, created=False)
        source_row = find_source(source)
        with transaction.atomic():
            article = Article.objects.create(
                title=(title or cleaned.title)[:500], body=cleaned.body, published=published,
                source=source_row, url=url[:1000],
            )
            saved = Saved(article, created=True)
            if self.extract_statements:
                saved.statements, saved.new_people = self.propose(article)
        return saved

    def propose(self, article):
        """Add the machine's proposals to an article: statements, speakers, places (all unreviewed)."""
        if self._gazetteer is None:
            self._gazetteer = gazetteer()
        found = extract(article.body, article.published, self._gazetteer)
        people = {p.slug: p for p in Person.objects.filter(slug__in=found.people)}
        created_people = 0
        for new in found.new_people:
            person = self._person_for(new)
            created_people += person.pk is not None and getattr(person, "_just_created", False)
            people[new.name] = person
        places = {p.slug: p for p in Place.objects.filter(slug__in=found.places)}
        dates = find_dates(article.body, article.published)
        taken = [(s.start, s.end) for s in article.statements.all()]
        statements = []
        for proposed in found.statements:
            speaker = people.get(proposed.speaker_key) or (
                people.get(proposed.new_speaker.name) if proposed.new_speaker else None)
            if speaker is None or any(proposed.start < end and start < proposed.end for start, end in taken):
                continue
            statements.append(Statement(
                article=article, speaker=speaker, text=proposed.text, start=proposed.start, end=proposed.end,
                kind=proposed.kind, place=places.get(proposed.place_key), reviewed=False,
                said_on=statement_day(dates, proposed.start),
            ))
            taken.append((proposed.start, proposed.end))
        # Bulk writes send no signals: the article's index change is recorded once, below, in
        # the same transaction (the importer and the admin action both hold one open).
        Statement.objects.bulk_create(statements)
        link(Article.people.through, article, "person", people.values())
        link(Article.places.through, article, "place", places.values())
        record_articles([article.pk])
        if created_people:
            self._gazetteer = None  # the next article knows them
        return len(statements), created_people

    def _person_for(self, new):
        existing = Person.objects.filter(Q(name=new.name) | Q(aliases__name=new.name)).first()
        if existing is not None:
            return existing
        person = Person.objects.create(
            name=new.name, slug=unique_slug(Person, new.name, "person"), role=new.role[:200], reviewed=False,
        )
        person.aliases.create(name=new.name)
        person._just_created = True
        return person
