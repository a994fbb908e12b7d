"""A statement's day stored (when it was said, else its article's date) and indexed with its speaker.

Reports are grouped by speaker and day; with the day stored, a batch's candidates are read
from the (speaker, day) index instead of every article of its weeks. Adding a nullable column
leaves SQLite's table (and its triggers) in place; they are restored at both ends all the same.
"""
import importlib

from django.db import migrations, models
from django.db.models import OuterRef, Subquery
from django.db.models.functions import Coalesce

restore_sqlite_triggers = importlib.import_module("archive.migrations.0005_review_queue").restore_sqlite_triggers


def fill_days(apps, schema_editor):
    Article, Statement = apps.get_model("archive", "Article"), apps.get_model("archive", "Statement")
    published = Article.objects.filter(pk=OuterRef("article_id")).values("published")[:1]
    Statement.objects.update(day=Coalesce("said_on", Subquery(published)))


class Migration(migrations.Migration):

    dependencies = [
        ("archive", "0008_statement_reports"),
    ]

    operations = [
        migrations.RunPython(migrations.RunPython.noop, restore_sqlite_triggers),
        migrations.AddField(
            model_name="statement",
            name="day",
            field=models.DateField(blank=True, editable=False, null=True, verbose_name="يوم التصريح"),
        ),
        migrations.RunPython(fill_days, migrations.RunPython.noop),
        migrations.AddIndex(
            model_name="statement",
            index=models.Index(fields=["speaker", "day"], name="statement_speaker_day"),
        ),
        migrations.RunPython(restore_sqlite_triggers, migrations.RunPython.noop),
    ]
