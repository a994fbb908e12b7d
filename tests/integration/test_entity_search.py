"""Known names in search: a person or place is found in any script, spelling or clitic form, visibly and switchably."""
import csv
import io
import re
import time

import pytest

from archive.models import Article, Person, PersonAlias, Place
from search.params import SearchParams


@pytest.fixture
def archive(seeded, search_index):
    """The seed archive, plus articles that name people only in clitic or look-alike forms, unlinked."""
    made = {
        "glued": Article.objects.create(title="اتصال هاتفي", body="اتصل الوزير بلافروف صباح الثلاثاء وبحث معه ملف المعابر."),
        "kirby": Article.objects.create(title="إيجاز صحفي", body="قال المتحدث جون كيربي إن الوزارة تتابع الموقف في الشمال."),
        "apart": Article.objects.create(title="قافلة", body="عبرت القافلة الدير القديم قبل أن تصل إلى الزور مساء."),
        "deir": Article.objects.create(title="معارك", body="تجددت المعارك في ريف بدير الزور الشرقي."),
    }
    search_index()
    return made


def search(client, **params):
    """The JSON of a search, asked by its canonical URL."""
    response = client.get(SearchParams(format="json", **params).url())
    assert response.status_code == 200, response.content[:300]
    return response.json()


def ids(client, **params):
    data = search(client, **params)
    assert data["count"] <= 20  # one page holds them all here
    return {result["id"] for result in data["results"]}


def every_id(client, **params):
    """Every matching id (the CSV export holds them all, not one page)."""
    response = client.get(SearchParams(format="csv", **params).url())
    rows = csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig")))
    return {int(row["id"]) for row in rows}


def kerry_filter(client):
    found = ids(client, actor=("john-kerry",))
    assert found
    return found


@pytest.mark.parametrize("query", ["Kerry", "كيرى", "جون كيري", "كيري", "KERRY", "John Kerry", "لكيري", '"جون كيرى"'])
def test_kerry_in_any_script_or_spelling_finds_exactly_the_actor_filter(client, archive, query):
    assert ids(client, q=query) == kerry_filter(client)


def test_aleppo_equals_halab_and_its_clitic_forms(client, archive):
    halab = ids(client, q="حلب")
    assert halab and halab == ids(client, q="Aleppo") == ids(client, q="لحلب") == ids(client, q="aleppo")
    assert ids(client, city=("aleppo",)) <= halab


def test_two_names_find_the_intersection(client, archive):
    both = ids(client, q="Lavrov Geneva")
    assert both and both == ids(client, q="Lavrov") & ids(client, q="Geneva")
    assert both == ids(client, q="لافروف جنيف")


def test_a_look_alike_name_stays_apart(client, archive):
    kirby = ids(client, q="كيربي")
    assert kirby == {archive["kirby"].pk}
    assert archive["kirby"].pk not in ids(client, q="Kerry")
    assert not kirby & (kerry_filter(client) - {archive["kirby"].pk})


def test_a_name_written_with_a_clitic_is_found_by_the_bare_name_in_both_scripts(client, archive):
    glued = archive["glued"].pk
    assert not archive["glued"].people.exists()  # found by its text, not by a link
    for query in ("لافروف", "Lavrov", "سيرغي لافروف", "بلافروف", "للافروف"):
        assert glued in ids(client, q=query), query
    assert ids(client, q="بلافروف") == ids(client, q="Lavrov")


def test_clitic_forms_of_place_names_meet_their_bare_names(client, archive):
    assert ids(client, q="وموسكو") == ids(client, q="موسكو") == ids(client, q="Moscow")
    assert ids(client, q="بجنيف") == ids(client, q="جنيف")


def test_a_multi_word_name_matches_as_a_phrase_with_a_clitic_on_its_first_word(client, archive):
    found = ids(client, q="دير الزور")
    assert archive["deir"].pk in found and archive["apart"].pk not in found
    assert found == ids(client, q="Deir ez-Zor")
    assert archive["apart"].pk in ids(client, q="دير الزور", exact=True)  # as plain words they may stand apart


