"""The "Editors" group: staff who add and correct archive content without being superusers."""
from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP = "Editors"
# Editors add, change and view everything in the archive; they may delete the
# rows an article or actor form edits inline (statements, aliases, offices),
# not whole articles, actors, places or sources.
ACTIONS = {
    "source": ["add", "change", "view"],
    "article": ["add", "change", "view"],
    "person": ["add", "change", "view"],
    "place": ["add", "change", "view"],
    "statement": ["add", "change", "view", "delete"],
    "personalias": ["add", "change", "view", "delete"],
    "placealias": ["add", "change", "view", "delete"],
    "position": ["add", "change", "view", "delete"],
}


def create_editors(apps, schema_editor):
    # Permissions are normally made after all migrations; make them now so the
    # group can hold them on a fresh database.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=GROUP)
    codenames = [f"{action}_{model}" for model, actions in ACTIONS.items() for action in actions]
    group.permissions.add(*Permission.objects.filter(content_type__app_label="archive", codename__in=codenames))


def remove_editors(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("archive", "0002_statement_inside_body"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_editors, remove_editors)]
