"""The markup that screen readers, browsers and checkers read: languages marked, titles, favicon, compression, headings."""
import gzip
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders

from archive.models import Person, Place

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
ARABIC = re.compile("[\u0600-\u06ff]")
KERRY_AR = "/search/?q=%D9%83%D9%8A%D8%B1%D9%8A"  # كيري
CEASEFIRE_STATEMENTS = "/search/?q=%D9%88%D9%82%D9%81&type=statements"  # وقف: more than one page
COMPARE = "/compare/?s=type%3Dstatements%26actor%3Dsergey-lavrov&s=q%3D%25D8%25AD%25D9%2584%25D8%25A8"  # Lavrov, حلب
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class Outline(HTMLParser):
    """Each text run of the body with the language and the roles of the elements around it; each link with its roles."""

    def __init__(self):
        super().__init__()
        self.stack, self.texts, self.links = [], [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a":
            self.links.append((attrs, [element[2] for element in self.stack]))
        if tag not in VOID:
            self.stack.append((tag, attrs.get("lang"), attrs.get("role")))

    def handle_startendtag(self, tag, attrs):
        if tag == "a":
            self.handle_starttag(tag, attrs)
            self.stack.pop()

    def handle_endtag(self, tag):
        while self.stack and self.stack.pop()[0] != tag:
            pass

    def handle_data(self, data):
        tags = [element[0] for element in self.stack]
        if data.strip() and "body" in tags and "script" not in tags:
            language = next((lang for _, lang, _ in reversed(self.stack) if lang), None)
            self.texts.append((data.strip(), language))


def outline(html):
    parser = Outline()
    parser.feed(html)
    return parser


def page(client, path, **headers):
    response = client.get(path, **headers)
    assert response.status_code == 200, (path, response.status_code)
    return response.content.decode()


def title(html):
    return re.search(r"<title>(.*?)</title>", html, re.S).group(1)


@pytest.fixture
def indexed(seeded, search_index):
    search_index()


ENGLISH_PAGES = ["/en/", "/en/articles/1/", "/en/articles/2/", "/en/actors/", "/en/actors/john-kerry/", "/en/cities/",
                 "/en/cities/aleppo/", f"/en{KERRY_AR}", "/en/search/?type=statements&actor=john-kerry",
                 f"/en{CEASEFIRE_STATEMENTS}", f"/en{COMPARE}"]


@pytest.mark.parametrize("path", ENGLISH_PAGES)
def test_every_arabic_run_in_the_english_interface_is_marked_arabic(client, indexed, path):
    texts = outline(page(client, path)).texts
    arabic = [(text, language) for text, language in texts if ARABIC.search(text)]
    assert arabic  # titles, quotes, snippets or the names in Arabic script
    assert [(text, language) for text, language in arabic if language != "ar"] == []


def test_english_names_inside_an_arabic_article_are_marked_english(client, indexed):
    html = page(client, "/en/articles/1/")
    assert '<div class="body" dir="auto" lang="ar">' in html
    cites = re.findall(r'<cite class="speaker"([^>]*)>', html)
    assert cites and set(cites) == {' lang="en" dir="ltr"'}
    english_names = set(Person.objects.values_list("name_en", flat=True))
    named = [language for text, language in outline(html).texts if text in english_names]
    assert named and set(named) == {"en"}


def test_a_name_without_its_english_shows_in_arabic_marked_arabic(client, indexed):
    Person.objects.filter(slug="john-kerry").update(name_en="")
    profile = page(client, "/en/actors/john-kerry/")
    assert '<h1 id="profile-name" lang="ar">جون كيري</h1>' in profile
    assert '<span lang="ar" dir="rtl">جون كيري</span>' in page(client, "/en/actors/")


@pytest.mark.parametrize("path", ["/actors/", "/cities/", "/actors/john-kerry/", "/cities/aleppo/", KERRY_AR])
def test_english_names_in_the_arabic_interface_are_marked_english(client, indexed, path):
    english_names = set(Person.objects.values_list("name_en", flat=True)) | set(Place.objects.values_list("name_en", flat=True))
    shown = [(text, language) for text, language in outline(page(client, path)).texts if text in english_names]
    assert shown
    assert [(text, language) for text, language in shown if language != "en"] == []


def test_the_arabic_interface_leaves_arabic_unmarked(client, indexed):
    html = page(client, "/actors/john-kerry/")
    assert '<h1 id="profile-name">جون كيري</h1>' in html
    assert ' lang="ar"' not in html[html.index("<main"):]


def test_the_arabic_reading_of_a_search_mirrors_its_arrow(client, indexed):
    html = page(client, KERRY_AR)
    assert '<html lang="ar" dir="rtl">' in html
    read = re.search(r'<span class="name-read" data-type="person" data-slug="john-kerry">(.*?)</span>', html, re.S).group(1)
    assert re.fullmatch(r'<bdi class="name-typed" lang="ar">كيري</bdi> <bdi class="name-arrow">→</bdi> '
                        r'<bdi class="name-entity">جون كيري</bdi> \(.+\)', read)
    css = (ROOT / "static/css/archive.css").read_text(encoding="utf-8")
    # The bidi algorithm never mirrors an arrow: right to left, the stylesheet turns it to point at the name.
    assert re.search(r"html\[dir=rtl\] \.name-arrow \{[^}]*transform: scaleX\(-1\)", css)
    english = page(client, f"/en{KERRY_AR}")
    assert '<bdi class="name-arrow">→</bdi> <bdi class="name-entity" lang="ar">جون كيري</bdi>' in english


@pytest.mark.parametrize("path", ["/", "/en/", "/actors/john-kerry/", "/en/search/"])
def test_every_page_links_the_favicon(client, indexed, path):
    html = page(client, path)
    icons = re.findall(r'<link rel="icon" href="/static/([^"]+)"', html)
    assert icons == ["favicon.ico", "favicon.svg"]
    assert all(finders.find(icon) for icon in icons)


def test_favicon_ico_is_served_at_the_root(client, db):
    response = client.get("/favicon.ico")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/x-icon"
    assert response.content[:4] == b"\x00\x00\x01\x00"  # an icon resource
    assert "max-age" in response["Cache-Control"]


@pytest.mark.parametrize("path, script", [("/", ARABIC), ("/en/", re.compile("[A-Za-z]")),
                                          ("/actors/john-kerry/", ARABIC), ("/en/search/", re.compile("[A-Za-z]"))])
def test_pages_describe_themselves_in_their_language(client, indexed, path, script):
    description = re.search(r'<meta name="description" content="([^"]+)">', page(client, path)).group(1)
    assert len(description) > 40 and script.search(description)


@pytest.mark.parametrize("path", ["/", "/en/actors/", "/articles/1/", CEASEFIRE_STATEMENTS, f"/en{CEASEFIRE_STATEMENTS}"])
def test_pages_go_out_gzipped_when_the_client_accepts_it(client, indexed, path):
    plain = client.get(path)
    assert "Content-Encoding" not in plain and "Accept-Encoding" in plain["Vary"]
    for _ in range(2):  # the search page's second answer comes from its kept bytes
        packed = client.get(path, HTTP_ACCEPT_ENCODING="gzip, deflate, br")
        assert packed["Content-Encoding"] == "gzip"
        assert "Accept-Encoding" in packed["Vary"]
        assert int(packed["Content-Length"]) == len(packed.content) < len(plain.content) / 2
        assert not packed.get("ETag", "W/").startswith('"')  # an entity tag of the plain bytes would be weak
        assert gzip.decompress(packed.content) == plain.content


def test_csv_export_still_streams_when_gzipped(client, indexed):
    path = "/search/?type=statements&format=csv"
    plain = b"".join(client.get(path).streaming_content)
    response = client.get(path, HTTP_ACCEPT_ENCODING="gzip")
    assert response.streaming and response["Content-Encoding"] == "gzip"
    assert not response.has_header("Content-Length")
    chunks = list(response.streaming_content)
    assert len(chunks) > 1
    assert gzip.decompress(b"".join(chunks)) == plain


def test_each_page_of_a_search_has_its_own_title(client, indexed):
    first, second = title(page(client, CEASEFIRE_STATEMENTS)), title(page(client, CEASEFIRE_STATEMENTS + "&page=2"))
    assert first != second
    assert "وقف" in first and "وقف" in second and "الصفحة 2" in second and "الصفحة" not in first
    english = title(page(client, f"/en{CEASEFIRE_STATEMENTS}&page=2"))
    assert "وقف" in english and "Page 2" in english and "Statements" in english


def test_the_admin_sign_in_page_has_a_heading(client, db):
    html = page(client, "/admin/login/")
    assert re.search(r"<h1>[^<]+</h1>", html)


@pytest.mark.parametrize("path", ["/actors/john-kerry/", "/en/cities/aleppo/", "/search/?type=statements", COMPARE])
def test_month_chart_links_are_not_inside_an_image(client, indexed, path):
    html = page(client, path)
    bars = [(attrs, roles) for attrs, roles in outline(html).links if "chart-bar" in attrs.get("class", "")]
    assert bars
    assert [attrs["href"] for attrs, roles in bars if "img" in roles] == []
    assert re.search(r'<svg class="month-chart-svg"[^>]* role="img" aria-labelledby="([\w-]+)-title">\s*<title id="\1-title">', html)
