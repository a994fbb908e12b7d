"""Month charts as geometry (front/charts.py) and the language switch's paths (front/naming.py)."""
import pytest

from front.charts import month_chart, month_span
from front.naming import switch_path


def test_months_run_across_years():
    assert month_span("2016-11", "2017-02") == ["2016-11", "2016-12", "2017-01", "2017-02"]
    assert month_span("2016-05", "2016-05") == ["2016-05"]


def test_a_chart_has_a_slot_for_every_month_and_links_only_the_busy_ones():
    chart = month_chart([("2016-05", 3), ("2016-08", 6), (None, 2)], url_for=lambda m: f"/m/{m}",
                        label_for=lambda m, n: f"{m}: {n}")
    assert [bar.month for bar in chart.bars] == ["2016-05", "2016-06", "2016-07", "2016-08"]
    assert [bar.url for bar in chart.bars] == ["/m/2016-05", "", "", "/m/2016-08"]
    assert [bar.label for bar in chart.linked] == ["2016-05: 3", "2016-08: 6"]
    assert (chart.peak, chart.total, chart.undated) == (6, 11, 2)
    busiest = chart.bars[-1]
    assert busiest.y + busiest.height == chart.height and chart.bars[0].height == pytest.approx(busiest.height / 2)


def test_bars_stay_inside_the_chart_and_in_time_order():
    counts = [(f"{year}-{month:02d}", (year * month) % 7 + 1) for year in range(2011, 2021) for month in range(1, 13)]
    chart = month_chart(counts, width=300, height=90)
    xs = [bar.x for bar in chart.bars]
    assert xs == sorted(xs) and len(xs) == 120
    for bar in chart.bars:
        assert 0 <= bar.slot_x <= bar.x and bar.x + bar.width <= bar.slot_x + bar.slot_width + 1e-6
        assert bar.slot_x + bar.slot_width <= 300 + 1e-6 and 0 <= bar.y and bar.height >= 2


def test_a_month_with_one_statement_is_still_a_visible_bar():
    chart = month_chart([("2016-01", 1), ("2016-02", 1000)])
    assert chart.bars[0].height >= 2


def test_no_dated_months_no_bars():
    chart = month_chart([(None, 4)])
    assert chart.bars == [] and chart.undated == 4 and chart.first is None


@pytest.mark.parametrize("path, query, target, expected", [
    ("/actors/john-kerry/", "", "en", "/en/actors/john-kerry/"),
    ("/en/actors/john-kerry/", "", "ar", "/actors/john-kerry/"),
    ("/", "", "en", "/en/"),
    ("/en/", "", "ar", "/"),
    ("/en", "", "ar", "/"),
    ("/search/", "q=%D8%AD%D9%84%D8%A8&type=statements", "en", "/en/search/?q=%D8%AD%D9%84%D8%A8&type=statements"),
    ("/en/search/", "type=statements&page=2", "ar", "/search/?type=statements&page=2"),
    ("/english-lessons/", "", "en", "/en/english-lessons/"),  # only a whole /en segment is the prefix
])
def test_the_switch_changes_only_the_language_prefix(path, query, target, expected):
    assert switch_path(path, query, target) == expected
