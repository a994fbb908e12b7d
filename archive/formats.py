"""The `format` parameter every data page answers: html by default, json on request."""
from django.core.exceptions import BadRequest


def requested_format(request, allowed=("html", "json")):
    """The output format asked for, or a 400 that names the formats this page has."""
    value = request.GET.get("format", "").strip().lower() or "html"
    if value not in allowed:
        shown = value[:40]
        raise BadRequest(f"Unknown format “{shown}”. This page answers: {', '.join(allowed)}.")
    return value
