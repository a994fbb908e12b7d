"""Article queries the admin's date navigation makes, answered off the publication date's index."""
import calendar
import datetime

from django.db import models


class ArticleQuerySet(models.QuerySet):
    def aggregate(self, *args, **kwargs):
        """QuerySet.aggregate; several MIN and MAX (the admin's date navigation asks both) in one query each.

        SQLite reads a lone MIN or MAX of an indexed column off the index, and both together off
        every row: 38 ms at 100,000 articles instead of a fraction of one.
        """
        if args or len(kwargs) < 2 or not all(isinstance(value, (models.Min, models.Max)) for value in kwargs.values()):
            return super().aggregate(*args, **kwargs)
        found = {}
        for name, aggregate in kwargs.items():
            found.update(super().aggregate(**{name: aggregate}))
        return found

    def dates(self, field_name, kind, order="ASC"):
        """The years, months or days holding an article's publication date, as QuerySet.dates gives them.

        Found by range lookups on the date's index, a few dozen at most, instead of truncating
        every row's date (on SQLite a Python call per row: a second at 100,000 articles, paid by
        the admin's date navigation on every list page and after every save).
        """
        if field_name != "published" or kind not in ("year", "month", "day"):
            return super().dates(field_name, kind, order)
        bounds = self.order_by().aggregate(first=models.Min("published"), last=models.Max("published"))
        first, last = bounds["first"], bounds["last"]
        if first is None:
            return []
        found = [day for day in _periods(first, last, kind)
                 if self.filter(published__range=(day, _period_end(day, kind))).exists()]
        return found if order == "ASC" else found[::-1]


def _periods(first, last, kind):
    """The first day of each year, month or day from `first` to `last`."""
    day = first.replace(month=1, day=1) if kind == "year" else first.replace(day=1) if kind == "month" else first
    while day <= last:
        yield day
        day = (day.replace(year=day.year + 1) if kind == "year" else
               (day.replace(year=day.year + day.month // 12, month=day.month % 12 + 1)) if kind == "month" else
               day + datetime.timedelta(days=1))


def _period_end(day, kind):
    if kind == "year":
        return day.replace(month=12, day=31)
    if kind == "month":
        return day.replace(day=calendar.monthrange(day.year, day.month)[1])
    return day
