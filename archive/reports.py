"""Reports of one statement in several articles: stored groups, recomputed by the rule, corrected by editors."""
from collections import Counter, defaultdict
from datetime import timedelta
from functools import reduce
from operator import or_

from django.db import transaction
from django.db.models import Count, Q


from .ingest.reports import WINDOW_DAYS, Report, group_reports
from .changes import announce
from .models import Article, ReportGroup, Statement

FIELDS = ("pk", "speaker_id", "day", "text", "article_id", "report_group_id", "grouped_by_editor")
CHUNK = 500  # ids per IN (...) list: well under every database's limit on query parameters
RANGES = 200  # (speaker, days) ranges per query: SQLite parses a long OR as a deep tree
LATE_DAYS = 31  # how long after a statement an article may still report it
NEW = object()  # a component that needs a group of its own


def _ids(statements):
    return list(dict.fromkeys(getattr(s, "pk", s) for s in statements))


def _chunks(items, size=CHUNK):
    items = list(items)
    return (items[n:n + size] for n in range(0, len(items), size))


def _rows(queryset, *also):
    """Statement rows as the rule reads them: the day is when it was said, else the article's date."""
    return queryset.order_by().values(*FIELDS, *also)


def _groupable():
    # An editor-split statement (theirs, in no group) stays alone: it is no candidate for anything.
    return Statement.objects.exclude(grouped_by_editor=True, report_group__isnull=True)


def _spans(days, width):
    """The days as merged [low, high] windows of `width` either side, earliest first."""
    spans = []
    for day in sorted(d for d in days if d is not None):
        if spans and day - width <= spans[-1][1]:
            spans[-1][1] = day + width
        else:
            spans.append([day - width, day + width])
    return spans


def _within(value, spans, late=timedelta(0)):
    return any(low <= value <= high + late for low, high in spans)


def _candidates(days_by_speaker):
    """Each speaker's groupable statements whose day lies within the window of one of its days.

    Read from the (speaker, day) index, a range for each speaker's merged windows, so a batch
    reads its candidates and little else however large the archive. A statement dated in its
    text counts if its article came out within LATE_DAYS: a later article recalls it, it does
    not report it (regroup_all still compares them).
    """
    window, late = timedelta(days=WINDOW_DAYS), timedelta(days=LATE_DAYS)
    spans = {speaker: _spans(days, window) for speaker, days in days_by_speaker.items()}
    ranges = [Q(speaker_id=speaker, day__range=(low, high)) for speaker, own in spans.items() for low, high in own]
    # two undated reports may be one statement
    ranges += [Q(speaker_id=speaker, day__isnull=True) for speaker, days in days_by_speaker.items() if None in days]
    for part in _chunks(ranges, RANGES):
        rows = list(_rows(_groupable().filter(reduce(or_, part)), "said_on").iterator())
        # only a day its text gives needs the article's date: a join read every row's article
        published = _published({row["article_id"] for row in rows if row["said_on"] is not None})
        for row in rows:
            own, undated = spans[row["speaker_id"]], None in days_by_speaker[row["speaker_id"]]
            out = row["day"] if row.pop("said_on") is None else published[row["article_id"]]
            if row["day"] is None or (out is None and undated) or (out is not None and _within(out, own, late)):
                yield row


def _published(article_ids):
    dates = {}
    for chunk in _chunks(article_ids):
        dates.update(Article.objects.filter(pk__in=chunk).values_list("pk", "published"))
    return dates


def _choose(component, rows, taken):
    """The group a component's statements join: an editor's group first, else the one most of them are in."""
    editors = Counter(rows[pk]["report_group_id"] for pk in component
                      if rows[pk]["grouped_by_editor"] and rows[pk]["report_group_id"])
    if editors:  # an editor said these are one statement: a new report of it joins them
        return min(editors, key=lambda group: (-editors[group], group))
    current = Counter(rows[pk]["report_group_id"] for pk in component if rows[pk]["report_group_id"])
    free = [group for group in current if group not in taken]  # two components never share a machine group
    return min(free, key=lambda group: (-current[group], group)) if free else NEW


def _articles_of_groups(group_ids):
    articles = set()
    for chunk in _chunks(group_ids):
        articles.update(Statement.objects.filter(report_group_id__in=chunk).values_list("article_id", flat=True))
    return articles


def dissolve_lonely(group_ids, reset_editor=False):
    """Delete groups left with fewer than two statements; their last statement stands alone. Its articles."""
    lonely = []
    for chunk in _chunks(group_ids):
        groups = ReportGroup.objects.filter(pk__in=chunk).annotate(n=Count("statements")).filter(n__lt=2)
        lonely += groups.values_list("pk", flat=True)
    if not lonely:
        return set()
    articles = _articles_of_groups(lonely)
    changes = {"report_group": None}
    if reset_editor:  # its partner is gone: nothing an editor said binds it any more
        changes["grouped_by_editor"] = False
    for chunk in _chunks(lonely):
        Statement.objects.filter(report_group_id__in=chunk).update(**changes)
        ReportGroup.objects.filter(pk__in=chunk).delete()
    return articles


