"""The entity version row: changes whenever people, places or their aliases change (search.entity_store)."""
from django.db import migrations, models


def create_row(apps, schema_editor):
    apps.get_model("search", "EntityVersion").objects.get_or_create(pk=1, defaults={"token": "initial"})


class Migration(migrations.Migration):

    dependencies = [
        ("search", "0001_initial"),
    ]

    operations = [
        migrations.CreateModel(
            name="EntityVersion",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("token", models.CharField(default="", max_length=32)),
            ],
        ),
        migrations.RunPython(create_row, migrations.RunPython.noop),
    ]
