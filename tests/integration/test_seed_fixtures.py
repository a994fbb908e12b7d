"""The seed archive: curated, consistent, reproducible, and safe to load twice."""
import json
import subprocess
import sys

from django.core import serializers
from django.core.management import call_command

from archive.models import Article, Person, Place, Statement
from archive.seeding import FIXTURE_PATH, SEEDS_DIR, build_records


def snapshot():
    models = [Article, Person, Place, Statement]
    return {m.__name__: serializers.serialize("json", m.objects.order_by("pk")) for m in models}


def test_fixture_is_built_from_the_current_curation():
    curation = json.loads((SEEDS_DIR / "curation.json").read_text(encoding="utf-8"))
    assert build_records(curation) == json.loads(FIXTURE_PATH.read_text(encoding="utf-8")), (
        "fixtures/seed_archive.json is stale: run `manage.py build_seed_fixture`"
    )


def test_curation_passes_its_own_consistency_check():
    result = subprocess.run([sys.executable, str(SEEDS_DIR / "check_curation.py")], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_seed_archive_has_the_expected_breadth(seeded):
    assert Article.objects.count() == 5
    assert Person.objects.filter(kind="person").count() >= 10
    assert Place.objects.count() >= 15
    assert Statement.objects.count() >= 25
    kerry = Person.objects.get(slug="john-kerry")
    assert {"كيري", "كيرى", "Kerry"} <= set(kerry.aliases.values_list("name", flat=True))


def test_every_seed_statement_points_at_its_text(seeded):
    for statement in Statement.objects.select_related("article"):
        assert statement.article.body[statement.start:statement.end] == statement.text, statement.pk
        assert statement.speaker in statement.article.people.all()


def test_seed_bodies_are_free_of_site_boilerplate(seeded):
    for article in Article.objects.all():
        for boilerplate in ["أضف تعليق", "اقرأ/ي أيضًا", "camera icon", "tag icon", "ادعم عنب بلدي", "مقالات متعلقة"]:
            assert boilerplate not in article.body, (article.pk, boilerplate)
        assert article.title and article.title not in article.body.split("\n")[0:1]


def test_seed_dates_and_sources_follow_the_editorial_metadata(seeded):
    published = dict(Article.objects.values_list("pk", "published"))
    assert {pk: d.isoformat() for pk, d in published.items()} == {
        1: "2016-05-24", 2: "2016-10-04", 3: "2016-08-26", 4: "2016-04-30", 5: "2016-05-02"
    }
    assert Article.objects.get(pk=1).source.name_en == "Arab48"
    assert Article.objects.get(pk=5).source.name_en == "Enab Baladi"
    assert Article.objects.get(pk=2).source is None


def test_loading_the_fixtures_twice_changes_nothing(seeded):
    before = snapshot()
    call_command("loaddata", str(FIXTURE_PATH), verbosity=0)
    assert snapshot() == before


def test_seed_archive_command_leaves_an_archive_with_articles_alone(seeded):
    article = Article.objects.get(pk=1)
    article.title = "عنوان صححه محرر"
    article.save()
    call_command("seed_archive", verbosity=0)
    assert Article.objects.get(pk=1).title == "عنوان صححه محرر"


def test_seed_archive_command_fills_an_empty_archive(db):
    call_command("seed_archive", verbosity=0)
    assert Article.objects.count() == 5
