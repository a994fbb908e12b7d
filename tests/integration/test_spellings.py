"""A known person written in another transliteration is that person, and the spelling waits for an editor."""
import json

from django.core.management import call_command

from archive.models import Person, PersonAlias, Statement


def import_rows(tmp_path, rows):
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", encoding="utf-8")
    call_command("import_articles", str(path))


def test_another_transliteration_is_the_known_person_and_a_proposed_alias(tmp_path, db):
    lavrov = Person.objects.create(name="سيرغي لافروف", slug="sergey-lavrov", kind=Person.Kind.PERSON)
    lavrov.aliases.create(name="سيرغي لافروف")
    lavrov.aliases.create(name="لافروف")
    import_rows(tmp_path, [{"published": "2016-05-09", "body": (
        "موسكو ترفض الشروط\n\nوقال سيرجي لافروف للصحفيين في موسكو: «لا حل عسكريا للأزمة السورية على الإطلاق».")}])
    assert [s.speaker for s in Statement.objects.all()] == [lavrov]
    assert Person.objects.count() == 1  # no second, unreviewed Lavrov
    proposed = PersonAlias.objects.get(proposed=True)
    assert (proposed.person, proposed.name) == (lavrov, "سيرجي لافروف")


def test_the_review_list_filters_people_with_proposed_spellings(client, db):
    from django.contrib.auth.models import User
    lavrov = Person.objects.create(name="سيرغي لافروف", slug="sergey-lavrov")
    kerry = Person.objects.create(name="جون كيري", slug="john-kerry")
    lavrov.aliases.create(name="سيرجي لافروف", proposed=True)
    kerry.aliases.create(name="كيري")
    client.force_login(User.objects.create_superuser("admin", "a@example.org", "pw"))
    page = client.get("/admin/archive/person/", {"aliases__proposed__exact": "1"}).content.decode()
    assert "سيرغي لافروف" in page and "جون كيري" not in page
