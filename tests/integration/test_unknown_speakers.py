"""Speakers the archive does not know are saved once each, unreviewed, with how sure the machine was and why."""
import json

import pytest
from django.core.management import call_command

from archive.ingest.importer import Importer
from archive.ingest.mentions import NewSpeaker
from archive.models import Article, Person, PersonAlias, Statement
from arabic import normalize

TURKISH_MINISTER = "وزير الخارجية التركي"


def import_rows(tmp_path, rows):
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", encoding="utf-8")
    call_command("import_articles", str(path))


def test_an_office_quoted_by_two_articles_is_one_unreviewed_role_person(tmp_path, db):
    import_rows(tmp_path, [
        {"published": "2018-05-01",
         "body": f"أنقرة تحذر\n\nوقال {TURKISH_MINISTER} إن بلاده لن تسمح بقيام كيان إرهابي على حدودها الجنوبية."},
        {"published": "2018-06-03",  # written with tashkeel: the same office
         "body": "أنقرة ترحب\n\nوقال وزيرُ الخارجيةِ التركيّ إن الاتفاق مع موسكو حول إدلب خطوة مهمة نحو التهدئة."},
    ])
    role = Person.objects.get(kind=Person.Kind.ROLE)
    assert (role.name, role.role, role.reviewed) == (TURKISH_MINISTER, TURKISH_MINISTER, False)
    statements = Statement.objects.order_by("article__published")
    assert [s.speaker for s in statements] == [role, role]
    assert Person.objects.filter(name__contains="الخارجية").count() == 1
    for statement in statements:
        assert not statement.reviewed and 0 <= statement.confidence <= 1
        assert normalize(TURKISH_MINISTER) in normalize(statement.attribution)  # the extractor's reason: cue and rule
    assert {a.people.get() for a in Article.objects.all()} == {role}


@pytest.mark.parametrize("kind, expected", [
    ("person", Person.Kind.PERSON), ("role", Person.Kind.ROLE),
    ("organisation", Person.Kind.ORGANISATION), ("anonymous", Person.Kind.UNNAMED),
])
def test_each_kind_of_unknown_speaker_becomes_that_kind_of_actor(db, kind, expected):
    person = Importer().person_for(NewSpeaker("مصدر في الأمم المتحدة", "مصدر أممي", kind))
    person.refresh_from_db()
    assert person.kind == expected and not person.reviewed
    assert person.role == ("مصدر في الأمم المتحدة" if kind == "role" else "مصدر أممي")
    assert list(person.aliases.values_list("name", flat=True)) == ["مصدر في الأمم المتحدة"]


@pytest.mark.parametrize("known, written", [
    ("أحمد أبو الغيط", "احمد ابو الغيط"),  # hamza seats
    ("وزير الخارجية التركي", "وَزِيرُ الخَارِجِيَّةِ التُّرْكِيّ"),  # tashkeel
    ("وزير الخارجية الأمريكي", "وزير الخارجية الأميركي"),  # the spelling variant offices fold
])
def test_an_unknown_speaker_met_again_in_another_spelling_is_the_same_actor(db, known, written):
    first = Importer().person_for(NewSpeaker(known, known, "role"))
    again = Importer().person_for(NewSpeaker(written, written, "role"))
    assert again.pk == first.pk and Person.objects.count() == 1


def test_an_alias_an_editor_gave_is_reused_and_no_duplicate_is_made(db):
    un = Person.objects.create(name="منظمة الأمم المتحدة", slug="united-nations", kind=Person.Kind.ORGANISATION)
    PersonAlias.objects.create(person=un, name="الأمم المتحدة")
    importer = Importer()
    assert importer.person_for(NewSpeaker("الامم المتحدة", "", "organisation")).pk == un.pk
    made = importer.person_for(NewSpeaker("مصدر دبلوماسي غربي", "مصدر دبلوماسي غربي", "anonymous"))
    assert importer.person_for(NewSpeaker("مصدر دبلوماسى غربى", "", "anonymous")).pk == made.pk
    assert Person.objects.count() == 2


def test_a_new_actor_is_named_without_tashkeel_and_a_nameless_one_is_not_made(db):
    person = Importer().person_for(NewSpeaker("  وزيرُ  الخارجيةِ القطريّ ", "", "role"))
    assert person.name == "وزير الخارجية القطري" and person.slug
    assert Importer().person_for(NewSpeaker("ـ ُ ", "", "anonymous")) is None
    assert Person.objects.count() == 1


def test_seeded_and_typed_statements_carry_no_machine_confidence(seeded):
    assert Statement.objects.exists()
    assert not Statement.objects.exclude(confidence=None).exists()
    assert not Statement.objects.exclude(attribution="").exists()


def test_a_long_office_is_saved_with_a_slug_that_fits_its_column(db):
    office = "المتحدث الرسمي باسم وزارة الخارجية والمغتربين في الحكومة السورية المؤقتة المعارضة"
    other = office + " السابق"  # the same first 44 letters: the second slug takes a suffix
    first = Importer().person_for(NewSpeaker(office, office, "role"))
    second = Importer().person_for(NewSpeaker(other, other, "role"))
    limit = Person._meta.get_field("slug").max_length
    assert first.pk != second.pk and first.slug != second.slug
    for person in (first, second):
        person.refresh_from_db()  # PostgreSQL refuses a longer slug; SQLite would keep it silently
        assert 0 < len(person.slug) <= limit and person.name in (office, other)
