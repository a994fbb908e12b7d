"""Run the archive's one index writer: apply recorded index changes as they arrive."""
import fcntl
import logging
import signal
import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import OperationalError, close_old_connections

from search.indexing import Arrivals, Pace, apply_pending, ensure_current_index, merge_when_idle

log = logging.getLogger("search.writer")
IDLE_SECONDS = 30.0  # a queue empty this long is not an import under way


class Command(BaseCommand):
    help = "Apply recorded index changes; the only process that writes the search index."

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="Apply everything pending, then exit.")
        parser.add_argument("--poll", type=float, default=0.2, help="Seconds between looks at the queue (default 0.2).")

    def handle(self, *args, once, poll, **options):
        lock = self.exclusive_lock()
        if lock is None:
            if once:  # the running writer will apply the changes
                self.stdout.write("Another index writer is running; it applies the pending changes.")
                return
            raise CommandError("Another index writer is running: only one process may write the index.")
        self.stopping = False
        # restored at the end: `--once` runs inside other commands (import_articles), whose
        # processes must still stop on SIGTERM afterwards
        previous = signal.signal(signal.SIGTERM, self.stop)
        try:
            self.run(once, poll)
        finally:
            signal.signal(signal.SIGTERM, previous)
            lock.close()

    def run(self, once, poll):
        ensure_current_index()
        applied, quiet_since, merged = 0, time.monotonic(), False
        while not self.stopping:
            try:
                count = apply_pending(gather=not once)
            except OperationalError as error:  # the database is busy or restarting: the changes wait
                log.warning("Index writer waiting for the database: %s", error)
                close_old_connections()
                time.sleep(1)
                continue
            applied += count
            if count == 0 and once:
                break
            if count:
                quiet_since, merged = time.monotonic(), False
            elif not merged and time.monotonic() - quiet_since >= IDLE_SECONDS:
                # Larger merges wait for a quiet queue (search.merging), until none is left to do.
                merged = not merge_when_idle()
            if count < Pace.batch() and not once and not Arrivals.made_way:
                # The queue is drained: let changes gather for a moment rather than commit them one by one.
                time.sleep(poll)
        self.stdout.write(f"Index writer applied {applied} changes.")

    def stop(self, signum, frame):
        self.stopping = True

    def exclusive_lock(self):
        path = settings.ARCHIVE_DATA_DIR / "index-writer.lock"
        handle = open(path, "w")
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.close()
            return None
        return handle
