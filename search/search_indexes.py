"""What the index holds for an article and for a statement (haystack search indexes).

Facet fields hold exact values, never analyzed text, so a multi-word name
stays one value: slugs, for anyone reading the index through haystack. The
archive's own column of facets holds database ids and is defined once, in
search.documents. Names come from the database when a page is drawn.

A statement's city facet is what it is about or where it was said: the places
its own words name and the place of saying, never every place its article
mentions. Its actor facet is its speaker; the people its words name are its
subjects, which a name typed in a query also finds (search.entity_search).
"""
from haystack import indexes

from archive.models import Article, Statement


def month_of(day):
    return day.strftime("%Y-%m") if day else ""


class ArchiveDocument(indexes.SearchIndex):
    """The fields both kinds of result share: where it stands and what it can be narrowed by."""

    text = indexes.CharField(document=True)
    article_id = indexes.CharField()
    published = indexes.DateField(null=True)
    actor = indexes.MultiValueField()
    city = indexes.MultiValueField()
    source = indexes.CharField(null=True)
    month = indexes.CharField(null=True)

    def prepare_month(self, obj):
        return month_of(self.article_of(obj).published)

    def prepare_published(self, obj):
        return self.article_of(obj).published

    def prepare_source(self, obj):
        source = self.article_of(obj).source
        return source.slug if source else ""

    def prepare_article_id(self, obj):
        return str(self.article_of(obj).pk)


class ArticleIndex(ArchiveDocument, indexes.Indexable):
    def get_model(self):
        return Article

    def article_of(self, article):
        return article

    def index_queryset(self, using=None):
        return Article.objects.select_related("source").prefetch_related("people", "places", "statements__speaker")

    def prepare_text(self, article):
        return f"{article.title}\n{article.body}"

    def actors(self, article):
        found = {person.pk: person for person in article.people.all()}
        found.update((s.speaker_id, s.speaker) for s in article.statements.all())
        return found.values()

    def prepare_actor(self, article):
        return sorted(person.slug for person in self.actors(article))

    def prepare_city(self, article):
        return sorted(place.slug for place in article.places.all())


class StatementIndex(ArchiveDocument, indexes.Indexable):
    def get_model(self):
        return Statement

    def article_of(self, statement):
        return statement.article

    def index_queryset(self, using=None):
        return Statement.objects.select_related("article__source", "speaker", "place").prefetch_related(
            "mentioned_people", "mentioned_places")

    def prepare_text(self, statement):
        return statement.text

    def prepare_actor(self, statement):
        return [statement.speaker.slug]

    def prepare_city(self, statement):
        return sorted(place.slug for place in statement.cities())

