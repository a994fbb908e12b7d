"""A bulk import with the index writer running: every article lands in search, and an editor's save does not wait for the import's queue."""
import fcntl
import json

from django.conf import settings
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone

from archive.changes import bulk_write
from archive.management.commands import import_articles
from archive.models import Article, Person
from search import indexing
from search.models import IndexChange, record_articles

LETTERS = "بتثجحخدذرزسشصضطظعغفقكلمن"


def word(number):
    """A made-up Arabic word per number, in no other text: a search for it finds exactly its article."""
    digits = []
    for _ in range(4):
        number, digit = divmod(number, len(LETTERS))
        digits.append(LETTERS[digit])
    return "ظ" + "".join(digits) + "ظ"


def article_row(number):
    return {
        "title": f"وفد المعارضة يصل إلى جنيف {word(number)}",
        "body": (f"قال وزير الخارجية الروسي سيرغي لافروف إن «المحادثات في جنيف ستستأنف الأسبوع المقبل» في الجولة "
                 f"رقم {number}.\n\nوأضاف أن الحل السياسي هو الطريق الوحيد لإنهاء المعارك في حلب.\n\nشارك على فيسبوك"),
        "published": "2016-06-01", "source": "arab48",
    }


def search(client, text):
    return [r["id"] for r in client.get("/search/", {"q": text, "format": "json"}).json()["results"]]


def test_every_imported_article_is_found_when_the_writer_applies_changes_during_the_import(
        seeded, search_index, client, tmp_path, monkeypatch):
    """The writer runs between the import's batches (one article each), as it runs beside it."""
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join(json.dumps(article_row(n), ensure_ascii=False) for n in range(40)) + "\n")
    applied = []

    def writer_round(command):
        applied.append(indexing.apply_pending(limit=7))

    monkeypatch.setattr(import_articles, "BATCH_SECONDS", 0)
    monkeypatch.setattr(import_articles.Command, "between_batches", writer_round)
    with open(settings.ARCHIVE_DATA_DIR / "index-writer.lock", "w") as lock:
        # the running writer holds the lock: the import leaves the queue to it
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        call_command("import_articles", str(path), "--workers", "2")
        assert sum(applied) > 0, "the writer applied changes while the import ran"
        search_index()  # the writer drains what is left
    assert not IndexChange.objects.exists()
    for number in range(40):
        article = Article.objects.get(title__endswith=word(number))
        assert search(client, word(number)) == [article.pk]


def saved(title_start):
    """What an import saved of the articles whose titles start so: statements, speakers, people."""
    return sorted((a.title, a.body, tuple((s.start, s.end, s.speaker.slug, s.speaker.name, s.said_on, s.place_id,
                                           s.confidence, s.attribution) for s in a.statements.order_by("start")),
                   tuple(sorted(a.people.values_list("slug", flat=True))))
                  for a in Article.objects.filter(title__startswith=title_start))


def imported_both_ways(tmp_path, rows, title_start):
    """(one by one, in parallel, the names of the people the import created): the first import rolled back."""
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n")
    with transaction.atomic():
        call_command("import_articles", str(path), "--workers", "1")
        one_by_one = saved(title_start)
        learnt = set(Person.objects.filter(reviewed=False).values_list("name", flat=True))
        transaction.set_rollback(True)
    call_command("import_articles", str(path), "--workers", "2")
    return one_by_one, saved(title_start), learnt


def test_the_parallel_import_saves_what_the_one_by_one_import_saves(seeded, tmp_path):
    one_by_one, parallel, _ = imported_both_ways(tmp_path, [article_row(n) for n in range(12)], "وفد المعارضة")
    assert parallel == one_by_one and len(one_by_one) == 12


def test_an_editors_save_is_searchable_before_a_long_import_queue_is_applied(seeded, search_index, client, monkeypatch):
    search_index()
    # what an import leaves for the writer
    imported = [Article.objects.create(title=f"خبر مستورد {n}", body=article_row(n)["body"]) for n in range(30)]
    monkeypatch.setattr(indexing.Arrivals, "seen", 0)
    assert indexing.apply_pending(limit=5) == 5  # the writer is working through the import's queue
    edited = Article.objects.exclude(pk__in=[a.pk for a in imported]).first()
    with transaction.atomic():  # an editor saves in the admin
        edited.title = f"{edited.title} {word(999)}"
        edited.save()
    indexing.apply_pending(limit=5)
    assert search(client, word(999)) == [edited.pk]
    assert IndexChange.objects.count() > 0, "most of the import's queue is still waiting"


