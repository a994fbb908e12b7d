"""The review queue: how sure the machine was of a statement and why, and the role kind of actor.

On SQLite, adding a NOT NULL column or a check constraint rebuilds the statement
table, and dropping the old table drops its triggers: the statement-inside-body
triggers of migration 0002 are created again afterwards. PostgreSQL alters the
table in place and keeps its trigger.
"""
import importlib

from django.db import migrations, models

INSIDE_BODY = importlib.import_module("archive.migrations.0002_statement_inside_body")


def restore_sqlite_triggers(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        for sql in INSIDE_BODY.SQLITE_REVERSE + INSIDE_BODY.SQLITE:
            schema_editor.execute(sql)


class Migration(migrations.Migration):

    dependencies = [
        ("archive", "0004_explore_indexes"),
    ]

    operations = [
        # Both ends, so that migrating back to 0004 leaves the triggers in place too.
        migrations.RunPython(migrations.RunPython.noop, restore_sqlite_triggers),
        migrations.AddField(
            model_name="statement",
            name="attribution",
            field=models.TextField(blank=True, verbose_name="سبب النسبة"),
        ),
        migrations.AddField(
            model_name="statement",
            name="confidence",
            field=models.FloatField(blank=True, null=True, verbose_name="ثقة الآلة"),
        ),
        migrations.AlterField(
            model_name="person",
            name="kind",
            field=models.CharField(
                choices=[("person", "شخص"), ("organisation", "مؤسسة"), ("role", "منصب لم يُعرف شاغله"),
                         ("unnamed", "متحدث لم يُسمَّ")],
                default="person", max_length=20, verbose_name="النوع",
            ),
        ),
        migrations.AddConstraint(
            model_name="statement",
            constraint=models.CheckConstraint(
                condition=models.Q(("confidence__isnull", True),
                                   models.Q(("confidence__gte", 0), ("confidence__lte", 1)), _connector="OR"),
                name="statement_confidence_in_range",
                violation_error_message="A statement's confidence lies between 0 and 1.",
            ),
        ),
        migrations.RunPython(restore_sqlite_triggers, migrations.RunPython.noop),
    ]
