"""Scraped copy that dropped a space (الأممالمتحدة) is found, and marked, like the spaced words."""
import pytest

from archive.models import Article

ARTICLES = {
    "glued": ("الأممالمتحدة تدعو إلى هدنة", "دعت الأممالمتحدة اليوم إلى هدنة، وقال المبعوثالأممي إن وزيرالخارجية وافق."),
    "spaced": ("الأمم المتحدة ترحب", "رحبت الأمم المتحدة بالاتفاق وقال المبعوث الأممي إنه سيزور دمشق."),
    "apart": ("الأمم تدعو", "دعت الأمم الأطراف، والمتحدة بلسانها لم تعلق."),
}


@pytest.fixture
def archive(db, search_index):
    made = {key: Article.objects.create(title=title, body=body, published=f"2017-0{index + 1}-15")
            for index, (key, (title, body)) in enumerate(ARTICLES.items())}
    search_index()
    return made


def found(client, query):
    data = client.get(f"/search/?{query}&format=json").json()
    return {result["id"]: result for result in data["results"]}


def test_a_phrase_finds_the_glued_words(client, archive):
    assert set(found(client, 'q="الأمم المتحدة"')) == {archive["glued"].pk, archive["spaced"].pk}
    assert set(found(client, 'q="المبعوث الأممي"')) == {archive["glued"].pk, archive["spaced"].pk}


def test_each_glued_word_is_a_word(client, archive):
    assert set(found(client, "q=المتحدة")) == {archive["glued"].pk, archive["spaced"].pk, archive["apart"].pk}
    assert archive["glued"].pk in found(client, "q=الخارجية")


def test_a_glued_query_is_the_phrase(client, archive):
    assert set(found(client, "q=الأممالمتحدة")) == {archive["glued"].pk, archive["spaced"].pk}


def test_the_snippet_and_title_mark_the_part_that_matched(client, archive):
    result = found(client, "q=المتحدة")[archive["glued"].pk]
    assert "الأمم<mark>المتحدة</mark> اليوم" in result["snippet_html"]
    assert result["title_html"] == "الأمم<mark>المتحدة</mark> تدعو إلى هدنة"
    result = found(client, 'q="الأمم المتحدة"')[archive["glued"].pk]
    assert "<mark>الأمم</mark><mark>المتحدة</mark>" in result["snippet_html"]
