"""Readers are never shown a machine's unchecked attribution as certain: pages label it, JSON says `reviewed`."""
import pytest

from archive.models import Article, Person, Statement

BODY = "قال جون كيري إن \"الهدنة صامدة في حلب\"، وقال مصدر دبلوماسي إن الاجتماع المقبل سيعقد في جنيف."
CHECKED, PROPOSED = "الهدنة صامدة في حلب", "الاجتماع المقبل سيعقد في جنيف"


@pytest.fixture
def article(db, search_index):
    kerry = Person.objects.create(name="جون كيري", name_en="John Kerry", slug="john-kerry")
    source = Person.objects.create(name="مصدر <i>دبلوماسي</i>", slug="diplomatic-source", kind=Person.Kind.UNNAMED,
                                   reviewed=False)
    article = Article.objects.create(title="هدنة واجتماع", body=BODY, published="2016-09-20")
    for speaker, words, reviewed in ((kerry, CHECKED, True), (source, PROPOSED, False)):
        start = BODY.index(words)
        Statement.objects.create(article=article, speaker=speaker, text=words, start=start, end=start + len(words),
                                 reviewed=reviewed, confidence=None if reviewed else 0.4)
    search_index()
    return article


def test_article_json_says_which_statements_an_editor_reviewed(client, article):
    data = client.get(f"/articles/{article.pk}/?format=json").json()
    assert [(s["text"], s["reviewed"]) for s in data["statements"]] == [(CHECKED, True), (PROPOSED, False)]
    assert {"id", "speaker", "text", "start", "end", "kind", "place", "said_on", "url"} <= set(data["statements"][0])


@pytest.mark.parametrize("prefix, label", [("", "لم يراجعه محرر"), ("/en", "unreviewed")])
def test_the_article_page_labels_only_the_unreviewed_statement(client, article, prefix, label):
    html = client.get(f"{prefix}/articles/{article.pk}/").content.decode()
    checked, proposed = article.statements.order_by("start")
    assert html.count('<small class="unreviewed"') == 2  # in the body and in the list of statements
    assert html.count(f">{label}</small>") == 2
    assert f'statement-unreviewed" id="statement-{proposed.pk}"' in html
    assert f'statement-quote" id="statement-{checked.pk}"' in html  # no unreviewed class on the checked one
    assert "مصدر &lt;i&gt;دبلوماسي&lt;/i&gt;" in html and "<i>دبلوماسي</i>" not in html


def test_statement_search_results_carry_reviewed_and_the_page_labels_them(client, article):
    data = client.get("/search/?type=statements&format=json").json()
    assert sorted((r["text"], r["reviewed"]) for r in data["results"]) == [(PROPOSED, False), (CHECKED, True)]
    html = client.get("/search/?type=statements").content.decode()
    assert html.count('<small class="unreviewed"') == 1
    proposed = html[html.index(f'data-statement="{article.statements.get(text=PROPOSED).pk}"'):]
    assert proposed.index("لم يراجعه محرر") < proposed.index("</figure>")
    english = client.get("/en/search/?type=statements&actor=diplomatic-source").content.decode()
    assert ">unreviewed</small>" in english


def test_an_actors_latest_statements_carry_reviewed(client, article):
    data = client.get("/actors/diplomatic-source/?format=json").json()
    assert [s["reviewed"] for s in data["statements"]] == [False]
    assert 'class="unreviewed"' in client.get("/actors/diplomatic-source/").content.decode()
    assert 'class="unreviewed"' not in client.get("/actors/john-kerry/").content.decode()
