"""An office quoted before the archive knew its holder: naming the holder moves the office's statements to them."""
import json
from datetime import date

import pytest
from django.core.management import call_command

from archive.models import Article, Person, Position, Statement
from archive.reattribution import role_fits

US_MINISTER = "وزير الخارجية الأمريكي"
NOTE = f"reattributed when ريكس تيلرسون was named holder of {US_MINISTER}"
ARTICLES = [
    {"title": "واشنطن ترفض الحل العسكري", "published": "2017-05-01",
     "body": f"واشنطن ترفض الحل العسكري\n\nوقال {US_MINISTER} إن بلاده لن تقبل بأي حل عسكري في سوريا على الإطلاق."},
    {"title": "واشنطن تدعو إلى تثبيت الهدنة", "published": "2016-08-01",
     "body": f"واشنطن تدعو إلى تثبيت الهدنة\n\nوقال {US_MINISTER} إن الهدنة في حلب يجب أن تصمد مهما كانت الظروف."},
]


def import_articles(tmp_path, rows):
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", encoding="utf-8")
    call_command("import_articles", str(path))


def person_form(name, name_en, slug, positions=()):
    """The admin's add-person form with its alias and office inlines."""
    data = {
        "name": name, "name_en": name_en, "slug": slug, "kind": "person", "role": "", "role_en": "",
        "affiliation": "", "affiliation_en": "", "reviewed": "on", "_save": "Save",
        "aliases-TOTAL_FORMS": "0", "aliases-INITIAL_FORMS": "0", "aliases-MIN_NUM_FORMS": "0",
        "aliases-MAX_NUM_FORMS": "1000",
        "positions-TOTAL_FORMS": str(len(positions)), "positions-INITIAL_FORMS": "0",
        "positions-MIN_NUM_FORMS": "0", "positions-MAX_NUM_FORMS": "1000",
    }
    for index, (title, start, end) in enumerate(positions):
        data.update({f"positions-{index}-title": title, f"positions-{index}-title_en": "",
                     f"positions-{index}-start": start, f"positions-{index}-end": end,
                     f"positions-{index}-id": "", f"positions-{index}-person": ""})
    return data


@pytest.fixture
def quoted_office(tmp_path, search_index):
    """Two articles, of 2017 and 2016, quoting the US foreign minister by office alone (and indexed)."""
    import_articles(tmp_path, ARTICLES)
    role = Person.objects.get(kind=Person.Kind.ROLE)
    later, earlier = (Statement.objects.get(article__published=day) for day in ("2017-05-01", "2016-08-01"))
    return role, later, earlier


def test_naming_the_holder_in_the_admin_moves_the_offices_statements_of_their_term(editor_client, search_index,
                                                                                    quoted_office):
    role, later, earlier = quoted_office
    assert role.name == US_MINISTER and later.speaker == role and earlier.speaker == role
    response = editor_client.post("/admin/archive/person/add/", person_form(
        "ريكس تيلرسون", "Rex Tillerson", "rex-tillerson", [(US_MINISTER, "2017-02-01", "2018-03-31")]))
    assert response.status_code == 302, response.content.decode()[:2000]
    tillerson = Person.objects.get(slug="rex-tillerson")
    listing = editor_client.get(response["Location"]).content.decode()
    assert "Reattributed 1 statement given to the office to ريكس تيلرسون" in listing

    later.refresh_from_db()
    earlier.refresh_from_db()
    assert later.speaker == tillerson and not later.reviewed
    assert later.attribution.endswith(f"; {NOTE}") and len(later.attribution) > len(NOTE) + 2
    assert earlier.speaker == role and NOTE not in earlier.attribution  # 2016: before his term
    assert Person.objects.filter(pk=role.pk).exists()

    page = editor_client.get(f"/articles/{later.article_id}/?format=json").json()
    assert [(s["speaker"]["slug"], s["reviewed"]) for s in page["statements"]] == [("rex-tillerson", False)]
    assert "rex-tillerson" in {a["slug"] for a in page["actors"]}
    assert role.slug not in {a["slug"] for a in page["actors"]}  # the office no longer speaks there

    search_index()
    found = editor_client.get("/search/?type=statements&actor=rex-tillerson&format=json").json()
    assert [r["id"] for r in found["results"]] == [later.pk]
    still = editor_client.get(f"/search/?type=statements&actor={role.slug}&format=json").json()
    assert [r["id"] for r in still["results"]] == [earlier.pk]


