"""Search results as the page, JSON, CSV and Atom show them: rows from the database, snippets, labels."""
from archive.models import Article, Statement
from archive.queries import named_in_articles, reports_prefetch
from search import facet_values
from search.highlight import marked_html, snippet_html

from .article import article_head, mentions_ref, person_ref, place_ref, reports_ref, source_ref
from .names import entity_cards
from .naming import display_name

FACET_MODELS = facet_values.MODELS


def load(hits):
    """Database rows for the hits, in the hits' order (a row deleted since indexing is skipped)."""
    article_ids = [hit.id for hit in hits if hit.kind == "article"]
    statement_ids = [hit.id for hit in hits if hit.kind == "statement"]
    articles = Article.objects.select_related("source").in_bulk(article_ids)
    for article_id, (people, places) in named_in_articles(list(articles)).items():
        articles[article_id].named_people, articles[article_id].named_places = people, places
    statements = (
        Statement.objects.select_related("speaker", "article__source", "place")
        .prefetch_related("mentioned_people", "mentioned_places", reports_prefetch()).in_bulk(statement_ids)
    )
    rows = []
    for hit in hits:
        row = (articles if hit.kind == "article" else statements).get(hit.id)
        if row is not None:
            rows.append(row)
    return rows


def article_result(article, terms):
    return {
        **article_head(article),
        "title_html": marked_html(article.title, terms),
        "snippet_html": snippet_html(article.body, terms),
        "actors": article.named_people,  # set by load()
        "cities": article.named_places,
    }


def statement_result(statement, terms):
    article = statement.article
    return {
        "type": "statement",
        "id": statement.pk,
        "url": statement.get_absolute_url(),
        "text": statement.text,
        "kind": statement.kind,
        "speaker": person_ref(statement.speaker),
        "article": {"id": article.pk, "url": article.get_absolute_url(), "title": article.title},
        "published": article.published.isoformat() if article.published else None,
        "source": source_ref(article.source),
        "snippet_html": snippet_html(statement.text, terms, length=400),
        # Its city facet: the places its words name and where it was said (not all its article's).
        "cities": [place_ref(p) for p in sorted(statement.cities(), key=lambda place: place.name)],
        # Where and when it was said, when the text tells (who said what, where, when).
        "place": place_ref(statement.place) if statement.place else None,
        "said_on": statement.said_on.isoformat() if statement.said_on else None,
        # False for what the machine proposed and no editor has checked: never to be read as certain.
        "reviewed": statement.reviewed,
        "mentions": mentions_ref(statement),
        # Every article reporting the same statement, itself included, the earliest first.
        "reports": reports_ref(statement),
    }


def result(row, terms):
    return statement_result(row, terms) if isinstance(row, Statement) else article_result(row, terms)


def facet_labels(facets):
    """{facet: {slug: name}} for the values on show."""
    labels = {}
    for facet in FACET_MODELS:
        slugs = [value for value, _ in facets.get(facet, [])]
        # Labels are for reading: the English interface shows English names where the archive has them.
        values = facet_values.values_of(facet, slugs=slugs).values() if slugs else ()
        labels[facet] = {value.slug: display_name({"name": value.name, "name_en": value.name_en}) for value in values}
    return labels


def labelled_facets(facets, extra_slugs=None):
    labels = facet_labels({f: list(v) + [(s, 0) for s in (extra_slugs or {}).get(f, ())] for f, v in facets.items()})
    shaped = {}
    for facet in ("actor", "city", "source"):
        shaped[facet] = [
            {"value": value, "label": labels[facet].get(value, value), "count": count}
            for value, count in facets.get(facet, [])
        ]
    shaped["month"] = [{"value": value, "count": count} for value, count in facets.get("month", [])]
    return shaped, labels


def results_json(params, found):
    facets, _ = labelled_facets(found.facets)
    return {
        "count": found.count,
        "page": found.page,
        "pages": found.pages,
        "query": {"q": params.q, "understood": found.understood, "suggestion": found.suggestion or None,
                  "exact": params.exact, "interpretation": found.interpretation,
                  # the values the results were kept without (not_actor, not_city, not_source), as slugs
                  "excluded": {facet: list(getattr(params, f"not_{facet}")) for facet in FACET_MODELS}},
        "results": [result(row, found.terms) for row in load(found.hits)],
        "facets": facets,
        "entities": entity_cards(params, found),
    }
