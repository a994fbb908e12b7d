"""The home page's data: the archive in figures, the latest articles, who was quoted most this year."""
from datetime import date

from django.urls import reverse

from archive import explore
from archive.queries import latest_articles

from .article import source_ref
from .profiles import search_url


def home_data():
    year = explore.quoted_year()
    quoted = [
        {"person": person, "count": count, "url": reverse("actor", args=[person.slug]),
         "search_url": search_url(type="statements", actor=(person.slug,), date_from=date(year, 1, 1),
                                  date_to=date(year, 12, 31))}
        for person, count in explore.most_quoted_in(year)
    ]
    return {"figures": explore.archive_figures(), "articles": list(latest_articles()), "year": year, "quoted": quoted}


def home_json(data):
    figures = dict(data["figures"])
    for key in ("first", "last"):
        figures[key] = figures[key].isoformat() if figures[key] else None
    return {
        "figures": figures,
        "latest": [
            {"id": a.pk, "url": a.get_absolute_url(), "title": a.title, "source": source_ref(a.source),
             "published": a.published.isoformat() if a.published else None}
            for a in data["articles"]
        ],
        "most_quoted": {
            "year": data["year"],
            "results": [{"slug": q["person"].slug, "name": q["person"].name, "name_en": q["person"].name_en,
                         "count": q["count"], "url": q["url"]} for q in data["quoted"]],
        },
    }
