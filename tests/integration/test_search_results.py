"""Analysts search a real Whoosh index: spelling variants meet, phrases hold, facets count true."""
import csv
import io
import re
from xml.etree import ElementTree

import pytest

from archive.models import Article, Person, Place, Source, Statement

ARTICLES = {
    "un": ("الأمم المتّحدة تدعو إلى هدنة", "دعت الأُمَمُ المتّحدة اليوم إلى هدنة إنسانيّة في المدينة المحاصَرة، وقالت إن المستشفى الوحيد توقّف."),
    "plain": ("الامم المتحده ترحب", "رحبت الامم المتحده بالاتفاق وقالت ان مستشفى ميدانيا سيفتح قريبا في المدرسه القديمه."),
    "phrase": ("هدنة جديدة", "أعلن الطرفان وقف إطلاق النار في الشمال ابتداء من منتصف الليل."),
    "scattered": ("نار ووقف", "اشتعلت النار في المخزن قبل وقف العمليات، وتأجل إطلاق سراح المحتجزين."),
    "kirby": ("كيربي يعلق", "قال المتحدث جون كيربي إن الوزارة تتابع الموقف."),
}


@pytest.fixture
def archive(db, search_index):
    source = Source.objects.create(name="وكالة الاختبار", name_en="Test Agency", slug="test-agency")
    kerry = Person.objects.create(name="جون كيري", name_en="John Kerry", slug="john-kerry")
    homs = Place.objects.create(name="حمص", name_en="Homs", slug="homs")
    made = {}
    for index, (key, (title, body)) in enumerate(ARTICLES.items()):
        made[key] = Article.objects.create(
            title=title, body=body, published=f"2017-0{index + 1}-15", source=source if index % 2 == 0 else None
        )
    made["un"].people.add(kerry)
    made["un"].places.add(homs)
    made["plain"].places.add(homs)
    quote = "المستشفى الوحيد توقّف"
    start = made["un"].body.index(quote)
    Statement.objects.create(article=made["un"], speaker=kerry, text=quote, start=start, end=start + len(quote))
    search_index()
    return made


def found(client, query):
    data = client.get(f"/search/?{query}&format=json").json()
    return {result["id"] for result in data["results"]}, data


@pytest.mark.parametrize("spellings", [
    ["الأمم", "الامم", "الأُمَمُ", "الإمم"],
    ["المتحدة", "المتحده", "المتّحدة", "المتـــحدة"],
    ["مستشفى", "مستشفي", "المستشفى"],
    ["المدرسة", "المدرسه", "مدرسة"],
])
def test_spelling_variants_find_the_same_articles(client, archive, spellings):
    results = [found(client, f"q={spelling}")[0] for spelling in spellings]
    assert results[0], spellings[0]
    assert all(result == results[0] for result in results), dict(zip(spellings, results))


def test_a_phrase_matches_only_the_phrase(client, archive):
    ids, _ = found(client, 'q="وقف إطلاق النار"')
    assert ids == {archive["phrase"].pk}
    words, _ = found(client, "q=وقف إطلاق النار")
    assert words == {archive["phrase"].pk, archive["scattered"].pk}


def test_kerry_does_not_find_kirby(client, archive):
    ids, _ = found(client, "q=كيري")
    assert archive["kirby"].pk not in ids


def test_or_not_and_prefix(client, archive):
    assert found(client, "q=كيربي OR هدنة")[0] == {archive["kirby"].pk, archive["un"].pk, archive["phrase"].pk}
    assert found(client, "q=هدنة -الأمم")[0] == {archive["phrase"].pk}
    assert found(client, "q=هدنة NOT الأمم")[0] == {archive["phrase"].pk}
    assert archive["un"].pk in found(client, "q=المتح*")[0]


def test_unparseable_query_is_searched_as_words(client, archive):
    response = client.get('/search/?q=%22%D9%87%D8%AF%D9%86%D8%A9+(OR')
    assert response.status_code == 200


def test_snippet_marks_the_original_spelling(client, archive):
    _, data = found(client, "q=الامم")
    snippets = {r["id"]: r["snippet_html"] for r in data["results"]}
    assert "<mark>الأُمَمُ</mark>" in snippets[archive["un"].pk]
    assert "<mark>الامم</mark>" in snippets[archive["plain"].pk]


