"""Searches compared month by month on the seed archive: canonical URLs, counts that match search, CSV, refusals."""
import csv
import io
import re
from html import unescape
from urllib.parse import quote, urlencode

import pytest

from archive.models import Article, Source

pytestmark = pytest.mark.django_db

LAVROV = "type=statements&actor=sergey-lavrov"
KERRY = "type=statements&actor=john-kerry"
ALEPPO = "q=%D8%AD%D9%84%D8%A8"  # حلب
LAVROV_KERRY = f"/compare/?s={quote(LAVROV, safe='')}&s={quote(KERRY, safe='')}"


@pytest.fixture
def indexed(seeded, search_index):
    search_index()


def compare_url(*queries, path="/compare/", **extra):
    return f"{path}?{urlencode([('s', query) for query in queries] + list(extra.items()))}"


def get(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, (url, response.status_code, response.content[:400])
    return response


def error_message(response):
    return unescape(re.search(r'<p class="error-message">(.*?)</p>', response.content.decode(), re.S).group(1))


def search_json(client, url):
    return get(client, url + ("&" if "?" in url else "?") + "format=json").json()


def test_a_comparison_in_another_form_redirects_to_its_one_canonical_url(client, indexed):
    messy = compare_url("actor=sergey-lavrov&type=statements&page=2&sort=oldest", "?type=statements&actor=john-kerry",
                        "type=statements&actor=sergey-lavrov")
    response = get(client, messy, 301)
    assert response["Location"] == LAVROV_KERRY
    assert get(client, LAVROV_KERRY).status_code == 200
    english = get(client, "/en" + messy, 301)
    assert english["Location"] == "/en" + LAVROV_KERRY
    pasted = compare_url("/en/search/?type=statements&actor=sergey-lavrov", "https://archive.example/search/?actor=john-kerry&type=statements#top")
    assert get(client, pasted, 301)["Location"] == LAVROV_KERRY
    assert get(client, LAVROV_KERRY + "&format=json", 200).json()["searches"]


def test_json_totals_and_months_match_each_search(client, indexed):
    data = get(client, compare_url(LAVROV, KERRY, ALEPPO, format="json")).json()
    assert [search["query"] for search in data["searches"]] == [LAVROV, KERRY, ALEPPO]
    months = data["months"]
    assert months == sorted(months) and len(months) == len(set(months))
    assert months[0] == "2016-04" and months[-1] == "2016-10" and len(months) == 7  # empty months between too
    for search in data["searches"]:
        found = search_json(client, search["url"])
        assert search["total"] == found["count"] > 0
        assert [month["month"] for month in search["months"]] == months
        assert sum(month["count"] for month in search["months"]) + search["undated"] == search["total"]
        assert search["undated"] == 0  # every seed article is dated
        facet = {month["value"]: month["count"] for month in found["facets"]["month"]}
        assert {month["month"]: month["count"] for month in search["months"] if month["count"]} == facet
    assert data["searches"][0]["label"] == "التصريحات: سيرغي لافروف"
    assert data["searches"][2]["label"] == "المقالات: حلب"


def test_every_bar_and_table_link_finds_what_it_counts(client, indexed):
    html = get(client, compare_url(LAVROV, KERRY, ALEPPO)).content.decode()
    bars = re.findall(r'<a href="([^"]+)" aria-label="([^"]+)" class="chart-bar[^"]*" data-month="([\d-]+)" data-count="(\d+)">', html)
    assert len(bars) == len(re.findall(r'<a href="[^"]+" data-count="\d+">', html)) > 5  # one table cell per bar
    for href, label, month, count in bars:
        url = unescape(href)
        assert f"from={month}-01" in url
        assert search_json(client, url)["count"] == int(count), (url, label)
    labels = [unescape(label) for _, label, _, _ in bars]
    assert "البحث 1، 2016-04: 4 تصريحات" in labels and any(label.startswith("البحث 3، 2016-05: ") for label in labels)


def test_a_search_with_its_own_dates_links_its_months_within_them(client, indexed):
    kerry_from = f"{KERRY}&from=2016-05-10"
    data = get(client, compare_url(LAVROV, kerry_from, format="json")).json()
    kerry = {month["month"]: month for month in data["searches"][1]["months"]}
    assert kerry["2016-04"]["url"] is None  # before its dates: no search finds this nothing
    may = kerry["2016-05"]
    assert "from=2016-05-10&to=2016-05-31" in may["url"]
    assert search_json(client, may["url"])["count"] == may["count"]
    # The search page's own month facet links the same way.
    found = search_json(client, f"/search/?{kerry_from}")
    html = get(client, f"/search/?{kerry_from}").content.decode()
    assert "from=2016-05-10&amp;to=2016-05-31" in html
    assert found["facets"]["month"][0]["value"] == "2016-05"


def test_csv_has_a_column_per_search_and_a_row_per_month(client, indexed):
    response = get(client, compare_url(LAVROV, KERRY, format="csv", path="/en/compare/"))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="archive-comparison.csv"'
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text[1:])))
    data = get(client, compare_url(LAVROV, KERRY, format="json", path="/en/compare/")).json()
    assert rows[0] == ["month", "Statements: Sergey Lavrov", "Statements: John Kerry"]
    assert [row[0] for row in rows[1:]] == data["months"]
    for column, search in enumerate(data["searches"], 1):
        assert [int(row[column]) for row in rows[1:]] == [month["count"] for month in search["months"]]


