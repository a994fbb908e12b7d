"""An actor's or a place's page: its figures, months, who and where, latest statements; as page context and JSON."""
from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from archive import explore
from archive.models import Person
from archive.queries import reports_of
from search.params import SearchParams, month_bounds

from .article import reports_ref
from .charts import month_chart
from .naming import display_name, english, search_path, with_english_names
from .results import statement_result


@dataclass
class Profile:
    subject: object  # a Person or a Place
    facet: str  # "actor" or "city": the search facet its slug filters
    article_count: int
    statement_count: int
    months: list  # [(month or None, count)]
    places: list  # [(Place, count)] an actor spoke about or in (empty for a place)
    speakers: list  # [(Person, count)] who spoke about a place or in it (empty for an actor)
    co_mentioned: list  # [(Person or Place, articles)]
    latest: list  # [Statement], each report group once, its reports prefetched


def _profile(subject, facet, statements, article_count, **who):
    months = explore.timeline(statements)
    # The months count every distinct statement (undated ones too), so their sum is the statement count.
    return Profile(subject=subject, facet=facet, article_count=article_count,
                   statement_count=sum(count for _, count in months), months=months,
                   latest=explore.latest_statements(statements, months), **who)


def actor_profile(person):
    return _profile(person, "actor", explore.statements_by(person), explore.article_count_of(person),
                    places=explore.places_of(person), speakers=[],
                    co_mentioned=explore.co_mentioned_people(person))


def place_profile(place):
    return _profile(place, "city", explore.statements_about(place), explore.article_count_naming(place),
                    places=[], speakers=explore.speakers_about(place),
                    co_mentioned=explore.co_mentioned_places(place))


# -- links ----------------------------------------------------------------------------

def search_url(**params):
    """A search link in canonical order, in the interface's language."""
    return SearchParams(**params).url(search_path())


def month_urls(profile):
    """month -> the search for this actor's or place's statements that month."""
    path, facets = search_path(), {profile.facet: (profile.subject.slug,)}

    def url_for(month):
        first, last = month_bounds(month)
        return SearchParams(type="statements", date_from=first, date_to=last, **facets).url(path)
    return url_for


def statements_url(profile, **narrowing):
    facets = {profile.facet: (profile.subject.slug,)}
    for facet, slug in narrowing.items():
        facets[facet] = tuple(sorted(set(facets.get(facet, ())) | {slug}))
    return search_url(type="statements", **facets)


def articles_url(profile, **narrowing):
    facets = {profile.facet: (profile.subject.slug,)}
    for facet, slug in narrowing.items():
        facets[facet] = tuple(sorted(set(facets.get(facet, ())) | {slug}))
    return search_url(**facets)


def page_url(thing):
    return reverse("actor" if isinstance(thing, Person) else "city", args=[thing.slug])


def month_label(month, count):
    return ngettext("%(month)s: %(count)d statement", "%(month)s: %(count)d statements", count) % {
        "month": month, "count": count}


# -- the page -------------------------------------------------------------------------

def chart(profile):
    return month_chart(profile.months, month_urls(profile), month_label)


def page_context(profile):
    subject = profile.subject
    other_facet = "city" if profile.facet == "actor" else "actor"
    return {
        "subject": subject,
        "profile": profile,
        "aliases": sorted({alias.name for alias in subject.aliases.all()} - {subject.name, subject.name_en}),
        "chart": chart(profile),
        "chart_title": _("Statements per month: %(name)s") % {"name": display_name(subject)},
        "statements_url": statements_url(profile),
        "articles_url": articles_url(profile),
        "related": [
            {"row": row, "count": count, "url": page_url(row), "search_url": statements_url(profile, **{other_facet: row.slug})}
            for row, count in (profile.places or profile.speakers)
        ],
        "co_mentioned": [
            {"row": row, "count": count, "url": page_url(row), "search_url": articles_url(profile, **{profile.facet: row.slug})}
            for row, count in profile.co_mentioned
        ],
        "latest": english_report_sources(with_english_names([said(s) for s in profile.latest]), profile.latest),
    }


def said(statement):
    """A statement as templates/archive/includes/said.html and JSON show it, with every article reporting it."""
    item = statement_result(statement, [])
    item.setdefault("reports", reports_ref(statement))
    return item


def english_report_sources(items, statements):
    """The include names each report's source: in English, by its English name (JSON keeps {slug, name}).

    with_english_names reads only an item's own fields; the sources are already loaded with the reports.
    """
    if not english():
        return items
    names = {report.article.source.slug: report.article.source.name_en
             for statement in statements for report in reports_of(statement) if report.article.source}
    for item in items:
        item["reports"] = [{**report, "source": report["source"] and {**report["source"],
                                                                       "name_en": names.get(report["source"]["slug"], "")}}
                           for report in item["reports"]]
    return items


# -- JSON -----------------------------------------------------------------------------

def counted(rows):
    return [{"slug": row.slug, "name": row.name, "name_en": row.name_en, "count": count} for row, count in rows]


def profile_json(profile):
    subject = profile.subject
    shaped = {
        "slug": subject.slug,
        "name": subject.name,
        "name_en": subject.name_en,
        "url": page_url(subject),
        "aliases": sorted(alias.name for alias in subject.aliases.all()),
        "kind": subject.kind,
        "article_count": profile.article_count,
        "statement_count": profile.statement_count,
        "timeline": [{"month": month, "count": count} for month, count in profile.months],
        "co_mentioned": counted(profile.co_mentioned),
        "statements": [said(s) for s in profile.latest],
        "search": {"articles": articles_url(profile), "statements": statements_url(profile)},
    }
    if profile.facet == "actor":
        shaped.update(role=subject.role, role_en=subject.role_en, affiliation=subject.affiliation,
                      affiliation_en=subject.affiliation_en, places=counted(profile.places))
    else:
        shaped.update(country=subject.country, country_en=subject.country_en, speakers=counted(profile.speakers))
    return shaped


def listing_json(rows):
    return {"results": [
        {"slug": row.slug, "name": row.name, "name_en": row.name_en, "url": page_url(row),
         "article_count": articles, "statement_count": statements}
        for row, articles, statements in rows
    ]}
