"""Who said what, where and when: the database aggregations behind the actor, city and home pages.

Every count is computed by the database (values + Count, or one grouped SQL join), never by looping
over statements in Python. The sets are the search's facets (search/search_indexes.py), so a count
shown on a page is the count of the search its link opens:
- an actor's articles name them; an actor's statements are those they said;
- a place's articles name it; a place's statements are those about it or said there: whose own
  words name it (mentioned_places) or whose place of saying it is (place). An article mentioning
  the place elsewhere does not make its other statements about it;
- an actor's places and a place's speakers come from those same statements.

Statements count as distinct statements, as the search counts them: the reports of one statement in
several articles (a report group) count once, a statement standing alone once. A count per place,
speaker or year counts a group wherever any of its reports falls, as the search does after clicking
the link. The timeline's months must add up to the statement count (a contract of the JSON), so
there a group counts once, in the month of its first report within the set: a statement whose
reports straddle a month's end is one bar's, though the next month's search also finds its later
report. That first report is also the one the latest statements show.
"""
from collections import Counter
from datetime import date

from django.db import connection
from django.db.models import CharField, Count, Exists, F, Func, Max, Min, OuterRef, Q, Subquery

from .models import Article, Person, Place, ReportGroup, Source, Statement
from .queries import reports_prefetch

ArticlePeople = Article.people.through
ArticlePlaces = Article.places.through
MentionedPlaces = Statement.mentioned_places.through
TOP = 12
LATEST = 10


class YearMonth(Func):
    """A date's "YYYY-MM", computed by the database itself.

    Django's TruncMonth calls a Python function for every row on SQLite,
    which made a busy actor's timeline the slowest part of the page.
    """

    output_field = CharField()

    def as_sqlite(self, compiler, connection, **extra):
        # %%%% becomes % after Func's own formatting and the SQLite cursor's.
        return self.as_sql(compiler, connection, template="strftime('%%%%Y-%%%%m', %(expressions)s)", **extra)

    def as_postgresql(self, compiler, connection, **extra):
        return self.as_sql(compiler, connection, template="to_char(%(expressions)s, 'YYYY-MM')", **extra)


# The extra reports of a set's groups: all but one report of each. `in` the groups rather than
# `isnull=False`, so that SQLite reads only the grouped statements, through the report group index.
EXTRA_REPORTS = Count("pk") - Count("report_group", distinct=True)


def grouped(statements):
    return statements.order_by().filter(report_group__in=ReportGroup.objects.values("pk"))


def distinct_count(statements):
    """How many distinct statements a set of statements (one row each) holds."""
    return statements.order_by().count() - (grouped(statements).aggregate(n=EXTRA_REPORTS)["n"] or 0)


def distinct_per(statements, key):
    """[(value of `key`, distinct statements)] of a set of statements (one row each).

    Its statements less the extra reports of its groups: the first count reads an index
    alone as before, the second only grouped statements. One COUNT(DISTINCT report group)
    + COUNT(ungrouped) read every statement row instead: four times slower for the people
    list on SQLite (170 ms against 40 ms at 90,000 statements).
    """
    counts = dict(statements.order_by().values(key).annotate(n=Count("pk")).values_list(key, "n"))
    for value, n in grouped(statements).values(key).annotate(n=EXTRA_REPORTS).values_list(key, "n"):
        counts[value] -= n
    return list(counts.items())


# The order of a group's reports, as archive.queries.reports_of lists them: the earliest first.
REPORT_ORDER = (F("article__published").asc(nulls_last=True), "article_id", "pk")


def first_reports(statements):
    """The set with each report group once: its earliest report among the set's statements."""
    first = statements.filter(report_group=OuterRef("report_group")).order_by(*REPORT_ORDER).values("pk")[:1]
    return statements.filter(Q(report_group__isnull=True) | Q(pk=Subquery(first)))


# -- the sets -------------------------------------------------------------------------

def statements_by(person):
    return Statement.objects.filter(speaker=person).order_by()


def statements_about(place):
    """Statements whose words name the place or that were said there, one row each.

    A subquery rather than a join on mentioned_places: the join would repeat a statement
    said there once for each place its words name, and every count below would need DISTINCT.
    """
    naming = MentionedPlaces.objects.filter(place=place).values("statement_id")
    return Statement.objects.filter(Q(place=place) | Q(pk__in=naming)).order_by()


def article_count_of(person):
    return ArticlePeople.objects.filter(person=person).count()


def article_count_naming(place):
    return ArticlePlaces.objects.filter(place=place).count()


# -- per month ------------------------------------------------------------------------

def timeline(statements):
    """[(month "YYYY-MM", count)] oldest first, by the publication date of each statement's (first report's) article.

    Statements of undated articles come last as (None, count), so the counts
    always add up to the number of distinct statements.
    """
    rows = list(first_reports(statements).annotate(month=YearMonth("article__published")).values("month")
                .annotate(count=Count("pk")).values_list("month", "count"))
    dated = sorted((month, count) for month, count in rows if month is not None)
    undated = sum(count for month, count in rows if month is None)
    return dated + ([(None, undated)] if undated else [])


def window_start(months, limit):
    """The first day of the latest months that hold `limit` statements between them (None: all months)."""
    total = 0
    for month, count in reversed([item for item in months if item[0] is not None]):
        total += count
        if total >= limit:
            return date.fromisoformat(f"{month}-01")
    return None