def test_a_label_that_looks_like_a_formula_stays_text_in_the_csv(client, indexed):
    rows = list(csv.reader(io.StringIO(get(client, compare_url("", "type=statements", format="csv")).content.decode()[1:])))
    assert rows[0] == ["month", "المقالات", "التصريحات"]
    formula = get(client, compare_url("q=%3D1%2B1", "q=-x", format="csv", path="/en/compare/")).content.decode()
    header = next(csv.reader(io.StringIO(formula[1:])))
    assert header == ["month", "Articles: =1+1", "Articles: -x"]  # the type comes first: nothing to run


@pytest.mark.parametrize("language", ["", "/en"])
def test_names_show_by_name_in_the_interfaces_language(client, indexed, language):
    data = get(client, compare_url(f"{KERRY}&city=aleppo", LAVROV, format="json", path=f"{language}/compare/")).json()
    label = data["searches"][0]["label"]
    assert label == ("Statements: John Kerry · Aleppo" if language else "التصريحات: جون كيري · حلب")
    assert data["searches"][0]["url"] == f"{language}/search/?{KERRY}&city=aleppo"
    html = get(client, compare_url(f"{KERRY}&city=aleppo", f"{ALEPPO}&from=2016-05-01", path=f"{language}/compare/")).content.decode()
    assert "john-kerry</a>" not in html and ("John Kerry" in html if language else "جون كيري" in html)
    if language:
        assert '<span lang="ar" dir="rtl">حلب</span>' in html and "from 2016-05-01" in html
        assert re.search(r"<title>Statements: John Kerry · Aleppo / Articles: حلب · from 2016-05-01 / Compare searches", html)


@pytest.mark.parametrize("language", ["", "/en"])
def test_refusals_say_which_search_and_what_is_wrong(client, indexed, language):
    path = f"{language}/compare/"
    bad_date = get(client, compare_url(LAVROV, "q=x&from=2016-13-01", path=path), 400)
    assert error_message(bad_date) == ("The 2nd search: “from” must be a date written YYYY-MM-DD, such as 2016-05-24, "
                                       "not “2016-13-01”.")
    unknown = get(client, compare_url("q=x&speaker=kerry", path=path), 400)
    assert error_message(unknown).startswith("The 1st search: Unknown parameter “speaker”.")
    five = get(client, compare_url("q=a", "q=b", "q=c", "q=d", "q=e", path=path), 400)
    assert error_message(five) == "At most 4 searches can be compared; this address gives 5. Remove one."
    outside = get(client, f"{path}?s=q%3Da&page=2", 400)
    assert error_message(outside).startswith("Unknown parameter “page”. This page takes: s")
    assert error_message(get(client, compare_url("q=a", "q=b", format="atom", path=path), 400)) == \
        "“format” must be one of html, json, csv, not “atom”."
    not_search = get(client, compare_url("/actors/john-kerry/", "q=b", path=path), 400)
    assert error_message(not_search).startswith("The 1st search: “/actors/john-kerry/” is not the address of a search page")
    assert get(client, compare_url(*[f"q={n}" for n in range(30)], path=path), 400)


