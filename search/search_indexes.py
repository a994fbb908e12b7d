"""What the index holds for an article and for a statement (haystack search indexes).

Facet fields hold exact values, never analyzed text, so a multi-word name
stays one value: slugs for anyone reading the index through haystack, and
database ids (the *_ids fields) for the archive's own column of facets.
Names come from the database when a page is drawn.

A statement's city facet is what it is about or where it was said: the places
its own words name and the place of saying, never every place its article
mentions. Its actor facet is its speaker; the people its words name are its
subjects, which a name typed in a query also finds (search.entity_search).
"""
from haystack import indexes

from .columns import subject_key

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
    actor_ids = indexes.MultiValueField(indexed=False)
    city_ids = indexes.MultiValueField(indexed=False)
    source_id = indexes.IntegerField(null=True, indexed=False)

    def prepare_month(self, obj):
        return month_of(self.article_of(obj).published)

    def prepare_published(self, obj):
        return self.article_of(obj).published

    def prepare_source(self, obj):
        source = self.article_of(obj).source
        return source.slug if source else ""

    def prepare_article_id(self, obj):
        return str(self.article_of(obj).pk)

    def prepare_source_id(self, obj):
        return self.article_of(obj).source_id


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

    def prepare_actor_ids(self, article):
        return sorted(person.pk for person in self.actors(article))

    def prepare_city(self, article):
        return sorted(place.slug for place in article.places.all())

    def prepare_city_ids(self, article):
        return sorted(place.pk for place in article.places.all())


class StatementIndex(ArchiveDocument, indexes.Indexable):
    def get_model(self):
        return Statement

    def article_of(self, statement):
        return statement.article

    subject_keys = indexes.MultiValueField(indexed=False)
    report_group = indexes.IntegerField(null=True, indexed=False)

    def index_queryset(self, using=None):
        return Statement.objects.select_related("article__source", "speaker", "place").prefetch_related(
            "mentioned_people", "mentioned_places")

    def prepare_text(self, statement):
        return statement.text

    def places(self, statement):
        found = {place.pk: place for place in statement.mentioned_places.all()}
        if statement.place:
            found[statement.place.pk] = statement.place
        return found.values()

    def prepare_subject_keys(self, statement):
        return sorted([subject_key("actor", person.pk) for person in statement.mentioned_people.all()]
                      + [subject_key("city", place.pk) for place in statement.mentioned_places.all()])

    def prepare_report_group(self, statement):
        return statement.report_group_id

    def prepare_actor(self, statement):
        return [statement.speaker.slug]

    def prepare_actor_ids(self, statement):
        return [statement.speaker_id]

    def prepare_city(self, statement):
        return sorted(place.slug for place in self.places(statement))

    def prepare_city_ids(self, statement):
        return sorted(place.pk for place in self.places(statement))