def test_exact_switches_the_expansion_off_and_the_page_says_so(client, archive):
    assert search(client, q="Kerry", exact=True)["count"] == 0  # no article writes Kerry in Latin letters
    data = search(client, q="Kerry", exact=True)
    assert data["query"]["exact"] is True and data["query"]["interpretation"] == []
    html = client.get(SearchParams(q="Kerry", exact=True).url()).content.decode()
    assert 'class="names-read names-exact"' in html and 'data-expanded="0"' in html
    assert f'href="{SearchParams(q="Kerry").url()}"' in html  # the way back to names
    expanded = client.get(SearchParams(q="Kerry").url()).content.decode()
    exact_url = SearchParams(q="Kerry", exact=True).url().replace("&", "&amp;")
    assert 'data-expanded="1"' in expanded and f'href="{exact_url}"' in expanded
    glued = archive["glued"].pk
    assert glued not in ids(client, q="Lavrov", exact=True) and glued in ids(client, q="Lavrov")


def test_json_and_page_say_how_the_query_was_understood(client, archive):
    data = search(client, q="Kerry -حلب")
    assert data["query"]["exact"] is False
    assert data["query"]["interpretation"] == [
        {"text": "Kerry", "entity": {"type": "person", "slug": "john-kerry", "name": "جون كيري", "name_en": "John Kerry"},
         "excluded": False},
        {"text": "حلب", "entity": {"type": "place", "slug": "aleppo", "name": "حلب", "name_en": "Aleppo"}, "excluded": True},
    ]
    html = client.get(SearchParams(q="Kerry").url()).content.decode()
    read = re.search(r'<span class="name-read" data-type="person" data-slug="john-kerry">(.*?)</span>', html, re.S).group(1)
    assert re.sub(r"<[^>]+>", "", read).split()[:4] == ["Kerry", "→", "جون", "كيري"]
    assert '<bdi class="name-typed">Kerry</bdi>' in read and '<bdi class="name-entity">جون كيري</bdi>' in read


def test_entity_card_shows_names_role_counts_and_links(client, archive):
    html = client.get(SearchParams(q="كيرى").url()).content.decode()
    card = re.search(r'<section class="entity-card" data-type="person" data-slug="john-kerry".*?</section>', html, re.S).group(0)
    kerry = Person.objects.get(slug="john-kerry")
    assert kerry.name in card and kerry.name_en in card and kerry.role in card
    articles = int(re.search(r'class="entity-articles" data-count="(\d+)"', card).group(1))
    statements = int(re.search(r'class="entity-statements" data-count="(\d+)"', card).group(1))
    assert articles == len(kerry_filter(client)) and articles > 0
    assert statements == search(client, type="statements", actor=("john-kerry",))["count"] > 0
    assert 'href="/actors/john-kerry/"' in card
    filter_url = re.search(r'class="entity-filter" href="([^"]+)"', card).group(1).replace("&amp;", "&")
    assert filter_url == "/search/?actor=john-kerry"
    assert '<section class="entity-card" data-type="place" data-slug="aleppo"' in client.get("/search/?q=Aleppo").content.decode()


def test_card_filter_link_keeps_the_other_words(client, archive):
    data = search(client, q="Lavrov Geneva")
    cards = {card["slug"]: card for card in data["entities"]}
    assert set(cards) == {"sergey-lavrov", "geneva"}
    assert cards["sergey-lavrov"]["filter_url"] == SearchParams(q="Geneva", actor=("sergey-lavrov",)).url()
    assert cards["geneva"]["url"] == "/cities/geneva/"


def test_statements_of_a_name_include_what_the_person_said(client, archive):
    said = every_id(client, type="statements", actor=("john-kerry",))
    assert said and said <= every_id(client, type="statements", q="Kerry")


def test_exports_carry_the_same_expanded_results(client, archive):
    assert every_id(client, q="Kerry") == kerry_filter(client)


@pytest.mark.parametrize("typed, expected", [("لافرف", "لافروف"), ("Lavrof", "Lavrov"), ("Kery", "Kerry")])
def test_a_misspelled_name_gets_a_did_you_mean_from_the_aliases(client, archive, typed, expected):
    data = search(client, q=typed)
    assert data["count"] == 0 and data["query"]["suggestion"] == expected
    html = client.get(SearchParams(q=typed).url()).content.decode()
    assert f'href="{SearchParams(q=expected).url()}"' in html


def test_suggest_answers_in_both_scripts(client, archive):
    def slugs(text):
        response = client.get("/search/suggest/", {"q": text})
        assert response.status_code == 200 and response["Content-Type"].startswith("application/json")
        return [item["slug"] for item in response.json()["results"]]

    assert slugs("لاف")[0] == "sergey-lavrov"
    assert slugs("lav")[0] == "sergey-lavrov"
    assert slugs("كيرى")[0] == slugs("Ker")[0] == slugs("جون ك")[0] == "john-kerry"
    assert slugs("Alep") == ["aleppo"] and slugs("حل")[0] == "aleppo"
    assert slugs("الأس")[0] == slugs("اسد")[0] == "bashar-al-assad"
    assert slugs("") == [] and slugs("zzzz") == []
    item = client.get("/search/suggest/", {"q": "Lavrov"}).json()["results"][0]
    assert item == {"type": "person", "slug": "sergey-lavrov", "name": "سيرغي لافروف", "name_en": "Sergey Lavrov",
                    "alias": "Lavrov", "role": "وزير الخارجية الروسي", "url": "/search/?actor=sergey-lavrov",
                    "page": "/actors/sergey-lavrov/"}


