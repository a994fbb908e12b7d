"""The archive as an API: its OpenAPI description (front/openapi.json) at /api/openapi.json, and errors as JSON."""
from functools import cache
from pathlib import Path

from django.core.exceptions import SuspiciousOperation
from django.http import HttpResponse, JsonResponse
from django.utils.translation import gettext_lazy

DESCRIPTION = Path(__file__).with_name("openapi.json")
PROBLEMS = {
    400: (gettext_lazy("Bad request"), gettext_lazy("We did not understand this request.")),
    404: (gettext_lazy("Page not found"), gettext_lazy("The archive has no page at this address.")),
}


@cache
def _description_bytes():
    return DESCRIPTION.read_bytes()


def openapi(request):
    """The OpenAPI 3.1 description of every JSON page (docs/api.md), as stored in the repository."""
    response = HttpResponse(_description_bytes(), content_type="application/json")
    response["Cache-Control"] = "public, max-age=3600"
    # Public and read-only: API tools in a browser (an OpenAPI viewer on another site) may load it.
    response["Access-Control-Allow-Origin"] = "*"
    return response


def asks_json(request):
    """Whether the request asked for JSON (`format=json`), so its error should be JSON too."""
    try:
        return request.GET.get("format", "").strip().lower() == "json"
    except SuspiciousOperation:  # a query string Django refuses to read is the very error being answered
        return False


def problem_response(status, detail=""):
    """An error as RFC 9457 problem details: {"status", "title", "detail"}, in the interface's language."""
    title, default = PROBLEMS[status]
    return JsonResponse({"status": status, "title": str(title), "detail": detail or str(default)}, status=status,
                        content_type="application/problem+json", json_dumps_params={"ensure_ascii": False})
