"""The search page and its exports: parse the URL, run the search, render the requested format."""
from django.core.exceptions import BadRequest
from django.http import HttpResponse, JsonResponse
from django.shortcuts import redirect, render

from search import entity_store
from search.finding import find
from search.params import CONTROL, FACETS, InvalidSearch, parse, parse_listing

from . import exports
from .api import asks_json, problem_response
from .facet_page import facet_listing, listing_context, listing_json
from .names import suggestion_json
from .naming import given_pairs
from .search_page import facet_page_pairs, facet_page_url, page_html, page_json

SUGGEST_MAX_LENGTH = 100


def search(request):
    try:
        params = parse(dict(request.GET.lists()))
    except InvalidSearch as error:
        raise BadRequest(str(error)) from error
    if given_pairs(request) != params.pairs():
        return redirect(params.url(request.path), permanent=True)
    if params.format == "csv":
        return exports.csv_response(request, params)
    if params.format == "atom":
        return exports.atom_response(request, params)
    found = find(params)
    if params.format == "json":
        return HttpResponse(page_json(request, params, found), content_type="application/json")
    return HttpResponse(page_html(request, params, found), content_type="text/html; charset=utf-8")


def suggest(request):
    """People and places whose names or aliases start with the typed text: the search box's autocomplete."""
    text = " ".join(CONTROL.sub(" ", request.GET.get("q", "")).split())[:SUGGEST_MAX_LENGTH]
    found = entity_store.matcher().complete(text) if text else []
    response = JsonResponse({"q": text, "results": [suggestion_json(entity, written) for entity, written in found]},
                            json_dumps_params={"ensure_ascii": False})
    response["Cache-Control"] = "no-cache"  # a new alias shows at once
    return response


def facet_list(request, facet):
    """/search/facets/<facet>/: every value of one facet over a search's results, as a page or JSON."""
    if facet not in FACETS:
        message = f"The search has no facet “{facet[:40]}”; its facets are {', '.join(FACETS)}."
        if asks_json(request):
            return problem_response(404, message)
        return render(request, "404.html", {"message": message}, status=404)
    try:
        params, match = parse_listing(dict(request.GET.lists()))
    except InvalidSearch as error:
        raise BadRequest(str(error)) from error
    canonical = facet_page_pairs(params, match, params.format)
    if given_pairs(request) != canonical:
        return redirect(facet_page_url(params, facet, match, params.format), permanent=True)
    listing = facet_listing(params, facet, match)
    if params.format == "json":
        return JsonResponse(listing_json(listing), json_dumps_params={"ensure_ascii": False})
    return render(request, "search/facet.html", listing_context(listing))
