"""Fixtures shared by the whole suite: the seeded archive, editors and their admin session."""
import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command

from archive.seeding import FIXTURE_PATH


@pytest.fixture(autouse=True)
def plain_static_storage(settings):
    # In-process pages need no collected manifest; the served archive (browser tests) uses the real one.
    settings.STORAGES = {**settings.STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}


@pytest.fixture
def seeded(db):
    call_command("loaddata", str(FIXTURE_PATH), verbosity=0)


@pytest.fixture
def editor(db):
    user = get_user_model().objects.create_user("editor", password="a long editor password", is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def search_index(tmp_path, db):
    """A real Whoosh index in a temporary directory; calling it applies every recorded change."""
    from haystack import connections

    from search import engine
    from search.indexing import apply_pending

    connection = connections["default"]
    previous = connection.options["PATH"]
    connection.options["PATH"] = str(tmp_path / "whoosh")
    connection._backend = None
    engine.reset()

    def refresh():
        while apply_pending():
            pass

    yield refresh
    connection.options["PATH"] = previous
    connection._backend = None
    engine.reset()


@pytest.fixture
def importer(seeded):
    """An importer over the seeds, with two more wire outlets to quote the same statements."""
    from archive.ingest.importer import Importer
    from archive.models import Source

    Source.objects.create(name="روسيا اليوم", name_en="RT Arabic", slug="rt")
    Source.objects.create(name="سبوتنيك", name_en="Sputnik", slug="sputnik")
    return Importer()
