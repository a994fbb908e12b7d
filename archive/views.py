"""Pages of the archive: home, article, health, and the error pages."""
from django.db import connection
from django.http import HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, render

from .formats import requested_format
from .models import Article
from .presenters import article_context, article_json
from .queries import latest_articles, most_quoted_people


def home(request):
    requested_format(request, ("html",))
    context = {"articles": latest_articles(), "speakers": most_quoted_people()}
    return render(request, "archive/home.html", context)


def article_detail(request, article_id):
    output = requested_format(request)
    article = get_object_or_404(Article.objects.select_related("source"), pk=article_id)
    if output == "json":
        return JsonResponse(article_json(article), json_dumps_params={"ensure_ascii": False})
    return render(request, "archive/article.html", {"article": article, **article_context(article)})


def health(request):
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return HttpResponse("ok", content_type="text/plain")


def _error(request, template, status, exception=None):
    message = str(exception) if exception is not None and status == 400 else ""
    return render(request, template, {"message": message}, status=status)


def bad_request(request, exception=None):
    return _error(request, "400.html", 400, exception)


def not_found(request, exception=None):
    return _error(request, "404.html", 404)


def server_error(request):
    return render(request, "500.html", status=500)

