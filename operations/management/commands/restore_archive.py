"""Restore a backup written by backup_archive, then bring the search index into agreement with it."""
import fcntl
import io
import time

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from operations.backups import BackupError, read_manifest, restore_database, restore_index


class Command(BaseCommand):
    help = (
        "Replace the archive's database (and search index) with the backup in PATH. Stop the archive first. "
        "The index is taken from the backup and repaired where it differs from the database, or rebuilt "
        "when the backup has none; the writer applies that before the command ends (unless --no-apply)."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", metavar="PATH")
        parser.add_argument("--no-apply", action="store_true",
                            help="only queue the index work; the next index writer does it")

    def handle(self, *args, path, no_apply, **options):
        started = time.monotonic()
        try:
            manifest = read_manifest(path)
        except BackupError as error:
            raise CommandError(str(error)) from None
        lock = self.writer_lock()
        try:
            restore_database(path, manifest)
            call_command("migrate", interactive=False, verbosity=0)  # a backup made by an older version
            index_restored = restore_index(path, manifest)
            queued = self.queue_index_work(index_restored)
        except BackupError as error:
            raise CommandError(str(error)) from None
        finally:
            lock.close()
        if not no_apply:
            call_command("index_writer", once=True, stdout=io.StringIO())
        counts = manifest["counts"]
        self.stdout.write(
            f"Restored {counts['article']:,} articles and {counts['statement']:,} statements from the backup of "
            f"{manifest['created']}; index: {queued}{'' if no_apply else ', applied'}; "
            f"in {time.monotonic() - started:.1f} s."
        )

    def queue_index_work(self, index_restored):
        from search import repair
        from search.indexing import index_is_current, index_path
        from search.models import record_rebuild

        if not index_restored:
            record_rebuild()
            return "rebuild from the database"
        report = repair.check(index_path(), index_current=index_is_current())
        queued = repair.repair(report) if report.total or not report.index_current else "nothing"
        return f"restored, {report.total:,} differences repaired ({queued})"

    def writer_lock(self):
        """The index writer's lock: held, no writer starts meanwhile; already taken, the archive is running."""
        handle = open(settings.ARCHIVE_DATA_DIR / "index-writer.lock", "w")
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.close()
            raise CommandError("The archive is running (its index writer holds the lock): stop it, then restore.")
        return handle
