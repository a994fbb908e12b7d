"""The bench's PostgreSQL peer on a handful of agency sentences: it finds what a reader would expect."""
import os
from datetime import date

import pytest

from operations.benchmark import postgres_peer as pg

SCHEMA = "peer_test"
ARTICLES = [  # (id, published, source, title, body), with hamza, ta marbuta and tashkeel written both ways
    (1, date(2016, 3, 1), "enab-baladi", "لافروف يبحث الهدنة في جنيف",
     "قال وزير الخارجية الروسي سيرغي لافروف إن وقف إطلاق النار في حلب صامد، وأكد أن الهدنة تشمل ريف حلب وأن الهدنة ستمدد."),
    (2, date(2016, 5, 10), "arab48", "كيري: الهُدْنَة هشّة",
     "أعلن وزير الخارجية الأمريكي جون كيري أن الهدنة في سورية هشة، ودعا إلى وقفٍ فوري للقصف وإطلاق سراح المعتقلين."),
    (3, date(2017, 1, 20), "enab-baladi", "مسئول أممي: المساعدات الإنسانيه وصلت",
     "قال مسئول في الأمم المتحدة إن المساعدات الإنسانيه وصلت إلى مَدِينَة حلب بعد وقف اطلاق النار."),
    (4, date(2015, 11, 2), "arab48", "الأسد يستقبل وفدا روسيا",
     "استقبل الرئيس بشار الأسد في دمشق وفداً روسياً وبحث معه الحل السياسي."),
]
STATEMENTS = [  # (id, article, published, source, speaker, text)
    (1, 1, date(2016, 3, 1), "enab-baladi", "sergey-lavrov", "إن وقف إطلاق النار في حلب صامد"),
    (2, 2, date(2016, 5, 10), "arab48", "john-kerry", "الهدنة في سورية هشة"),
]
LINKS = {
    "article_actor": [(1, "sergey-lavrov"), (2, "john-kerry"), (3, "united-nations"), (4, "bashar-al-assad")],
    "article_city": [(1, "geneva"), (1, "aleppo"), (2, "damascus"), (3, "aleppo"), (4, "damascus")],
    "statement_city": [(1, "aleppo")],
}


@pytest.fixture(scope="module")
def peer():
    url = os.environ.get("BENCH_PG_URL") or ""
    if not url and os.environ.get("DATABASE_URL", "").startswith("postgres"):
        url = os.environ["DATABASE_URL"]
    if not url:
        try:
            url, _ = pg.server()
        except pg.Unavailable as reason:
            pytest.skip(f"no PostgreSQL server for the peer: {reason}")
    pg.load(url, {"test": 1}, ARTICLES, STATEMENTS, LINKS, schema=SCHEMA)
    with pg.connect(url, SCHEMA) as conn:
        yield lambda **query: pg.search(conn, pg.Query(**query))
        conn.execute(f"DROP SCHEMA {SCHEMA} CASCADE")


def test_a_word_matches_its_written_variants_newest_first(peer):
    found = peer(q="وقف")
    assert found.count == 3 and found.ids == [3, 2, 1]  # وقفٍ with tanwin too; newest first
    assert peer(q="مسؤول").ids == [3]  # written مسئول
    assert peer(q="الإنسانية").ids == [3]  # written الإنسانيه
    assert peer(q="الهدنة").ids == [2, 1]  # الهُدْنَة with its marks


def test_facets_count_the_matches(peer):
    facets = peer(q="وقف").facets
    assert facets["city"][0] == ("aleppo", 2)
    assert dict(facets["source"]) == {"enab-baladi": 2, "arab48": 1}
    assert dict(facets["month"]) == {"2017-01": 1, "2016-05": 1, "2016-03": 1}
    assert peer(q="وقف", filters=(("city", "aleppo"),), dates=(date(2017, 1, 1), None)).ids == [3]


def test_a_phrase_matches_only_the_phrase(peer):
    # Article 2 holds وقف and إطلاق apart; article 3 writes اطلاق without its hamza.
    assert peer(q='"وقف إطلاق النار"').ids == [3, 1]


def test_statements_names_and_relevance(peer):
    said = peer(q="حلب", type="statements")
    assert said.ids == [1] and said.facets["actor"] == [("sergey-lavrov", 1)] and said.facets["city"] == [("aleppo", 1)]
    kerry = (("actor", "john-kerry", ("جون كيري", "John Kerry", "كيري")),)
    assert peer(names=kerry).ids == [2]
    # Article 1 writes الهدنة three times, article 2 twice: first by relevance, second by date.
    assert peer(q="الهدنة", sort="relevance").ids == [1, 2] and peer(q="الهدنة").ids == [2, 1]
