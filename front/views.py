"""Pages of the archive: home, article, actors and places, health, the favicon, and the error pages."""
from functools import cache
from pathlib import Path

from django.contrib.staticfiles import finders
from django.db import connection
from django.http import HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _

from archive import explore
from archive.models import Article, Person, Place

from . import profiles
from .api import asks_json, problem_response
from .article import article_context, article_json
from .formats import requested_format
from .home import home_data, home_json


def _json(data):
    return JsonResponse(data, json_dumps_params={"ensure_ascii": False})


def home(request):
    output = requested_format(request)
    data = home_data()
    if output == "json":
        return _json(home_json(data))
    return render(request, "archive/home.html", data)


def actor_list(request):
    return _listing(request, explore.people_ranked, "actor", _("People"),
                    _("Everyone the archive quotes or names, most quoted first."))


def actor_detail(request, slug):
    return _profile(request, Person, slug, profiles.actor_profile)


def city_list(request):
    return _listing(request, explore.places_ranked, "city", _("Places"),
                    _("Every place the archive's articles name, most spoken about first."))


def city_detail(request, slug):
    return _profile(request, Place, slug, profiles.place_profile)


def _listing(request, ranked, page_name, heading, intro):
    """/actors/ or /cities/: everyone ranked by `ranked`, as a page or JSON."""
    output = requested_format(request)
    rows = ranked()
    if output == "json":
        return _json(profiles.listing_json(rows))
    return render(request, "archive/listing.html", {"rows": rows, "page_name": page_name, "heading": heading,
                                                    "intro": intro})


def _profile(request, model, slug, make_profile):
    """/actors/<slug>/ or /cities/<slug>/: one person's or place's profile, as a page or JSON."""
    output = requested_format(request)
    subject = get_object_or_404(model.objects.prefetch_related("aliases"), slug=slug)
    profile = make_profile(subject)
    if output == "json":
        return _json(profiles.profile_json(profile))
    return render(request, "archive/profile.html", profiles.page_context(profile))


def article_detail(request, article_id):
    output = requested_format(request)
    article = get_object_or_404(Article.objects.select_related("source"), pk=article_id)
    if output == "json":
        return _json(article_json(article))
    return render(request, "archive/article.html", {"article": article, **article_context(article)})


def health(request):
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return HttpResponse("ok", content_type="text/plain")


@cache
def _favicon_bytes():
    return Path(finders.find("favicon.ico")).read_bytes()


def favicon(request):
    """/favicon.ico, which browsers and tools ask for whatever a page links (the admin's pages link none)."""
    response = HttpResponse(_favicon_bytes(), content_type="image/x-icon")
    response["Cache-Control"] = "public, max-age=86400"
    return response


def _error(request, template, status, exception=None):
    message = str(exception) if exception is not None and status == 400 else ""
    if asks_json(request):  # a client that asked for JSON reads its error as JSON too
        return problem_response(status, message)
    return render(request, template, {"message": message}, status=status)


def bad_request(request, exception=None):
    return _error(request, "400.html", 400, exception)


def not_found(request, exception=None):
    return _error(request, "404.html", 404)


def server_error(request):
    return render(request, "500.html", status=500)

