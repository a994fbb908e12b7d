"""Hostile input never gets a 500 or a traceback: a 4xx with a clear message or an empty result, and escaped output."""
import pytest
from django.test import Client

from archive.models import Article, Person, Statement

HUGE = "ك" * 100_000
MARKUP_TITLE = '<script>alert("title")</script><b>عنوان</b>'
MARKUP_BODY = 'قال المتحدث إن <img src=x onerror=alert(1)> المفاوضات "<script>alert(2)</script>" ستستمر في جنيف.'

# (path, query parameters, the statuses that are acceptable answers)
TABLE = [
    ("/search/", {"from": "2016-13-45"}, {400}),
    ("/search/", {"from": "yesterday"}, {400}),
    ("/search/", {"to": "2016-02-30"}, {400}),
    ("/search/", {"from": "0000-01-01"}, {400}),
    ("/search/", {"from": "2017-01-01", "to": "2016-01-01"}, {400}),
    ("/search/", {"from": "٢٠١٦-٠٥-٢٤"}, {200, 400}),
    ("/search/", {"page": "0"}, {400}),
    ("/search/", {"page": "-1"}, {400}),
    ("/search/", {"page": "1.5"}, {400}),
    ("/search/", {"page": "²"}, {400}),
    ("/search/", {"page": "9" * 40}, {400}),
    ("/search/", {"page": "10000"}, {200}),
    ("/search/", {"q": "كيري", "page": "500"}, {200}),
    ("/search/", {"actor": "no-such-actor"}, {200}),
    ("/search/", {"city": "<script>"}, {400}),
    ("/search/", {"source": "x" * 300}, {400}),
    ("/search/", {"actor": [f"a{i}" for i in range(50)]}, {400}),
    ("/search/", {"type": "people"}, {400}),
    ("/search/", {"sort": "random"}, {400}),
    ("/search/", {"format": "xml"}, {400}),
    ("/search/", {"format": "json", "page": "0"}, {400}),
    ("/search/", {"unknown": "1"}, {400}),
    ("/search/", {"q": '"unbalanced phrase'}, {200}),
    ("/search/", {"q": "OR AND NOT"}, {200}),
    ("/search/", {"q": "NOT كيري"}, {200}),
    ("/search/", {"q": "***"}, {200}),
    ("/search/", {"q": "((((كيري"}, {200}),
    ("/search/", {"q": "-"}, {200}),
    ("/search/", {"q": "« » “ ” \""}, {200}),
    ("/search/", {"q": "كيري\x00\x01\x1b[31m"}, {200}),
    ("/search/", {"q": "\u202e\u200fكيري\ufeff"}, {200}),
    ("/search/?q=%ED%A0%80", {}, {200, 400}),  # a surrogate: not UTF-8
    ("/search/?q=%ff%fe%fd", {}, {200, 400}),
    ("/search/?q=%&page=%zz", {}, {200, 400}),
    ("/search/?page=1&page=2", {}, {400}),
    ("/search/", {"q": "a" * 501}, {400}),
    ("/search/", {"q": HUGE}, {400, 414}),
    ("/search/", {"q": HUGE, "format": "json"}, {400, 414}),
    ("/search/", {"q": "كيري", "format": "csv"}, {200}),
    ("/search/", {"q": "كيري", "format": "atom"}, {200}),
    ("/", {"format": "xml"}, {400}),
    ("/", {"junk": HUGE}, {414}),
    ("/", {"utm_source": "x"}, {200}),  # a tracking parameter: redirected to the same page without it
    ("/", {"utmsource": "x"}, {400}),
    ("/articles/1/", {"page": "2"}, {400}),
    ("/articles/1/", {"format": "pdf"}, {400}),
    ("/articles/1/", {"format": "\x00"}, {400}),
    ("/articles/999999/", {}, {404}),
    ("/articles/99999999999999999999999999/", {}, {404}),
    ("/articles/abc/", {}, {404}),
    ("/articles/-1/", {}, {404}),
    ("/actors/no-such-actor/", {}, {404}),
    ("/cities/no-such-city/", {}, {404}),
    ("/no/such/page/", {}, {404}),
    ("/admin/archive/article/", {"q": "\x00"}, {200, 302}),
]


@pytest.fixture
def hostile(seeded, search_index):
    kerry = Person.objects.get(slug="john-kerry")
    article = Article.objects.create(title=MARKUP_TITLE, body=MARKUP_BODY, published="2016-05-24")
    quote = "<script>alert(2)</script>"
    start = MARKUP_BODY.index(quote)
    Statement.objects.create(article=article, speaker=kerry, text=quote, start=start, end=start + len(quote))
    search_index()
    return article


@pytest.fixture
def anonymous():
    return Client(raise_request_exception=False)


@pytest.mark.parametrize("path, params, allowed", TABLE, ids=[f"{p}?{sorted(q)[:2]}-{i}" for i, (p, q, _) in enumerate(TABLE)])
def test_hostile_input_gets_a_clear_answer(hostile, anonymous, path, params, allowed):
    response = anonymous.get(path, params, follow=True)
    assert response.status_code in allowed, (response.status_code, response.content[:300])
    body = b"".join(response.streaming_content if response.streaming else [response.content]).decode("utf-8", "replace")
    assert "Traceback" not in body and 'File "' not in body
    if response.status_code == 400 and params.get("format") == "json":  # a JSON client's error is JSON (docs/api.md)
        assert response["Content-Type"] == "application/problem+json"
        assert response.json()["detail"] != "We did not understand this request.", "a 400 says what was wrong"
    elif response.status_code == 400:
        assert response["Content-Type"].startswith("text/html")
        assert 'class="error-message"' in body and "لم نفهم هذا الطلب" not in body, "a 400 says what was wrong"
    if response["Content-Type"].startswith(("text/html", "application/atom")):  # CSV and JSON carry data as data
        assert "<script>alert" not in body


def test_a_bad_host_header_is_a_400(hostile, anonymous):
    assert anonymous.get("/", HTTP_HOST="evil.example.com").status_code == 400


def test_markup_in_stored_text_is_shown_as_text_on_every_page(hostile, anonymous):
    pages = [
        f"/articles/{hostile.pk}/",
        "/search/?q=%D8%A7%D9%84%D9%85%D9%81%D8%A7%D9%88%D8%B6%D8%A7%D8%AA",  # المفاوضات
        "/search/?q=alert&type=statements",
        "/search/?q=%D8%A7%D9%84%D9%85%D9%81%D8%A7%D9%88%D8%B6%D8%A7%D8%AA&format=atom",
        "/",
    ]
    for url in pages:
        response = anonymous.get(url)
        assert response.status_code == 200, url
        body = response.content.decode()
        assert hostile.title not in body or url.endswith("atom"), url
        assert "<script>alert" not in body and "<img src=x" not in body, url
        assert "&lt;script&gt;" in body or "&amp;lt;script" in body or "&lt;b&gt;" in body, url


def test_markup_in_json_is_data_and_in_snippets_is_escaped(hostile, anonymous):
    article = anonymous.get(f"/articles/{hostile.pk}/?format=json").json()
    assert article["title"] == MARKUP_TITLE and article["body"] == MARKUP_BODY
    found = anonymous.get("/search/", {"q": "المفاوضات", "format": "json"}).json()
    snippets = [r["snippet_html"] for r in found["results"] if r["id"] == hostile.pk]
    assert snippets and "<img" not in snippets[0] and "&lt;img src=x" in snippets[0]
