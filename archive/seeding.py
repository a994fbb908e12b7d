"""Turn the curated seed data (fixtures/seeds/) into a Django fixture with exact offsets.

The curation names each statement by its exact text (and which occurrence);
offsets are computed here, so nobody counts characters by hand. Every row has
a fixed primary key and fixed timestamps: loading the fixture twice changes
nothing.
"""
import json
from pathlib import Path

from .ingest.extraction import Gazetteer, gazetteer_dicts_from_curation, named_in
from .models import Statement, fingerprint

SEEDS_DIR = Path(__file__).resolve().parent.parent / "fixtures" / "seeds"
FIXTURE_PATH = SEEDS_DIR.parent / "seed_archive.json"


class CurationError(ValueError):
    """The curation file contradicts itself or its bodies."""


def nth_occurrence(body, text, occurrence):
    position = -1
    for _ in range(occurrence):
        position = body.find(text, position + 1)
        if position == -1:
            raise CurationError(f"“{text[:50]}” does not occur {occurrence} time(s) in the body")
    return position


def _record(model, pk, **fields):
    return {"model": f"archive.{model}", "pk": pk, "fields": fields}


def _aliases(model, owner_field, owner_pk, names, next_pk):
    records = []
    for name in dict.fromkeys(names):
        records.append(_record(model, next_pk(), **{owner_field: owner_pk, "name": name}))
    return records


def build_records(curation, seeds_dir=SEEDS_DIR):
    counters = {}

    def counter(model):
        def next_pk():
            counters[model] = counters.get(model, 0) + 1
            return counters[model]

        return next_pk

    records, source_pk, person_pk, place_pk = [], {}, {}, {}
    for index, source in enumerate(curation["sources"], 1):
        source_pk[source["slug"]] = index
        records.append(_record("source", index, **{k: source.get(k, "") for k in ("name", "name_en", "slug", "url")}))
    for index, person in enumerate(curation["people"], 1):
        person_pk[person["slug"]] = index
        fields = {k: person.get(k) or "" for k in ("name", "name_en", "slug", "role", "role_en", "affiliation", "affiliation_en")}
        records.append(_record("person", index, kind=person.get("kind", "person"), reviewed=True, **fields))
        records += _aliases("personalias", "person", index, person.get("aliases", []), counter("personalias"))
        for position in person.get("positions", []):
            records.append(_record("position", counter("position")(), person=index, title=position["title"],
                                   title_en=position.get("title_en", ""), start=position.get("start"), end=position.get("end")))
    for index, place in enumerate(curation["places"], 1):
        place_pk[place["slug"]] = index
        fields = {k: place.get(k) or "" for k in ("name", "name_en", "slug", "kind", "country", "country_en")}
        records.append(_record("place", index, **fields))
        records += _aliases("placealias", "place", index, place.get("aliases", []), counter("placealias"))

    def lookup(table, slug, what):
        if slug not in table:
            raise CurationError(f"unknown {what} “{slug}”")
        return table[slug]

    next_statement = counter("statement")
    gazetteer = Gazetteer.from_dicts(*gazetteer_dicts_from_curation(curation))
    for article in curation["articles"]:
        body = (Path(seeds_dir) / article["body_file"]).read_text(encoding="utf-8")
        stamp = f"{article['published']}T12:00:00Z"
        people = [lookup(person_pk, slug, "person") for slug in article.get("people", [])]
        for statement in article.get("statements", []):
            speaker = lookup(person_pk, statement["speaker"], "person")
            if speaker not in people:
                people.append(speaker)
        records.append(_record(
            "article", article["id"], title=article["title"], body=body, published=article["published"],
            source=lookup(source_pk, article["source"], "source") if article.get("source") else None,
            url=article.get("url", ""), fingerprint=fingerprint(body), revision=1, created=stamp, updated=stamp,
            people=people, places=[lookup(place_pk, slug, "place") for slug in article.get("places", [])],
        ))
        spans = [(start, start + len(st["text"])) for st in article.get("statements", [])
                 for start in [nth_occurrence(body, st["text"], st.get("occurrence", 1))]]
        subjects = named_in(body, article["published"], spans, gazetteer)
        for statement, (start, _), (named_people, named_places) in zip(article.get("statements", []), spans, subjects):
            records.append(_record(
                "statement", next_statement(), article=article["id"],
                speaker=lookup(person_pk, statement["speaker"], "person"), text=statement["text"],
                start=start, end=start + len(statement["text"]), kind=statement.get("kind", "quote"),
                place=lookup(place_pk, statement["place"], "place") if statement.get("place") else None,
                said_on=statement.get("said_on"), reviewed=True,
                day=Statement.day_of(statement.get("said_on"), article["published"]),  # loaddata calls no save()
                mentioned_people=[person_pk[k] for k in named_people if k in person_pk],
                mentioned_places=[place_pk[k] for k in named_places if k in place_pk],
            ))
    return records


def build_fixture(curation_path=SEEDS_DIR / "curation.json", output=FIXTURE_PATH):
    curation = json.loads(Path(curation_path).read_text(encoding="utf-8"))
    records = build_records(curation, Path(curation_path).parent)
    text = json.dumps(records, ensure_ascii=False, indent=1) + "\n"
    Path(output).write_text(text, encoding="utf-8")
    return records