def test_names_are_escaped_everywhere(client, archive, search_index):
    person = Person.objects.create(name="<b>مجهول</b>", name_en="<script>x</script>", slug="unknown-tag")
    PersonAlias.objects.create(person=person, name="Tagman")
    html = client.get(SearchParams(q="Tagman").url()).content.decode()
    assert "<script>x" not in html and "&lt;script&gt;x&lt;/script&gt;" in html
    assert "<b>مجهول" not in html
    assert client.get("/search/suggest/", {"q": "tag"}).json()["results"][0]["name_en"] == "<script>x</script>"


def test_an_alias_saved_in_the_admin_changes_results_within_two_seconds(client, editor_client, archive):
    lavrov = Person.objects.get(slug="sergey-lavrov")
    assert search(client, q="Лавров")["count"] == 0  # cached: the same URL again must not be stale
    data = {"name": lavrov.name, "name_en": lavrov.name_en, "slug": lavrov.slug, "kind": lavrov.kind,
            "role": lavrov.role, "role_en": lavrov.role_en, "affiliation": lavrov.affiliation,
            "affiliation_en": lavrov.affiliation_en, "reviewed": "on", "_save": "Save"}
    aliases = list(lavrov.aliases.all())
    data.update({"aliases-TOTAL_FORMS": str(len(aliases) + 1), "aliases-INITIAL_FORMS": str(len(aliases)),
                 "aliases-MIN_NUM_FORMS": "0", "aliases-MAX_NUM_FORMS": "1000"})
    for index, alias in enumerate(aliases):
        data.update({f"aliases-{index}-id": alias.pk, f"aliases-{index}-person": lavrov.pk, f"aliases-{index}-name": alias.name})
    data.update({f"aliases-{len(aliases)}-id": "", f"aliases-{len(aliases)}-person": lavrov.pk,
                 f"aliases-{len(aliases)}-name": "Лавров"})
    positions = list(lavrov.positions.all())
    data.update({"positions-TOTAL_FORMS": str(len(positions)), "positions-INITIAL_FORMS": str(len(positions)),
                 "positions-MIN_NUM_FORMS": "0", "positions-MAX_NUM_FORMS": "1000"})
    for index, position in enumerate(positions):
        data.update({f"positions-{index}-id": position.pk, f"positions-{index}-person": lavrov.pk,
                     f"positions-{index}-title": position.title, f"positions-{index}-title_en": position.title_en,
                     f"positions-{index}-start": position.start or "", f"positions-{index}-end": position.end or ""})
    response = editor_client.post(f"/admin/archive/person/{lavrov.pk}/change/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    saved = time.monotonic()
    assert lavrov.aliases.filter(name="Лавров").exists()
    assert ids(client, q="Лавров") == ids(client, q="Lavrov") != set()
    assert time.monotonic() - saved < 2


def test_a_new_place_alias_needs_no_reindex(client, archive):
    assert search(client, q="Halab")["count"] == 0
    Place.objects.get(slug="aleppo").aliases.create(name="Halab")
    assert ids(client, q="Halab") == ids(client, q="حلب")


def test_the_english_interface_keeps_its_paths(client, archive):
    html = client.get("/en/search/?q=Kerry").content.decode()
    card = re.search(r'<section class="entity-card".*?</section>', html, re.S).group(0)
    assert 'href="/en/actors/john-kerry/"' in card and 'href="/en/search/?actor=john-kerry"' in card
    assert "US Secretary of State" in card
    item = client.get("/en/search/suggest/", {"q": "Kerry"}).json()["results"][0]
    assert item["url"] == "/en/search/?actor=john-kerry" and item["page"] == "/en/actors/john-kerry/"


def test_card_filter_link_takes_a_quoted_name_out_of_the_query(client, archive):
    cards = {card["slug"]: card for card in search(client, q='"جون كيرى" هدنة')["entities"]}
    assert cards["john-kerry"]["filter_url"] == SearchParams(q="هدنة", actor=("john-kerry",)).url()
