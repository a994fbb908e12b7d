"""How an article is shown: its marked paragraphs for the page, its fields for JSON."""
from archive.queries import reports_of

from .marking import mark


def person_ref(person):
    return {"slug": person.slug, "name": person.name}


def place_ref(place):
    return {"slug": place.slug, "name": place.name}


def source_ref(source):
    return {"slug": source.slug, "name": source.name} if source else None


def statement_ref(statement):
    return {
        "id": statement.pk,
        "speaker": person_ref(statement.speaker),
        "text": statement.text,
        "start": statement.start,
        "end": statement.end,
        "kind": statement.kind,
        "place": place_ref(statement.place) if statement.place else None,
        "said_on": statement.said_on.isoformat() if statement.said_on else None,
        "url": statement.get_absolute_url(),
        # False for what the machine proposed and no editor has checked: never to be read as certain.
        "reviewed": statement.reviewed,
        "mentions": mentions_ref(statement),
        "reports": reports_ref(statement),
    }


def reports_ref(statement):
    """Each report of the statement: the statement in that article, the article, its source and date."""
    return [{
        "id": report.pk,
        "url": report.get_absolute_url(),
        "article": {"id": report.article_id, "title": report.article.title, "url": report.article.get_absolute_url()},
        "source": source_ref(report.article.source),
        "published": report.article.published.isoformat() if report.article.published else None,
    } for report in reports_of(statement)]


def mentions_ref(statement):
    """Whom and where a statement's own words name, beside `place` (where it was said)."""
    return {"people": [person_ref(p) for p in statement.mentioned_people.all()],
            "places": [place_ref(p) for p in statement.mentioned_places.all()]}


def article_statements(article):
    return list(article.statements.select_related("speaker", "place").prefetch_related(
        "mentioned_people", "mentioned_places").order_by("start"))


def article_context(article):
    statements = article_statements(article)
    return {
        "paragraphs": mark(article.body, [(s.start, s.end, s) for s in statements]),
        "statements": statements,
        "people": list(article.people.all()),
        "places": list(article.places.all()),
    }


def article_head(article):
    """The fields every JSON shape of an article starts with (its page, a search result)."""
    return {
        "type": "article",
        "id": article.pk,
        "url": article.get_absolute_url(),
        "title": article.title,
        "published": article.published.isoformat() if article.published else None,
        "source": source_ref(article.source),
    }


def article_json(article):
    return {
        **article_head(article),
        "original_url": article.url,
        "body": article.body,
        "statements": [statement_ref(s) for s in article_statements(article)],
        "actors": [person_ref(p) for p in article.people.all()],
        "cities": [place_ref(p) for p in article.places.all()],
    }
