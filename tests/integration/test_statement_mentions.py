"""A statement knows whom and where its own words name, apart from what its article mentions."""
import json

from django.core.management import call_command

from archive.models import Person, Place, Statement


def import_rows(tmp_path, rows):
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", encoding="utf-8")
    call_command("import_articles", str(path))


def known(db):
    for slug, name in (("sergey-lavrov", "سيرغي لافروف"), ("john-kerry", "جون كيري")):
        person = Person.objects.create(name=name, slug=slug)
        person.aliases.create(name=name.split()[-1])
    for slug, name in (("aleppo", "حلب"), ("moscow", "موسكو"), ("geneva", "جنيف")):
        place = Place.objects.create(name=name, slug=slug)
        place.aliases.create(name=name)


def test_a_statement_names_its_own_subjects_not_its_articles(tmp_path, client, db):
    known(db)
    import_rows(tmp_path, [{"published": "2016-05-09", "body": (
        "محادثات في جنيف\n\nوصل الوفد الروسي إلى جنيف قادما من موسكو صباح اليوم.\n\n"
        "وقال لافروف في جنيف إن حلب لن تسقط، وإن كيري يعرف ذلك جيدا.")}])
    statement = Statement.objects.get()
    assert [p.slug for p in statement.mentioned_people.all()] == ["john-kerry"]
    assert [p.slug for p in statement.mentioned_places.all()] == ["aleppo"]  # not موسكو, named outside its words
    assert statement.place.slug == "geneva"  # where it was said stays apart
    page = client.get(f"/articles/{statement.article_id}/", {"format": "json"}).json()
    said = page["statements"][0]
    assert said["mentions"] == {"people": [{"slug": "john-kerry", "name": "جون كيري"}],
                                "places": [{"slug": "aleppo", "name": "حلب"}]}
    assert said["place"]["slug"] == "geneva"


def test_an_editor_corrects_what_a_statement_names(client, db, tmp_path):
    from django.contrib.auth.models import User
    known(db)
    import_rows(tmp_path, [{"published": "2016-05-09", "body": "تصريحات\n\nوقال لافروف إن حلب لن تسقط أبدا."}])
    statement = Statement.objects.get()
    client.force_login(User.objects.create_superuser("admin", "a@example.org", "pw"))
    page = client.get(f"/admin/archive/statement/{statement.pk}/change/").content.decode()
    assert "mentioned_places" in page and "mentioned_people" in page


def test_statement_search_results_carry_what_the_words_name(client, db, search_index):
    from archive.models import Article
    kerry = Person.objects.create(name="جون كيري", slug="john-kerry")
    aleppo = Place.objects.create(name="حلب", slug="aleppo")
    article = Article.objects.create(title="تصريحات", body="قال كيري إن حلب تحتاج إلى هدنة عاجلة.", published="2016-05-09")
    words = "حلب تحتاج إلى هدنة عاجلة"
    start = article.body.index(words)
    statement = Statement.objects.create(article=article, speaker=kerry, text=words, start=start, end=start + len(words))
    statement.mentioned_places.add(aleppo)
    search_index()
    result = client.get("/search/?q=هدنة&type=statements&format=json").json()["results"][0]
    assert result["mentions"] == {"people": [], "places": [{"slug": "aleppo", "name": "حلب"}]}
