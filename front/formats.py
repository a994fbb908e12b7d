"""The `format` parameter every data page answers: html by default, json on request."""
from django.core.exceptions import BadRequest


def requested_format(request, allowed=("html", "json"), accepts=("format",)):
    """The output format asked for, or a 400 that names the formats this page has.

    A parameter the page does not take is refused too (`accepts` names those it
    does), as /search/ refuses one: the URL of a page is its whole state.
    """
    unknown = sorted(set(request.GET) - set(accepts))
    if unknown:
        raise BadRequest(f"Unknown parameter “{unknown[0][:40]}”. This page takes: {', '.join(accepts)}.")
    value = request.GET.get("format", "").strip().lower() or "html"
    if value not in allowed:
        shown = value[:40]
        raise BadRequest(f"Unknown format “{shown}”. This page answers: {', '.join(allowed)}.")
    return value