def test_five_values_with_a_repeat_are_four_searches(client, indexed):
    response = get(client, compare_url("q=a", "q=b", "q=a", "q=c", "q=d"), 301)
    assert response["Location"] == compare_url("q=a", "q=b", "q=c", "q=d")


@pytest.mark.parametrize("url", ["/compare/", compare_url(LAVROV), "/en/compare/", compare_url(LAVROV, path="/en/compare/")])
def test_no_or_one_search_shows_the_form_and_says_what_to_do(client, indexed, url):
    html = get(client, url).content.decode()
    assert 'name="add"' in html and '<p class="compare-intro">' in html
    assert "chart-bar" not in html and "<table" not in html
    assert ("actor=sergey-lavrov" in html) == ("s=" in url)


def test_the_form_adds_words_or_a_pasted_search_page(client, indexed):
    added = get(client, compare_url(LAVROV, add="حلب", add_type="statements"), 301)
    assert added["Location"] == compare_url(LAVROV, f"{ALEPPO}&type=statements")
    pasted = get(client, compare_url(LAVROV) + "&add=" + quote("http://testserver/en/search/?actor=john-kerry&type=statements&page=3"), 301)
    assert pasted["Location"] == LAVROV_KERRY
    empty = get(client, compare_url(LAVROV, add=" "), 301)
    assert empty["Location"] == compare_url(LAVROV)
    bad = get(client, compare_url(LAVROV, add="/search/?to=yesterday"), 400)
    assert error_message(bad).startswith("The added search: “to” must be a date")
    html = get(client, compare_url(LAVROV)).content.decode()
    assert re.search(r'<option value="statements" selected>', html)  # words are searched like the first search
    four = get(client, compare_url("q=a", "q=b", "q=c", "q=d", path="/en/compare/")).content.decode()
    assert 'name="add"' not in four and "At most 4 searches can be compared" in four


def test_each_search_can_be_removed(client, indexed):
    html = get(client, compare_url(LAVROV, KERRY, ALEPPO)).content.decode()
    removes = [unescape(href) for href in re.findall(r'<a class="compare-remove" href="([^"]+)"', html)]
    assert removes == [compare_url(KERRY, ALEPPO), compare_url(LAVROV, ALEPPO), compare_url(LAVROV, KERRY)]


def test_the_search_page_links_to_a_comparison_holding_it(client, indexed):
    html = get(client, f"/en/search/?{KERRY}&sort=oldest&page=2").content.decode()
    link = re.search(r'<p class="compare-link"><a href="([^"]+)">Compare with another search</a>', html).group(1)
    assert unescape(link) == compare_url(KERRY, path="/en/compare/")
    arabic = get(client, f"/search/?{ALEPPO}").content.decode()
    assert f'href="{compare_url(ALEPPO)}"' in arabic


def test_words_and_names_are_escaped(client, indexed):
    html = client.get(compare_url("q=%3Cscript%3Ealert(1)%3C%2Fscript%3E", KERRY), follow=True).content.decode()
    assert "<script>alert" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_every_month_of_a_long_archive_is_compared(client, db, search_index):
    """More months than a facet's top values (30): the month facet lists them all."""
    source = Source.objects.create(name="وكالة", name_en="Agency", slug="agency")
    for number in range(40):
        year, month = 2012 + number // 12, number % 12 + 1
        Article.objects.create(title=f"مقال {number}", body=f"نص المقال رقم {number} عن المفاوضات.",
                               published=f"{year}-{month:02d}-15", source=source)
    search_index()
    data = get(client, compare_url("", "source=agency", format="json")).json()
    assert len(data["months"]) == 40
    assert [month["count"] for month in data["searches"][1]["months"]] == [1] * 40


def test_a_search_that_leaves_a_name_out_says_so(client, indexed):
    from search.params import ORDER

    if "not_actor" not in ORDER:
        pytest.skip("searches cannot leave a name out")
    data = get(client, compare_url(f"{KERRY}&not_city=aleppo", KERRY, format="json", path="/en/compare/")).json()
    assert data["searches"][0]["label"] == "Statements: John Kerry · without Aleppo"
    assert data["searches"][0]["total"] == search_json(client, f"/search/?{KERRY}&not_city=aleppo")["count"]