def _store(rows, components, targets):
    """Put each component holding a target in one group; targets in no component stand alone.

    Statements an editor placed never move; other candidates move only to join a target's group
    (their own group may lie partly outside what was read). Returns the articles whose index changes.
    """
    moves, placed = {}, set()
    # a group an editor holds statements in is chosen only through those statements
    taken = {row["report_group_id"] for row in rows.values() if row["grouped_by_editor"]} - {None}
    for component in components:
        if not targets.intersection(component):
            continue
        group = _choose(component, rows, taken)
        if group is NEW:
            group = ReportGroup.objects.create().pk
        taken.add(group)
        for pk in component:
            if rows[pk]["grouped_by_editor"]:
                continue
            placed.add(pk)
            if rows[pk]["report_group_id"] != group:
                moves[pk] = group
    for pk in targets - placed:
        if rows[pk]["report_group_id"] is not None:
            moves[pk] = None
    if not moves:
        return set()
    by_group = defaultdict(list)
    for pk, group in moves.items():
        by_group[group].append(pk)
    for group, pks in by_group.items():
        for chunk in _chunks(pks):
            Statement.objects.filter(pk__in=chunk).update(report_group_id=group)
    left = {rows[pk]["report_group_id"] for pk in moves} - {None}
    joined = set(by_group) - {None}
    # every report of a group whose membership changed: an article may show how often it was reported
    articles = {rows[pk]["article_id"] for pk in moves} | _articles_of_groups(left | joined)
    return articles | dissolve_lonely(left)


def regroup(statement_ids):
    """Regroup these statements (not those an editor placed) with their candidates; the changed articles."""
    with transaction.atomic():
        targets = {}
        for chunk in _chunks(_ids(statement_ids)):
            found = _rows(Statement.objects.filter(pk__in=chunk, grouped_by_editor=False))
            targets.update((r["pk"], r) for r in found)
        if not targets:
            return set()
        rows = dict(targets)
        days = defaultdict(set)
        for row in targets.values():
            days[row["speaker_id"]].add(row["day"])
        rows.update((r["pk"], r) for r in _candidates(days))
        # their present group-mates, so that a statement whose words changed can leave them
        mates = {r["report_group_id"] for r in targets.values()} - {None}
        for chunk in _chunks(mates):
            rows.update((r["pk"], r) for r in _rows(Statement.objects.filter(report_group_id__in=chunk)))
        # stored statements were grouped with each other when they came: only the targets are compared
        components = group_reports(
            (Report(pk, r["speaker_id"], r["day"], r["text"], r["article_id"]) for pk, r in rows.items()),
            among=targets)
        changed = _store(rows, components, set(targets))
        if changed:
            announce(changed)
        return changed


def refresh_days():
    """Correct every statement's stored day (what save() keeps) should a bulk change have gone
    around it; how many were wrong."""
    wrong = defaultdict(list)
    rows = Statement.objects.order_by().values_list("pk", "day", "said_on", "article__published")
    for pk, day, said_on, published in rows.iterator(CHUNK):
        right = Statement.day_of(said_on, published)
        if day != right:
            wrong[right].append(pk)
    with transaction.atomic():
        for day, pks in wrong.items():
            for chunk in _chunks(pks):
                Statement.objects.filter(pk__in=chunk).update(day=day)
    return sum(map(len, wrong.values()))


def regroup_all():
    """Recompute every group by the rule; what editors merged or split stays. The changed articles."""
    with transaction.atomic():
        rows = {r["pk"]: r for r in _rows(_groupable()).iterator()}
        components = group_reports(
            Report(pk, r["speaker_id"], r["day"], r["text"], r["article_id"]) for pk, r in rows.items())
        targets = {pk for pk, row in rows.items() if not row["grouped_by_editor"]}
        changed = _store(rows, components, targets)
        changed |= dissolve_lonely(ReportGroup.objects.values_list("pk", flat=True))
        if changed:
            announce(changed)
        return changed


def merge(statements):
    """An editor says these statements are one statement: one group, editor-placed. Returns the group."""
    ids = _ids(statements)
    if len(ids) < 2:
        raise ValueError("Select at least two statements to merge.")
    with transaction.atomic():
        rows = list(Statement.objects.filter(pk__in=ids).values("pk", "article_id", "report_group_id"))
        current = Counter(r["report_group_id"] for r in rows if r["report_group_id"])
        group_id = min(current, key=lambda g: (-current[g], g)) if current else ReportGroup.objects.create().pk
        Statement.objects.filter(pk__in=ids).update(report_group_id=group_id, grouped_by_editor=True)
        articles = {r["article_id"] for r in rows} | _articles_of_groups(set(current))
        articles |= dissolve_lonely(set(current) - {group_id})
        announce(articles)
        return ReportGroup.objects.get(pk=group_id)


def split(statements):
    """An editor says these are separate statements: each alone, editor-placed. Returns the changed articles."""
    ids = _ids(statements)
    with transaction.atomic():
        rows = list(Statement.objects.filter(pk__in=ids).values("pk", "article_id", "report_group_id"))
        groups = {r["report_group_id"] for r in rows} - {None}
        Statement.objects.filter(pk__in=ids).update(report_group=None, grouped_by_editor=True)
        articles = {r["article_id"] for r in rows} | _articles_of_groups(groups) | dissolve_lonely(groups)
        announce(articles)
        return articles


def statement_deleted(sender, instance, **kwargs):
    """A deleted report's group may be left with one statement: it stands alone again."""
    if instance.report_group_id:
        announce(_articles_of_groups([instance.report_group_id])
                        | dissolve_lonely([instance.report_group_id], reset_editor=True))


def connect():
    from django.db.models.signals import post_delete

    post_delete.connect(statement_deleted, sender=Statement, dispatch_uid="reports-statement-deleted")
