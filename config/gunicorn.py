"""gunicorn settings the archive always uses (command-line options from `manage.py serve` add to them)."""


def post_fork(server, worker):
    from search.index_view import reopen_after_fork

    reopen_after_fork()
