"""The comparison of searches over time: parse the URL, count each search by month, render the requested format."""
import json

from django.core.exceptions import BadRequest
from django.http import HttpResponse
from django.shortcuts import redirect, render

from search.params import InvalidSearch

from .compare import parse_comparison
from .compare_page import comparison_csv, comparison_json, compared, page_context
from .naming import given_pairs


def compare(request):
    try:
        comparison = parse_comparison(dict(request.GET.lists()))
    except InvalidSearch as error:
        raise BadRequest(str(error)) from error
    if given_pairs(request) != comparison.pairs():
        return redirect(comparison.url(request.path), permanent=True)
    searches, months = compared(comparison)
    if comparison.format == "json":
        return HttpResponse(json.dumps(comparison_json(searches, months), ensure_ascii=False),
                            content_type="application/json")
    if comparison.format == "csv":
        response = HttpResponse(comparison_csv(searches, months), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="archive-comparison.csv"'
        return response
    return render(request, "search/compare.html", page_context(comparison, searches, months))
