"""Bars of counts per month as geometry an SVG template draws (pure Python, no Django)."""
from dataclasses import dataclass, field
from typing import NamedTuple

WIDTH, HEIGHT = 600, 150  # viewBox units; the SVG scales to its container's width
MAX_BAR = 40
MIN_BAR = 2  # a month with one statement still shows, and can be clicked


class Bar(NamedTuple):  # a tuple, not a frozen dataclass: a long timeline builds hundreds per page
    month: str
    count: int
    x: float
    y: float
    width: float
    height: float
    slot_x: float = 0  # the whole column, so a short bar is as easy to click as a tall one
    slot_width: float = 0
    url: str = ""
    label: str = ""
    current: bool = False


@dataclass(frozen=True)
class Chart:
    bars: list = field(default_factory=list)  # one per month from the first to the last, empty months too
    peak: int = 0
    total: int = 0
    undated: int = 0
    width: int = WIDTH
    height: int = HEIGHT

    @property
    def first(self):
        return self.bars[0] if self.bars else None

    @property
    def last(self):
        return self.bars[-1] if self.bars else None

    @property
    def linked(self):
        return [bar for bar in self.bars if bar.count]


def month_span(first, last):
    """Every "YYYY-MM" from `first` to `last`, inclusive."""
    year, month = map(int, first.split("-"))
    end = tuple(map(int, last.split("-")))
    months = []
    while (year, month) <= end:
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def month_chart(counts, url_for=lambda month: "", label_for=lambda month, count: "", current=(),
                width=WIDTH, height=HEIGHT):
    """A Chart of [(month or None, count)]: bars left to right in time, heights relative to the busiest month.

    `url_for(month)` and `label_for(month, count)` give each bar's link and
    accessible name; a None month (undated statements) is counted apart.
    Labels (months, the peak) are the template's, in HTML, so they stay
    readable however small the chart is drawn.
    """
    chart_width, chart_height = width, height
    dated = {month: count for month, count in counts if month is not None and count}
    undated = sum(count for month, count in counts if month is None)
    if not dated:
        return Chart(total=undated, undated=undated, width=chart_width, height=chart_height)
    months = month_span(min(dated), max(dated))
    peak = max(dated.values())
    slot = chart_width / len(months)
    bar_width = min(MAX_BAR, slot * 0.8)
    room = chart_height - 4  # a little air above the busiest month
    bars, slot_drawn, bar_drawn = [], round(slot, 2), round(bar_width, 2)  # the same for every bar
    for index, month in enumerate(months):
        count = dated.get(month, 0)
        bar_height = max(MIN_BAR, room * count / peak) if count else 0
        bars.append(Bar(
            month=month, count=count, x=round(index * slot + (slot - bar_width) / 2, 2),
            y=round(chart_height - bar_height, 2), width=bar_drawn, height=round(bar_height, 2),
            slot_x=round(index * slot, 2), slot_width=slot_drawn, url=url_for(month) if count else "",
            label=label_for(month, count) if count else "", current=month in current,
        ))
    return Chart(bars=bars, peak=peak, total=sum(dated.values()) + undated, undated=undated,
                 width=chart_width, height=chart_height)