def latest_statements(statements, months, limit=LATEST):
    """The newest statements of a set, each report group once (its first report), ready to show with its reports.

    `months` (its timeline) bounds the search to recent articles. The first report is the
    one the timeline dates the statement by, and the report closest to when it was said;
    a statement copied again later does not come back to the top as if it were new.
    """
    shown = first_reports(statements)
    start = window_start(months, limit)
    if start is not None:
        shown = shown.filter(article_id__in=Article.objects.filter(published__gte=start).values("pk"))
    return list(
        shown.select_related("speaker", "place", "article__source")
        .prefetch_related("mentioned_people", "mentioned_places", reports_prefetch())
        .order_by(F("article__published").desc(nulls_last=True), "-article_id", "start")[:limit]
    )


# -- who and where --------------------------------------------------------------------

def _top(rows, model, limit):
    """[(row, count)] of the `limit` largest counts of (id, count) pairs, ties by name."""
    counts = Counter(dict(rows))
    found = model.objects.in_bulk(list(counts))
    ranked = sorted(((found[pk], n) for pk, n in counts.items() if pk in found), key=lambda item: (-item[1], item[0].name))
    return ranked[:limit]


def statements_per_place(speaker=None):
    """[(place id, distinct statements about it or said there)], of one speaker's statements or of all.

    One grouped SQL query over (place, statement) pairs: the places its words name, and
    the place it was said in unless its words name that one too, so that each pair is
    there once (a UNION that removes duplicates took half as long again). The ORM cannot
    join both paths without multiplying rows.
    """
    statement, mentioned = Statement._meta.db_table, MentionedPlaces._meta.db_table
    only = "AND s.speaker_id = %s" if speaker is not None else ""
    sql = (f'SELECT about.place_id, COUNT(DISTINCT about.report_group_id) '
           f'+ COUNT(CASE WHEN about.report_group_id IS NULL THEN 1 END) FROM ('
           f'SELECT m.place_id, s.report_group_id FROM "{mentioned}" m '
           f'JOIN "{statement}" s ON s.id = m.statement_id WHERE 1 = 1 {only} '
           f'UNION ALL SELECT s.place_id, s.report_group_id FROM "{statement}" s WHERE s.place_id IS NOT NULL {only} '
           f'AND NOT EXISTS (SELECT 1 FROM "{mentioned}" n WHERE n.statement_id = s.id AND n.place_id = s.place_id)'
           f') about GROUP BY about.place_id')
    with connection.cursor() as cursor:
        cursor.execute(sql, [speaker.pk, speaker.pk] if speaker is not None else [])
        return [(place, int(n)) for place, n in cursor.fetchall()]


def places_of(person, limit=TOP):
    """[(Place, statements)] the person spoke about or in, most first."""
    return _top(statements_per_place(person), Place, limit)


def speakers_about(place, limit=TOP):
    """[(Person, statements)] who spoke about the place or in it, most first."""
    return _top(distinct_per(statements_about(place), "speaker"), Person, limit)


def co_mentioned_people(person, limit=TOP):
    """[(Person, articles)] most often named in the same articles as the person."""
    articles = ArticlePeople.objects.filter(person=person).values("article_id")
    rows = (ArticlePeople.objects.filter(article_id__in=articles).exclude(person=person).order_by()
            .values("person").annotate(n=Count("pk")).values_list("person", "n"))
    return _top(rows, Person, limit)


def co_mentioned_places(place, limit=TOP):
    """[(Place, articles)] most often named in the same articles as the place."""
    articles = ArticlePlaces.objects.filter(place=place).values("article_id")
    rows = (ArticlePlaces.objects.filter(article_id__in=articles).exclude(place=place).order_by()
            .values("place").annotate(n=Count("pk")).values_list("place", "n"))
    return _top(rows, Place, limit)


# -- the lists ------------------------------------------------------------------------

def _merge(model, articles, statements):
    """[(row, articles, statements)] for rows with any, most statements first, then most articles, then name."""
    articles, statements = dict(articles), dict(statements)
    found = model.objects.in_bulk(list(set(articles) | set(statements)))
    rows = [(row, articles.get(pk, 0), statements.get(pk, 0)) for pk, row in found.items()]
    return sorted(rows, key=lambda item: (-item[2], -item[1], item[0].name))


def people_ranked():
    # Count("pk") of the link table reads only its person index; Count("article_id") would read every row.
    articles = ArticlePeople.objects.order_by().values("person").annotate(n=Count("pk")).values_list("person", "n")
    return _merge(Person, articles, distinct_per(Statement.objects.all(), "speaker"))


def places_ranked():
    articles = ArticlePlaces.objects.order_by().values("place").annotate(n=Count("pk")).values_list("place", "n")
    return _merge(Place, articles, statements_per_place())


# -- the home page --------------------------------------------------------------------

def archive_figures():
    span = Article.objects.aggregate(first=Min("published"), last=Max("published"))
    return {
        "articles": Article.objects.count(),
        "statements": distinct_count(Statement.objects.all()),
        "speakers": Statement.objects.order_by().values("speaker").distinct().count(),
        "places": ArticlePlaces.objects.order_by().values("place").distinct().count(),
        "sources": Source.objects.count(),
        "first": span["first"],
        "last": span["last"],
    }


def quoted_year(today=None):
    """This year if anything said this year is archived, else the latest year that is (None: nothing is)."""
    today = today or date.today()
    if Statement.objects.filter(article__published__year=today.year).exists():
        return today.year
    quoted = Statement.objects.filter(article=OuterRef("pk"))
    last = (Article.objects.filter(Exists(quoted), published__isnull=False).order_by("-published")
            .values_list("published", flat=True).first())
    return last.year if last else None


def most_quoted_in(year, limit=10):
    """[(Person, distinct statements)] reported in articles published that year (the year's search counts)."""
    if year is None:
        return []
    said = Statement.objects.filter(article__published__gte=date(year, 1, 1), article__published__lte=date(year, 12, 31))
    return _top(distinct_per(said, "speaker"), Person, limit)
