"""An analyst's feed is valid Atom in the interface's language: each entry says who wrote it and when it changed."""
from xml.etree import ElementTree

import pytest

from archive.models import Article, Person, Source, Statement

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def reported(db, search_index):
    agency = Source.objects.create(name="وكالة الأنباء", name_en="The News Agency", slug="news-agency")
    lavrov = Person.objects.create(name="سيرغي لافروف", name_en="Sergey Lavrov", slug="sergey-lavrov")
    with_source = Article.objects.create(title="هدنة في حلب", body="قال لافروف إن الهدنة في حلب صامدة.",
                                         published="2016-05-03", source=agency)
    Article.objects.create(title="هدنة جديدة", body="أعلن الطرفان هدنة جديدة في الشمال.", published="2016-05-04")
    quote = "الهدنة في حلب صامدة"
    start = with_source.body.index(quote)
    Statement.objects.create(article=with_source, speaker=lavrov, text=quote, start=start, end=start + len(quote))
    search_index()


def feed(client, path):
    response = client.get(path)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    return ElementTree.fromstring(response.content)


def test_every_entry_has_an_author_and_an_update_time(client, reported):
    for path in ("/search/?q=هدنة&format=atom", "/search/?q=هدنة&type=statements&format=atom"):
        root = feed(client, path)
        entries = root.findall(f"{ATOM}entry")
        assert entries, path
        assert root.find(f"{ATOM}author/{ATOM}name").text
        assert root.find(f"{ATOM}updated").text
        for entry in entries:
            assert entry.find(f"{ATOM}author/{ATOM}name").text, path
            assert entry.find(f"{ATOM}updated").text.startswith("20"), path
            assert entry.find(f"{ATOM}id").text and entry.find(f"{ATOM}title").text


def test_an_entry_is_by_its_source_or_its_speaker(client, reported):
    articles = {e.find(f"{ATOM}title").text: e.find(f"{ATOM}author/{ATOM}name").text
                for e in feed(client, "/search/?q=هدنة&format=atom").findall(f"{ATOM}entry")}
    assert articles["هدنة في حلب"] == "وكالة الأنباء"
    assert articles["هدنة جديدة"] == "أرشيف الدبلوماسية السورية"  # no source: the archive's own
    statements = feed(client, "/search/?q=هدنة&type=statements&format=atom").findall(f"{ATOM}entry")
    assert [e.find(f"{ATOM}author/{ATOM}name").text for e in statements] == ["سيرغي لافروف"]


def test_the_feed_speaks_the_interface_language(client, reported):
    arabic = feed(client, "/search/?format=atom")
    english = feed(client, "/en/search/?format=atom")
    assert arabic.find(f"{ATOM}title").text == "أرشيف الدبلوماسية السورية: أحدث المقالات"
    assert english.find(f"{ATOM}title").text == "Syria Diplomacy Archive: Latest articles"
    assert english.get("{http://www.w3.org/XML/1998/namespace}lang") == "en"
