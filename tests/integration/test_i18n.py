"""Arabic at the plain paths, English under /en/: direction, names, links that keep the language, the switch."""
import gettext
import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))
from compile_messages import catalog, read_po  # noqa: E402

pytestmark = pytest.mark.django_db
PAGES = ["/", "/search/?type=statements", "/actors/", "/actors/john-kerry/", "/cities/", "/cities/aleppo/", "/articles/1/"]


def html_tag(html):
    return re.search(r"<html [^>]*>", html).group(0)


@pytest.mark.parametrize("path", PAGES)
def test_every_page_is_arabic_rtl_at_its_path_and_english_ltr_under_en(client, seeded, path):
    arabic = client.get(path, HTTP_ACCEPT_LANGUAGE="en")  # the path decides, not the browser
    assert arabic.status_code == 200
    assert html_tag(arabic.content.decode()) == '<html lang="ar" dir="rtl">'
    english = client.get(f"/en{path}")
    assert english.status_code == 200
    html = english.content.decode()
    assert html_tag(html) == '<html lang="en" dir="ltr">'
    assert "Syria Diplomacy Archive" in html and "أرشيف الدبلوماسية السورية" not in html


@pytest.mark.parametrize("path", PAGES)
def test_the_switch_links_to_the_same_page_in_the_other_language(client, seeded, path):
    arabic = client.get(path).content.decode()
    english_url = f"/en{path}".replace("&", "&amp;")
    assert f'<a class="language-switch" href="{english_url}" hreflang="en" lang="en">English</a>' in arabic
    english = client.get(f"/en{path}").content.decode()
    assert f'<a class="language-switch" href="{path.replace("&", "&amp;")}" hreflang="ar" lang="ar">العربية</a>' in english


def test_the_switch_keeps_the_query_string_as_it_is(client, seeded):
    html = client.get("/en/search/?q=%D9%83%D9%8A%D8%B1%D9%8A&type=statements&page=2").content.decode()
    assert 'href="/search/?q=%D9%83%D9%8A%D8%B1%D9%8A&amp;type=statements&amp;page=2" hreflang="ar"' in html


def test_names_show_in_the_interfaces_language(client, seeded):
    assert '<h1 id="profile-name">John Kerry</h1>' in client.get("/en/actors/john-kerry/").content.decode()
    assert '<h1 id="profile-name">جون كيري</h1>' in client.get("/actors/john-kerry/").content.decode()
    english_list = client.get("/en/cities/").content.decode()
    assert ">Aleppo</a>" in english_list and '<span class="other-name"><bdi lang="ar">حلب</bdi></span>' in english_list


def test_english_pages_link_to_english_pages(client, seeded, search_index):
    search_index()
    html = client.get("/en/search/?type=statements").content.decode()
    searches = re.findall(r'href="([^"]*search/[^"]*)"(?! hreflang)', html)  # all but the language switch
    assert searches and all(url.startswith("/en/search/") for url in searches), searches
    pages = re.findall(r'href="(/[^"]*(?:actors|cities|articles)/[^"]*)"(?! hreflang)', html)
    assert pages and all(url.startswith("/en/") for url in pages)
    profile = client.get("/en/actors/john-kerry/").content.decode()
    assert 'href="/en/search/?type=statements&amp;actor=john-kerry&amp;from=2016-05-01&amp;to=2016-05-31"' in profile


def test_english_search_labels_names_in_english_and_keeps_json_names_canonical(client, seeded, search_index):
    search_index()
    data = client.get("/en/search/?type=statements&actor=john-kerry&format=json").json()
    assert {"value": "john-kerry", "label": "John Kerry", "count": data["count"]} in data["facets"]["actor"]
    assert data["results"][0]["speaker"] == {"slug": "john-kerry", "name": "جون كيري"}  # the contract's data
    html = client.get("/en/search/?type=statements&actor=john-kerry").content.decode()
    assert '<a class="speaker-name" href="/en/actors/john-kerry/">John Kerry</a>' in html
    assert f'{data["count"]}</span> statements</h1>' in html


def test_a_non_canonical_english_search_redirects_within_english(client, seeded):
    response = client.get("/en/search/?page=1&type=statements")
    assert response.status_code == 301
    assert response["Location"] == "/en/search/?type=statements"


def test_error_pages_speak_the_interfaces_language(client, seeded):
    assert "الصفحة غير موجودة" in client.get("/actors/nobody/").content.decode()
    assert "Page not found" in client.get("/en/actors/nobody/").content.decode()
    assert client.get("/ar/actors/").status_code == 404  # Arabic has no prefix


def test_arabic_plurals_follow_the_number(client, seeded, search_index):
    search_index()
    kerry_may = "/search/?type=statements&actor=john-kerry&from=2016-05-01&to=2016-05-31"
    assert '3</span> تصريحات</h1>' in client.get(kerry_may).content.decode()
    assert re.search(r'\d\d</span> تصريحًا</h1>', client.get("/search/?type=statements").content.decode())


def test_every_interface_string_has_its_arabic(client):
    entries = read_po((ROOT / "locale/ar/LC_MESSAGES/django.po").read_text(encoding="utf-8"))
    untranslated = [msgid for _, msgid, _, strs, fuzzy in entries if msgid and (fuzzy or not all(strs))]
    assert untranslated == []
    assert all(len(strs) == 6 for _, msgid, plural, strs, _ in entries if plural)  # Arabic has six plural forms


@pytest.mark.parametrize("language", ["ar", "en"])
def test_the_committed_mo_files_are_compiled_from_the_po_files(language):
    folder = ROOT / "locale" / language / "LC_MESSAGES"
    expected = catalog(read_po((folder / "django.po").read_text(encoding="utf-8")))
    with open(folder / "django.mo", "rb") as handle:
        compiled = gettext.GNUTranslations(handle)._catalog
    expected.pop("", None)
    compiled.pop("", None)
    # GNUTranslations keys plural entries as (msgid, index); flatten ours the same way.
    flat = {}
    for key, value in expected.items():
        if "\0" in key:
            msgid = key.split("\0")[0]
            flat.update({(msgid, i): form for i, form in enumerate(value.split("\0"))})
        else:
            flat[key] = value
    assert compiled == flat, "run: python scripts/compile_messages.py"
