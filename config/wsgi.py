"""WSGI entry point that gunicorn serves."""
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
application = get_wsgi_application()

if os.environ.get("ARCHIVE_PRELOAD_INDEX", "1") == "1":
    from search.warmup import warm_index

    warm_index()
