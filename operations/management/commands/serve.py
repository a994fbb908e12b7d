"""Serve the archive: gunicorn for the web, and beside it the one index writer, restarted if it dies."""
import ctypes
import os
import signal
import subprocess
import sys
import time

from django.core.management.base import BaseCommand

RESTART_PAUSE = 1.0
PR_SET_PDEATHSIG = 1


def die_with_parent():
    """In a child, before exec: be sent SIGTERM when serve dies, even by kill -9, so nothing is left orphaned."""
    try:
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
    except (OSError, AttributeError):  # not Linux: serve's own SIGTERM handler still stops the children
        pass


class Command(BaseCommand):
    help = "Run gunicorn on HOST:PORT with WEB_CONCURRENCY workers, and the index writer beside it."

    def add_arguments(self, parser):
        parser.add_argument("--host", default=os.environ.get("HOST", "127.0.0.1"))
        parser.add_argument("--port", default=os.environ.get("PORT", "8000"))
        parser.add_argument("--workers", default=os.environ.get("WEB_CONCURRENCY", "2"))

    def handle(self, *args, host, port, workers, **options):
        gunicorn = [
            sys.executable, "-m", "gunicorn", "config.wsgi:application", "--config", "python:config.gunicorn",
            "--bind", f"{host}:{port}",
            "--workers", str(workers), "--access-logfile", "-", "--forwarded-allow-ips", "127.0.0.1",
            "--graceful-timeout", "10",
            # Workers fork from a master that has read the index's columns and stem sequences
            # (config/wsgi.py), so they share those arrays instead of each reading its own copy.
            "--preload",
            # A canonical search URL with a 500-character Arabic query is longer than gunicorn's 4094 default.
            "--limit-request-line", "8190",
        ]
        writer_command = [sys.executable, "manage.py", "index_writer"]
        web = subprocess.Popen(gunicorn, preexec_fn=die_with_parent)
        writer = subprocess.Popen(writer_command, preexec_fn=die_with_parent)
        self.stopping = False

        def stop(signum, frame):
            self.stopping = True

        signal.signal(signal.SIGTERM, stop)
        signal.signal(signal.SIGINT, stop)
        try:
            while not self.stopping and web.poll() is None:
                if writer.poll() is not None:
                    # Changes wait in the database while the writer is down; a new one picks them up.
                    self.stderr.write(f"Index writer exited with {writer.returncode}; restarting it.")
                    time.sleep(RESTART_PAUSE)
                    writer = subprocess.Popen(writer_command, preexec_fn=die_with_parent)
                time.sleep(0.5)
        finally:
            for process in (web, writer):
                if process.poll() is None:
                    process.terminate()
            for process in (web, writer):
                try:
                    process.wait(timeout=15)
                except subprocess.TimeoutExpired:
                    process.kill()
        return None
