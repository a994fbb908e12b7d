"""The article page and its JSON: title, source, date, the marked body, who is named."""
import pytest

from archive.models import Article, Person, Place, Source, Statement

BODY = (
    "صرّح الوزير بأن \"الحوار هو <b>الخيار</b> الوحيد\" قبل أن يغادر.\n\n"
    "وفي عمّان، قال نظيره إن اللقاء المقبل سيُعقد في الربيع."
)


@pytest.fixture
def article(db):
    source = Source.objects.create(name="صحيفة المثال", name_en="Example Daily", slug="example-daily")
    minister = Person.objects.create(name="الوزير الأول", name_en="First Minister", slug="first-minister")
    colleague = Person.objects.create(name="الوزير الثاني", name_en="Second Minister", slug="second-minister")
    amman = Place.objects.create(name="عمّان", name_en="Amman", slug="amman")
    article = Article.objects.create(title="حوار <script>alert(1)</script>", body=BODY, source=source, published="2017-03-14")
    article.places.add(amman)
    for speaker, words, kind in [(minister, "الحوار هو <b>الخيار</b> الوحيد", "quote"),
                                 (colleague, "اللقاء المقبل سيُعقد في الربيع", "paraphrase")]:
        start = BODY.index(words)
        Statement.objects.create(article=article, speaker=speaker, text=words, start=start, end=start + len(words), kind=kind)
    article.include_speakers()
    return article


def test_json_carries_the_contract_fields(client, article):
    data = client.get(f"/articles/{article.pk}/?format=json").json()
    assert data["id"] == article.pk and data["url"] == f"/articles/{article.pk}/"
    assert data["title"] == article.title
    assert data["published"] == "2017-03-14"
    assert data["source"] == {"slug": "example-daily", "name": "صحيفة المثال"}
    assert data["body"] == BODY
    assert [set(s) >= {"id", "speaker", "text", "start", "end"} for s in data["statements"]] == [True, True]
    for statement in data["statements"]:
        assert BODY[statement["start"]:statement["end"]] == statement["text"]
    assert data["statements"][0]["speaker"] == {"slug": "first-minister", "name": "الوزير الأول"}
    assert {a["slug"] for a in data["actors"]} == {"first-minister", "second-minister"}
    assert data["cities"] == [{"slug": "amman", "name": "عمّان"}]


def test_page_marks_each_statement_and_names_its_speaker(client, article):
    html = client.get(f"/articles/{article.pk}/").content.decode()
    first, second = article.statements.order_by("start")
    assert f'id="statement-{first.pk}" data-speaker="first-minister"' in html
    assert '?type=statements&amp;actor=second-minister" title="كل تصريحات الوزير الثاني">الوزير الثاني</a></cite>' in html
    assert 'lang="ar" dir="rtl"' in html
    assert html.count("<p>") >= 2  # paragraphs kept


def test_stored_markup_is_shown_as_text(client, article):
    html = client.get(f"/articles/{article.pk}/").content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;b&gt;الخيار&lt;/b&gt;" in html and "<b>الخيار</b>" not in html


def test_unknown_format_is_a_clear_400(client, article):
    response = client.get(f"/articles/{article.pk}/?format=xml")
    assert response.status_code == 400
    assert "Unknown format “xml”. This page answers: html, json." in response.content.decode()


def test_missing_article_is_a_404_page(client, db):
    response = client.get("/articles/999999/")
    assert response.status_code == 404
    assert "الصفحة غير موجودة" in response.content.decode()


def test_home_lists_latest_articles_and_most_quoted(client, article):
    html = client.get("/").content.decode()
    assert article.get_absolute_url() in html
    assert "الوزير الأول" in html


def test_health_check_answers_ok(client, db):
    assert client.get("/healthz").content == b"ok"
