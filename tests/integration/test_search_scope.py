"""A search narrowed by facets, dates or a rare word's postings matches its words in the candidates alone,
and answers exactly as a whole-archive scan."""
from datetime import date

import pytest

from archive.models import Article, Place, Source
from search import engine, index_view
from search.params import SearchParams

ALWAYS_SCOPED, NEVER_SCOPED = 0, 10**9
# (share of documents filters may leave, share a word's articles may be) for each way of matching
WHOLE, BY_FILTERS, BY_POSTINGS = (NEVER_SCOPED, NEVER_SCOPED), (ALWAYS_SCOPED, NEVER_SCOPED), (NEVER_SCOPED, ALWAYS_SCOPED)

SEARCHES = [
    {"q": "حلب", "actor": ("sergey-lavrov",)},
    {"q": "حلب", "city": ("aleppo",), "sort": "relevance"},
    {"q": "وقف إطلاق النار", "source": ("enab-baladi",), "sort": "relevance"},
    {"q": '"وقف إطلاق النار"', "date_from": date(2016, 1, 1), "date_to": date(2016, 12, 31)},
    {"q": "الروس*", "actor": ("john-kerry",)},
    {"q": "لافروف", "city": ("aleppo",)},
    {"q": "لافروف", "exact": True, "source": ("arab48",)},
    {"q": "حلب -لافروف", "city": ("aleppo",)},
    {"q": "كيري روسيا", "type": "statements", "city": ("aleppo",), "sort": "relevance"},
    {"q": "الهدنة OR المساعدات", "type": "statements", "actor": ("sergey-lavrov",), "sort": "relevance"},
    {"q": "دير الزور", "source": ("arab48",), "sort": "oldest"},
    {"q": "بحلب"},
    {"q": '"وقف إطلاق النار"'},
    {"q": "وقف النار", "sort": "relevance"},
    {"q": "لافروف كيري", "exact": True},
    {"q": "لافروف كيري", "exact": True, "sort": "newest"},
    {"q": '"دير الزور" -حلب'},
]


@pytest.fixture
def archive(seeded, search_index):
    Article.objects.create(title="معارك", body="تجددت المعارك في ريف بدير الزور الشرقي وفي حلب وبحلب.",
                           source=Source.objects.get(slug="arab48"), published=date(2016, 10, 2))
    search_index()


def answer(client, monkeypatch, shares, narrowed=False, **params):
    """The JSON answer when the filters or a rare word leave candidates by `shares`; `narrowed`:
    the candidates take the whole segments' matches, from their postings, narrowed to them,
    instead of being scanned."""
    monkeypatch.setattr(engine, "SCOPE_SHARE", shares[0])
    monkeypatch.setattr(engine, "RARE_SHARE", shares[1])
    monkeypatch.setattr(index_view, "SCAN_STEMS_FIXED", -1 if narrowed else 10**9)
    engine.reset()  # neither the view's word stats nor the result cache may carry over
    response = client.get(SearchParams(format="json", **params).url())
    assert response.status_code == 200, response.content[:300]
    page = response.json()
    del page["generated"]  # when the answer was made, which differs between the three
    return page


@pytest.mark.parametrize("params", SEARCHES, ids=lambda p: SearchParams(**p).url())
def test_scoped_matching_gives_the_whole_archive_answer(client, archive, monkeypatch, params):
    whole = answer(client, monkeypatch, WHOLE, **params)
    assert answer(client, monkeypatch, BY_FILTERS, **params) == whole
    assert answer(client, monkeypatch, BY_POSTINGS, **params) == whole
    assert answer(client, monkeypatch, BY_FILTERS, narrowed=True, **params) == whole
    assert answer(client, monkeypatch, BY_POSTINGS, narrowed=True, **params) == whole


def test_candidates_can_take_the_whole_segments_postings(client, archive, monkeypatch):
    """The comparison above reaches both ways: the segments have postings, and each way is taken."""
    answer(client, monkeypatch, WHOLE, q="حلب")
    view = index_view.current_view()
    assert view.leaves and all(sequences.primary is not None for sequences, _ in view.sequences())
    kept = len(index_view.IndexView.segment_stats)
    answer(client, monkeypatch, BY_FILTERS, q="حلب", city=("aleppo",))
    assert len(index_view.IndexView.segment_stats) == 0  # scanned: nothing of the whole segments is kept
    answer(client, monkeypatch, BY_FILTERS, narrowed=True, q="حلب", city=("aleppo",))
    assert len(index_view.IndexView.segment_stats) >= len(view.leaves) > 0 and kept > 0


def test_the_searches_compared_find_something(client, archive, monkeypatch):
    counts = [answer(client, monkeypatch, WHOLE, **params)["count"] for params in SEARCHES]
    assert sum(1 for count in counts if count) == len(SEARCHES), counts


def test_scoped_and_whole_archive_stats_rank_alike_in_one_process(client, archive, monkeypatch):
    """Word stats kept from an unfiltered search serve a later filtered one: the ranking must not move."""
    monkeypatch.setattr(engine, "SCOPE_SHARE", ALWAYS_SCOPED)
    monkeypatch.setattr(engine, "RARE_SHARE", NEVER_SCOPED)
    engine.reset()
    params = {"q": "كيري روسيا", "type": "statements", "city": ("aleppo",), "sort": "relevance"}
    fresh = client.get(SearchParams(format="json", **params).url()).json()
    engine.reset()
    client.get(SearchParams(format="json", q="كيري روسيا", type="statements").url())  # keeps whole-archive stats
    engine._results.clear()
    after = client.get(SearchParams(format="json", **params).url()).json()
    assert after["results"] == fresh["results"]


def test_word_rarity_is_weighed_among_the_filtered_documents(client, archive, search_index, monkeypatch):
    """Among Idlib's articles the convoy is rare and peace common, though the archive at large says otherwise."""
    idlib = Place.objects.get(slug="idlib")
    day = date(2016, 5, 1)
    bodies = ["سلام سلام قافلة", "قافلة قافلة سلام", "سلام في الشمال", "سلام دائم", "سلام عادل"]
    inside = [Article.objects.create(title=f"إدلب {n}", body=body, published=day) for n, body in enumerate(bodies)]
    for article in inside:
        article.places.add(idlib)
    for n in range(12):
        Article.objects.create(title=f"قوافل {n}", body=f"وصلت قافلة رقم {n} إلى المعبر", published=day)
    search_index()
    params = {"q": "سلام قافلة", "city": ("idlib",), "sort": "relevance"}
    for shares in (WHOLE, BY_FILTERS, BY_POSTINGS):
        for narrowed in (False, True):
            results = answer(client, monkeypatch, shares, narrowed, **params)["results"]
            assert [r["id"] for r in results] == [inside[1].pk, inside[0].pk], (shares, narrowed)
