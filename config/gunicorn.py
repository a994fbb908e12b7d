"""gunicorn settings the archive always uses (command-line options from `manage.py serve` add to them)."""
import gc


def pre_fork(server, worker):
    # What the master loaded (the app, the index's arrays and tables) lives as long as the workers:
    # frozen, no collection in a worker walks it again, and no walk touches (and so copies) its pages.
    gc.freeze()


def post_fork(server, worker):
    from search.index_view import reopen_after_fork

    reopen_after_fork()
