"""Reports of one statement grouped together; the body trigger restored after SQLite remakes the table."""
import importlib

import django.db.models.deletion
from django.db import migrations, models

# Adding a foreign key makes SQLite copy the statement table, which drops its triggers (see 0005).
restore_sqlite_triggers = importlib.import_module("archive.migrations.0005_review_queue").restore_sqlite_triggers


class Migration(migrations.Migration):

    dependencies = [
        ('archive', '0007_statement_mentions'),
    ]

    operations = [
        # Both ends, so that migrating back to 0007 leaves the triggers in place too.
        migrations.RunPython(migrations.RunPython.noop, restore_sqlite_triggers),
        migrations.CreateModel(
            name='ReportGroup',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('created', models.DateTimeField(auto_now_add=True)),
            ],
            options={
                'verbose_name': 'تصريح منقول في عدة مقالات',
                'verbose_name_plural': 'تصريحات منقولة في عدة مقالات',
            },
        ),
        migrations.AddField(
            model_name='statement',
            name='grouped_by_editor',
            field=models.BooleanField(default=False, verbose_name='جمعه أو فصله محرر'),
        ),
        migrations.AddField(
            model_name='statement',
            name='report_group',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='statements', to='archive.reportgroup', verbose_name='التقارير الأخرى للتصريح'),
        ),
        migrations.RunPython(restore_sqlite_triggers, migrations.RunPython.noop),
    ]
