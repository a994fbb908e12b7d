"""When an editor names the holder of an office, the statements the machine gave the office itself move to them.

The importer saves "وزير الخارجية الأمريكي" as a role person when the archive knows
no holder on the article's date. Once a Position says who held that office when,
those statements belong to the holder: the same rule the extractor resolves roles
by (archive/ingest/offices.py), applied after the fact.
"""


from .ingest.offices import office_of, resolve_office, role_stems
from .ingest.places import phrase_tokens
from .changes import announce
from .models import Person, Statement
from .reports import regroup


HOLDER = "holder"


def role_fits(role_words, title):
    """Whether role words name this office as the extractor reads them: same head, every word in the title.

    "وزير الخارجية الأمريكي" fits the title "وزير الخارجية الأمريكي" (and "الأميركي");
    "نائب وزير الخارجية" does not fit "وزير الخارجية".
    """
    return fits_office(role_words, office_of(HOLDER, title))


def fits_office(role_words, office):
    return resolve_office(role_stems(phrase_tokens(role_words)), [office], None) == HOLDER


def reattribution_note(holder_name, title):
    return f"reattributed when {holder_name} was named holder of {title}"


def appended(attribution, note):
    return f"{attribution}; {note}" if attribution else note


def claimable_statements(position):
    """Unreviewed statements of unreviewed role persons naming this office, said while it was held.

    A statement's day is when it was said where the text tells, else its article's date;
    an undated statement stays where it is, since nothing says the holder held the office then.
    A statement an editor reviewed keeps the speaker the editor accepted.
    """
    office = office_of(HOLDER, position.title)
    candidates = Person.objects.filter(kind=Person.Kind.ROLE, reviewed=False).exclude(pk=position.person_id)
    roles = [pk for pk, name, role in candidates.values_list("pk", "name", "role") if fits_office(role or name, office)]
    if not roles:
        return []
    statements = (
        Statement.objects.filter(speaker_id__in=roles, reviewed=False, day__isnull=False)
    )
    if position.start:
        statements = statements.filter(day__gte=position.start)
    if position.end:
        statements = statements.filter(day__lte=position.end)
    return list(statements.select_related("article"))


def claim_role_statements(position):
    """Move the statements this office's holder said under the office's name to the holder; return them.

    They stay unreviewed, and their attribution says why they moved. Each article
    names the holder; a role person left without statements in an article is no
    longer one of its people (it was there only as a speaker). The role person
    itself stays: it may have statements outside the position's dates.
    """
    statements = claimable_statements(position)
    if not statements:
        return []
    holder = position.person
    note = reattribution_note(holder.name, position.title)
    roles = {s.speaker_id for s in statements}
    for statement in statements:
        statement.speaker = holder
        statement.attribution = appended(statement.attribution, note)
    # A bulk update sends no model signals: the change is announced below, in this transaction.
    Statement.objects.bulk_update(statements, ["speaker", "attribution"])
    articles = {s.article_id: s.article for s in statements}
    for article in articles.values():
        article.include_statement_subjects([s for s in statements if s.article_id == article.pk])
        silent = roles - set(article.statements.filter(speaker_id__in=roles).values_list("speaker_id", flat=True))
        article.people.remove(*silent)
    announce(articles.keys())
    regroup(statements)  # under their new speaker, they may be reports of what the holder said elsewhere
    return statements


def position_saved(sender, instance, raw=False, **kwargs):
    """A saved office claims its holder's statements; `claimed` tells the admin how many moved."""
    if not raw:
        instance.claimed = claim_role_statements(instance)


def connect():
    from django.db.models.signals import post_save

    from .models import Position

    post_save.connect(position_saved, sender=Position, dispatch_uid="reattribution-position-saved")