def test_result_titles_mark_the_words_that_matched_as_written(client, archive):
    _, data = found(client, "q=الامم")
    titles = {r["id"]: r["title_html"] for r in data["results"]}
    assert titles[archive["un"].pk] == "<mark>الأمم</mark> المتّحدة تدعو إلى هدنة"
    assert titles[archive["plain"].pk] == "<mark>الامم</mark> المتحده ترحب"
    html = client.get("/search/?q=%D8%A7%D9%84%D8%A7%D9%85%D9%85").content.decode()  # الامم
    assert f'<a href="/articles/{archive["un"].pk}/"><mark>الأمم</mark> المتّحدة تدعو إلى هدنة</a>' in html


def test_a_multi_word_actor_name_is_one_facet_value(client, archive):
    _, data = found(client, "q=هدنة")
    assert {"value": "john-kerry", "label": "جون كيري", "count": 1} in data["facets"]["actor"]


def test_each_facet_count_equals_the_results_after_clicking_it(client, archive):
    _, data = found(client, "")
    for facet in ("actor", "city", "source"):
        for value in data["facets"][facet]:
            narrowed = client.get(f"/search/?{facet}={value['value']}&format=json").json()
            assert narrowed["count"] == value["count"], (facet, value)
    for month in data["facets"]["month"]:
        year, number = month["value"].split("-")
        narrowed = client.get(f"/search/?from={year}-{number}-01&to={year}-{number}-28&format=json").json()
        assert narrowed["count"] == month["count"]


def test_facet_values_narrow_together(client, archive):
    both = client.get("/search/?city=homs&source=test-agency&format=json").json()
    assert {r["id"] for r in both["results"]} == {archive["un"].pk}


def test_statements_are_the_second_result_type(client, archive):
    _, data = found(client, "q=المستشفى&type=statements")
    assert data["count"] == 1
    statement = data["results"][0]
    assert statement["type"] == "statement"
    assert statement["speaker"] == {"slug": "john-kerry", "name": "جون كيري"}
    assert statement["article"]["id"] == archive["un"].pk
    assert set(statement) >= {"id", "text", "speaker", "article", "published", "snippet_html"}


def test_a_non_canonical_url_redirects_to_the_canonical_one(client, archive):
    response = client.get("/search/?page=1&city=homs&q=%D9%87%D8%AF%D9%86%D8%A9&actor=")
    assert response.status_code == 301
    assert response["Location"] == "/search/?q=%D9%87%D8%AF%D9%86%D8%A9&city=homs"
    assert client.get(response["Location"]).status_code == 200


def test_a_link_shared_with_tracking_parameters_opens_the_same_page(client, archive):
    shared = "/search/?q=%D9%87%D8%AF%D9%86%D8%A9&utm_source=twitter&city=homs&fbclid=IwAR0abc"
    response = client.get(shared)
    assert response.status_code == 301
    assert client.get(response["Location"], follow=True).content == client.get(
        "/search/?q=%D9%87%D8%AF%D9%86%D8%A9&city=homs").content
    article = archive["un"].pk
    response = client.get(f"/articles/{article}/?utm_medium=email&utm_campaign=weekly")
    assert (response.status_code, response["Location"]) == (301, f"/articles/{article}/")
    assert client.get("/cities/?format=json&gclid=x")["Location"] == "/cities/?format=json"


def test_a_bookmarked_url_gives_the_same_page(client, archive):
    url = "/search/?q=%D9%87%D8%AF%D9%86%D8%A9&city=homs"
    first, second = client.get(url).content, client.get(url).content
    assert first == second
    assert "chip" in first.decode()


@pytest.mark.parametrize("query, message", [
    ("from=2016-02-30", "must be a date written YYYY-MM-DD"),
    ("page=0", "“page” must be a whole number"),
    ("format=pdf", "“format” must be one of"),
    ("foo=bar", "Unknown parameter “foo”"),
])
def test_bad_parameters_give_a_clear_400(client, archive, query, message):
    response = client.get(f"/search/?{query}")
    assert response.status_code == 400
    assert message in response.content.decode()


def test_a_page_past_the_end_is_empty_not_an_error(client, archive):
    response = client.get("/search/?page=50&format=json")
    assert response.status_code == 200
    assert response.json()["results"] == [] and response.json()["count"] == len(ARTICLES)


def test_empty_result_explains_the_query_and_suggests_a_spelling(client, archive):
    html = client.get("/search/?q=%D9%85%D8%B3%D8%AA%D8%B4%D9%81%D8%A7").content.decode()  # مستشفا
    assert "لا نتائج" in html
    assert 'class="understood"' in html
    assert "هل تقصد" in html