def test_an_editors_save_is_searchable_after_one_round_while_an_import_records_faster_than_the_writer_applies(
        seeded, search_index, client, tmp_path, monkeypatch):
    """Each of the import's batches records more changes than a round of the writer takes: the
    newest changes are all the import's, and the editor's save must not wait behind them."""
    search_index()
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join(json.dumps(article_row(n), ensure_ascii=False) for n in range(12)) + "\n")
    edited = Article.objects.order_by("pk").first()
    rounds, found = [], []

    def writer_round(command):
        rounds.append(indexing.apply_pending(limit=1))
        if len(rounds) == 3:  # an editor saves in the admin while the import runs
            with transaction.atomic():
                edited.title = f"{edited.title} {word(999)}"
                edited.save()
        elif len(rounds) > 3:
            found.append(search(client, word(999)) == [edited.pk])

    monkeypatch.setattr(indexing.Arrivals, "seen", 0)
    monkeypatch.setattr(import_articles, "BATCH_SECONDS", 0)  # a batch of one article
    monkeypatch.setattr(import_articles.Command, "between_batches", writer_round)
    with open(settings.ARCHIVE_DATA_DIR / "index-writer.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)  # the running writer holds the lock
        call_command("import_articles", str(path), "--workers", "1")
    assert found[0], "the editor's save was applied in the first round after it"
    assert IndexChange.objects.filter(bulk=True).count() > 10, "most of the import's changes still wait"
    assert not IndexChange.objects.filter(bulk=False).exists()


def test_an_editors_save_is_applied_in_a_short_round_of_its_own_while_an_import_waits(
        seeded, search_index, client, monkeypatch):
    search_index()
    monkeypatch.setattr(indexing.Arrivals, "seen", 0)
    imported = list(Article.objects.order_by("pk").values_list("pk", flat=True)[1:])
    with bulk_write():  # what an import's batch left for the writer
        record_articles(imported)
    edited = Article.objects.order_by("pk").first()
    with transaction.atomic():  # an editor saves in the admin
        edited.title = f"{edited.title} {word(998)}"
        edited.save()
    waiting = list(IndexChange.objects.filter(bulk=False).values_list("article_id", flat=True))
    assert set(waiting) == {edited.pk}, waiting
    assert indexing.apply_pending(limit=100) == len(waiting), "the editor's change alone, though the round had room"
    assert search(client, word(998)) == [edited.pk]
    assert indexing.apply_pending(limit=100) == len(imported), "then the import's"


def test_the_backlog_is_applied_oldest_first_once_new_changes_are_taken(seeded, search_index, monkeypatch):
    search_index()
    monkeypatch.setattr(indexing.Arrivals, "seen", 0)
    ids = list(Article.objects.order_by("pk").values_list("pk", flat=True)[:6])
    for pk in ids:
        record_articles([pk])
    first = [change.article_id for change in indexing.pending_changes(2)]
    assert first == [ids[-1], ids[-2]], "what arrived since the last round comes first, newest first"
    second = [change.article_id for change in indexing.pending_changes(3)]
    assert second == ids[:3], "then what waits, oldest first"


def test_the_running_writer_gathers_an_imports_changes_into_whole_commits_but_never_an_editors(
        seeded, search_index, client, monkeypatch):
    """A writer that keeps up with an import would commit a few articles at a time: a segment
    for each, which every search then visits. An editor's save is not kept waiting for that."""
    search_index()
    monkeypatch.setattr(indexing.Arrivals, "seen", 0)
    imported = list(Article.objects.order_by("pk").values_list("pk", flat=True)[1:4])
    with bulk_write():  # what an import's batch just recorded
        record_articles(imported)
    assert indexing.apply_pending(limit=100, gather=True) == 0, "fewer than a batch, recorded just now: they wait"
    edited = Article.objects.order_by("pk").first()
    with transaction.atomic():  # an editor saves in the admin meanwhile
        edited.title = f"{edited.title} {word(997)}"
        edited.save()
    assert indexing.apply_pending(limit=100, gather=True) == 1, "the editor's change does not wait"
    assert search(client, word(997)) == [edited.pk]
    assert indexing.apply_pending(limit=3, gather=True) == 3, "a whole batch is applied at once"
    with bulk_write():
        record_articles(imported[:1])
    assert indexing.apply_pending(limit=100, gather=True) == 0
    IndexChange.objects.update(recorded=timezone.now() - indexing.GATHERING)
    assert indexing.apply_pending(limit=100, gather=True) == 1, "nor do the import's wait longer than GATHER_SECONDS"
    assert indexing.apply_pending(limit=100) == 0


def test_an_imports_round_makes_way_for_an_editors_save_recorded_while_it_runs(
        seeded, search_index, client, monkeypatch):
    """The round commits the articles it has written and leaves the rest queued; the editor's
    change is applied next, alone; then the import's rest. Every article is found once."""
    from search import backend

    search_index()
    monkeypatch.setattr(indexing.Arrivals, "seen", 0)
    monkeypatch.setattr(backend, "STOP_CHECK_SECONDS", 0)  # ask before every article
    articles = list(Article.objects.order_by("pk"))
    edited, imported = articles[0], articles[1:]
    for number, article in enumerate(imported):
        Article.objects.filter(pk=article.pk).update(title=f"{article.title} {word(number)}")
    with bulk_write():  # what an import's batch recorded
        record_articles([a.pk for a in imported])
    written = indexing.documents_for

    def editor_saves_meanwhile(article_ids):
        for number, document in enumerate(written(article_ids)):
            yield document
            if number == 0:  # the first article's document is in the round: an editor saves
                with transaction.atomic():
                    edited.title = f"{edited.title} {word(996)}"
                    edited.save()

    monkeypatch.setattr(indexing, "documents_for", editor_saves_meanwhile)
    applied = indexing.apply_pending(limit=100)
    assert 1 <= applied < len(imported), "the round stopped after the article it was writing"
    assert indexing.Arrivals.made_way
    assert IndexChange.objects.filter(bulk=True).count() == len(imported) - applied
    monkeypatch.setattr(indexing, "documents_for", written)
    assert indexing.apply_pending(limit=100) == 1, "the editor's change next, in a round of its own"
    assert search(client, word(996)) == [edited.pk]
    assert indexing.apply_pending(limit=100) == len(imported) - applied, "then the rest of the import's"
    assert not indexing.Arrivals.made_way and not IndexChange.objects.exists()
    for number, article in enumerate(imported):
        assert search(client, word(number)) == [article.pk]


FIRST = ["سامر", "وليد", "هشام", "رامي", "ناصر", "فادي", "مازن", "عادل", "كريم", "طارق", "جمال", "زياد"]
LAST = ["الخطيب", "العمري", "الحلبي", "النجار", "الصباغ", "القاسم", "الزعبي", "الشامي", "الرفاعي", "البيطار",
        "الحمصي", "الدباغ"]


def reporting_row(number):
    """Agency copy: every fourth article quotes a new analyst, the next two quote them again (by
    surname, by name), the fourth quotes someone known; read ahead before the name is learnt."""
    person, turn = divmod(number, 4)
    first, last = FIRST[person % 12], LAST[person % 12]
    said = [f"وقال المحلل السياسي {first} {last} لوكالة الأنباء إن «الجولة المقبلة لن تحمل جديدا»",
            f"ورأى {last} في تصريح آخر أن «موسكو تملك مفاتيح الحل»",
            f"وعاد {first} {last} ليقول إن «التهدئة في حلب هشة»",
            "وقال وزير الخارجية الروسي سيرغي لافروف إن «الحوار مستمر»"][turn]
    return {"title": f"تحليل من دمشق {word(number)}",
            "body": f"{said} في الرقم {number}.\n\nوأضاف أن المفاوضات في جنيف متعثرة.",
            "published": "2016-07-01", "source": "arab48"}


def test_a_parallel_import_naming_new_people_saves_what_the_one_by_one_import_saves(seeded, tmp_path):
    """Work prepared before a name was learnt is read again when the body may hold the name."""
    rows = [reporting_row(n) for n in range(48)]
    one_by_one, parallel, learnt = imported_both_ways(tmp_path, rows, "تحليل من دمشق")
    assert {f"{FIRST[n]} {LAST[n]}" for n in range(12)} <= learnt, "every fourth article named someone new"
    assert sum(1 for _, _, said, _ in one_by_one for s in said if s[3] in learnt) >= 36
    assert parallel == one_by_one and len(one_by_one) == 48


def test_an_import_batch_records_each_article_it_saved_once_for_the_index(seeded, tmp_path, monkeypatch):
    """Its article row, its statements and their mentions are one change for the writer, recorded with them."""
    rows = [{**article_row(n), "body": article_row(n)["body"].replace("ستستأنف", f"ستستأنف {word(n)}")}
            for n in range(6)]
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n")
    IndexChange.objects.all().delete()
    monkeypatch.setattr(import_articles, "BATCH_SECONDS", 60)  # all six in one batch
    with open(settings.ARCHIVE_DATA_DIR / "index-writer.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)  # the running writer holds the lock
        call_command("import_articles", str(path), "--workers", "1")
    imported = set(Article.objects.filter(title__startswith="وفد المعارضة").values_list("pk", flat=True))
    assert len(imported) == 6 and all(Article.objects.get(pk=pk).statements.exists() for pk in imported)
    assert sorted(IndexChange.objects.values_list("article_id", flat=True)) == sorted(imported)
    assert set(IndexChange.objects.values_list("bulk", flat=True)) == {True}