def test_the_day_a_statement_was_said_decides_before_its_articles_date(db):
    role = Person.objects.create(name=US_MINISTER, slug="us-fm-role", kind=Person.Kind.ROLE, role=US_MINISTER,
                                 reviewed=False)
    words = "لن نقبل بأي حل عسكري"
    body = f"قال {US_MINISTER} إن بلاده ترى أنه {words} في سوريا."

    def statement(published, **fields):
        number = Article.objects.count()
        article = Article.objects.create(title=f"مقال {number}", body=f"{body} ({number})", published=published)
        start = body.index(words)
        return Statement.objects.create(article=article, speaker=role, text=words, start=start,
                                        end=start + len(words), reviewed=fields.pop("reviewed", False), **fields)

    said_in_term = statement("2016-12-20", said_on=date(2017, 3, 1), attribution="")
    said_before = statement("2017-04-01", said_on=date(2016, 12, 1))
    undated = statement(None)
    accepted = statement("2017-04-01", reviewed=True)
    tillerson = Person.objects.create(name="ريكس تيلرسون", slug="rex-tillerson")
    Position.objects.create(person=tillerson, title="وزير الخارجية الأميركي", start="2017-02-01", end="2018-03-31")

    speakers = {s.pk: s.speaker_id for s in Statement.objects.all()}
    assert speakers[said_in_term.pk] == tillerson.pk
    # nothing before it to append to; the note names the office as the editor wrote it
    assert Statement.objects.get(pk=said_in_term.pk).attribution == NOTE.replace("الأمريكي", "الأميركي")
    assert speakers[said_before.pk] == speakers[undated.pk] == speakers[accepted.pk] == role.pk


def test_a_reviewed_role_person_and_other_offices_keep_their_statements(db):
    deputy = Person.objects.create(name="نائب وزير الخارجية الأمريكي", slug="deputy", kind=Person.Kind.ROLE,
                                   role="نائب وزير الخارجية الأمريكي", reviewed=False)
    checked = Person.objects.create(name=US_MINISTER, slug="checked", kind=Person.Kind.ROLE, role=US_MINISTER)
    body = "قال المسؤول إن الاجتماع المقبل سيعقد في جنيف قريبا."
    article = Article.objects.create(title="مقال", body=body, published="2017-05-01")
    for speaker, words in ((deputy, "الاجتماع المقبل"), (checked, "سيعقد في جنيف")):
        start = body.index(words)
        Statement.objects.create(article=article, speaker=speaker, text=words, start=start, end=start + len(words),
                                 reviewed=False)
    tillerson = Person.objects.create(name="ريكس تيلرسون", slug="rex-tillerson")
    Position.objects.create(person=tillerson, title=US_MINISTER, start="2017-02-01")
    assert sorted(Statement.objects.values_list("speaker__slug", flat=True)) == ["checked", "deputy"]


@pytest.mark.parametrize("role_words, title, fits", [
    (US_MINISTER, US_MINISTER, True),
    ("وزير الخارجية الأميركي", US_MINISTER, True),
    ("وَزِيرُ الخارجيّة الأمريكي", US_MINISTER, True),
    ("المبعوث الأممي", "المبعوث الأممي الخاص إلى سوريا", True),
    ("نائب وزير الخارجية الأمريكي", US_MINISTER, False),
    (US_MINISTER, "وزير الخارجية الروسي", False),
    ("", US_MINISTER, False),
])
def test_role_words_fit_an_office_as_the_extractor_resolves_them(role_words, title, fits):
    assert role_fits(role_words, title) is fits
