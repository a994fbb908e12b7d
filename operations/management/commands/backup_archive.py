"""Write a consistent backup of the archive (database and search index) while it serves."""
import time

from django.core.management.base import BaseCommand, CommandError

from operations.backups import BackupError, write_backup


class Command(BaseCommand):
    help = (
        "Back up the archive into the new directory PATH while it serves: the database (SQLite's online "
        "backup, or pg_dump on PostgreSQL), one complete generation of the search index, and a manifest "
        "with checksums. Restore with restore_archive PATH."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", metavar="PATH", help="a new (or empty) directory")
        parser.add_argument("--no-index", action="store_true",
                            help="leave the index out; a restore then rebuilds it from the database")

    def handle(self, *args, path, no_index, **options):
        started = time.monotonic()
        try:
            manifest = write_backup(path, with_index=not no_index)
        except BackupError as error:
            raise CommandError(str(error)) from None
        size = sum(f["bytes"] for f in manifest["files"].values())
        counts = manifest["counts"]
        index = (f"{manifest['index_documents']:,} index documents" if manifest["index_documents"] is not None
                 else "no index (a restore rebuilds it)")
        self.stdout.write(
            f"Backed up {counts['article']:,} articles and {counts['statement']:,} statements ({manifest['database']}) "
            f"and {index} to {path}: {size / 1e6:.1f} MB in {time.monotonic() - started:.1f} s."
        )