def test_json_csv_and_atom_carry_the_page_results(client, archive):
    query = "q=%D9%87%D8%AF%D9%86%D8%A9"  # هدنة
    page_ids = [int(m) for m in re.findall(r'<a href="/articles/(\d+)/">', client.get(f"/search/?{query}").content.decode())]
    json_ids = [r["id"] for r in client.get(f"/search/?{query}&format=json").json()["results"]]
    response = client.get(f"/search/?{query}&format=csv")
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    csv_ids = [int(row["id"]) for row in rows]
    feed = ElementTree.fromstring(client.get(f"/search/?{query}&format=atom").content)
    links = [e.get("href") for e in feed.iter("{http://www.w3.org/2005/Atom}link") if "/articles/" in (e.get("href") or "")]
    atom_ids = [int(re.search(r"/articles/(\d+)/", link).group(1)) for link in links]
    assert page_ids == json_ids == csv_ids
    assert set(atom_ids) == set(json_ids)


def test_csv_cells_that_look_like_formulas_open_as_text(client, archive, search_index):
    title = '=HYPERLINK("http://example.com","هدنة")'
    Article.objects.create(title=title, body="-1+1 هدنة مؤقتة في الريف الغربي أعلنها الطرفان.", published="2017-09-01")
    search_index()
    response = client.get("/search/?q=%D9%85%D8%A4%D9%82%D8%AA%D8%A9&format=csv")  # مؤقتة
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    assert [row["title"] for row in rows] == ["'" + title]
    json_titles = [r["title"] for r in client.get("/search/?q=%D9%85%D8%A4%D9%82%D8%AA%D8%A9&format=json").json()["results"]]
    assert json_titles == [title]  # only the spreadsheet export is guarded; the data stays as written


def test_an_article_saved_by_an_editor_is_found_once_the_writer_applies_it(client, archive, search_index):
    article = Article.objects.create(title="مقال جديد", body="وصل المبعوث إلى طرابلس صباحا.")
    assert found(client, "q=طرابلس")[0] == set()  # recorded, not yet applied
    search_index()
    assert found(client, "q=طرابلس")[0] == {article.pk}
    article.body = "وصل المبعوث إلى بنغازي صباحا."
    article.save()
    search_index()
    assert found(client, "q=طرابلس")[0] == set()
    assert found(client, "q=بنغازي")[0] == {article.pk}
    article.delete()
    search_index()
    assert found(client, "q=بنغازي")[0] == set()


def test_a_reloaded_page_shows_a_corrected_title_once_the_writer_applies_it(client, archive, search_index):
    url = "/search/?q=%D9%83%D9%8A%D8%B1%D8%A8%D9%8A"  # كيربي
    article = archive["kirby"]
    before = client.get(url).content.decode()
    assert "<mark>كيربي</mark> يعلق" in before and client.get(url).content.decode() == before
    article.title = "المتحدث كيربي يعلق على الموقف"
    article.save()
    search_index()
    for path in (url, url + "&format=json", "/en" + url):
        shown = re.sub("</?mark>", "", client.get(path).content.decode())
        assert "المتحدث كيربي يعلق على الموقف" in shown, path


@pytest.mark.parametrize("query", [{"q": ["وقف إطلاق النار"], "actor": ["john-kerry"], "sort": ["oldest"]},
                                   {"type": ["statements"], "city": ["homs", "aleppo"], "from": ["2016-01-01"]},
                                   {"q": ["0001-01-01 0001-01-02 to=0001-01-02"], "page": ["3"]}, {}])
def test_month_links_set_the_date_range_to_their_month(query):
    from datetime import date

    from front.naming import search_path
    from front.search_page import month_links
    from search.params import parse

    params, path = parse(query), search_path()
    months = [{"value": "2016-02", "count": 3}, {"value": "2016-12", "count": 1}, {"value": "2020-02", "count": 2}]
    expected = [params.changed(date_from=date(2016, 2, 1), date_to=date(2016, 2, 29)).url(path),
                params.changed(date_from=date(2016, 12, 1), date_to=date(2016, 12, 31)).url(path),
                params.changed(date_from=date(2020, 2, 1), date_to=date(2020, 2, 29)).url(path)]
    assert [link["url"] for link in month_links(params, months)] == expected
