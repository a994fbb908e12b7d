"""Indexes for the actor and city pages, and the rule they count on: an article names whom it quotes and where.

Statement.save keeps the rule from now on; this repairs rows saved before it
(the importer and the admin already kept it, so there is usually nothing to do).
ANALYZE gives SQLite's planner the statistics it needs to read a statement's
month from the (id, published) index instead of the article row.
"""
from django.db import migrations, models
from django.db.models import Exists, OuterRef

BATCH = 1000


def name_speakers_and_places(apps, schema_editor):
    Article = apps.get_model("archive", "Article")
    Statement = apps.get_model("archive", "Statement")
    for field, through_field in (("speaker", "person"), ("place", "place")):
        through = getattr(Article, "people" if field == "speaker" else "places").through
        named = through.objects.filter(article_id=OuterRef("article_id"), **{f"{through_field}_id": OuterRef(f"{field}_id")})
        missing = (Statement.objects.exclude(**{f"{field}__isnull": True}).exclude(Exists(named))
                   .order_by().values_list("article_id", f"{field}_id").distinct())
        rows = [through(article_id=article, **{f"{through_field}_id": other}) for article, other in missing]
        through.objects.bulk_create(rows, batch_size=BATCH, ignore_conflicts=True)


def analyze(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute("ANALYZE")


class Migration(migrations.Migration):

    dependencies = [
        ("archive", "0003_editors_group"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="article",
            index=models.Index(fields=["id", "published"], name="article_id_published"),
        ),
        migrations.AddIndex(
            model_name="statement",
            index=models.Index(fields=["speaker", "article"], name="statement_speaker_article"),
        ),
        migrations.AddIndex(
            model_name="statement",
            index=models.Index(fields=["article", "speaker"], name="statement_article_speaker"),
        ),
        migrations.RunPython(name_speakers_and_places, migrations.RunPython.noop),
        migrations.RunPython(analyze, migrations.RunPython.noop, elidable=True),
    ]
