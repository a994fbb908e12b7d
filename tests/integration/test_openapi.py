"""The API's description (front/openapi.json) is valid OpenAPI 3.1, describes every JSON page and search
parameter the archive has, and the archive's real answers on the seed archive match it, in both languages."""
import json
import re

import pytest
from django.conf import settings
from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.resolvers import LocalePrefixPattern
from jsonschema import ValidationError
from openapi_schema_validator import OAS31Validator
from openapi_spec_validator import validate
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from archive.models import Article
from front import compare as comparing
from front.api import DESCRIPTION
from search import params as search_params

DOC = json.loads(DESCRIPTION.read_text(encoding="utf-8"))
DOC_URI = "urn:archive:openapi"
REGISTRY = Registry().with_resource(DOC_URI, Resource.from_contents(DOC, default_specification=DRAFT202012))
# Served paths that are not data pages: no JSON, so not in the description.
NOT_DESCRIBED = {"/favicon.ico"}
ORDER_FACETS = [name for name in search_params.ORDER if name.removeprefix("not_") in search_params.FACETS]
# A facet's page takes the search's parameters but page and sort (its canonical URL drops them), then match.
FACET_PAGE_ORDER = [name for name in search_params.ORDER if name not in ("page", "sort", "format")] + ["match", "format"]
ENGLISH = [code for code, _ in settings.LANGUAGES if code != settings.LANGUAGE_CODE]


def served_paths(patterns=None, prefix="/"):
    """Every path config/urls.py serves, in OpenAPI's form (/actors/{slug}/), each language's; the admin left out."""
    paths = set()
    for entry in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(entry, URLResolver) and isinstance(entry.pattern, LocalePrefixPattern):
            for language_prefix in ["/"] + [f"/{code}/" for code in ENGLISH]:
                paths |= served_paths(entry.url_patterns, language_prefix)
        elif isinstance(entry, URLPattern):
            paths.add(prefix + re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", str(entry.pattern)))
    return paths


def template_of(path):
    """The description's path template that a concrete path falls under."""
    for template in DOC["paths"]:
        if re.fullmatch(re.sub(r"\\\{\w+\\\}", "[^/]+", re.escape(template)), path):
            return template
    raise AssertionError(f"{path} is not described")


def pointer(*parts):
    return "/".join(str(part).replace("~", "~0").replace("/", "~1") for part in parts)


def check_against_description(response, path):
    """The response's status, media type, headers and body are those the description gives for this path."""
    template = template_of(path)
    responses = DOC["paths"][template]["get"]["responses"]
    status = str(response.status_code)
    assert status in responses, f"{path} answered {status}; described: {sorted(responses)}"
    described, at = responses[status], pointer("#", "paths", template, "get", "responses", status)
    if "$ref" in described:
        at = described["$ref"]
        described = DOC["components"]["responses"][at.rsplit("/", 1)[1]]
    for name, header in described.get("headers", {}).items():
        assert not header.get("required") or response.has_header(name), f"{path}: no {name} header"
        if response.has_header(name):
            value = int(response[name]) if header["schema"].get("type") == "integer" else response[name]
            OAS31Validator(header["schema"], format_checker=OAS31Validator.FORMAT_CHECKER).validate(value)
    media = response["Content-Type"].split(";")[0].strip()
    assert media in described["content"], f"{path} answered {media}; described: {sorted(described['content'])}"
    if not media.endswith("json"):
        return None
    schema = {"$ref": f"{DOC_URI}{at}/content/{pointer(media)}/schema"}
    body = json.loads(response.content)
    OAS31Validator(schema, registry=REGISTRY, format_checker=OAS31Validator.FORMAT_CHECKER).validate(body)
    return body


# -- the description itself -----------------------------------------------------------------

def test_the_description_is_valid_openapi_3_1():
    validate(DOC)
    assert DOC["openapi"].startswith("3.1.")


def test_the_archive_serves_the_description_it_keeps(client):
    response = client.get("/api/openapi.json")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert "max-age" in response["Cache-Control"]
    assert json.loads(response.content) == DOC


def test_every_page_the_archive_serves_is_described_and_nothing_else():
    served = served_paths()
    assert "/en/search/" in served and "/articles/{article_id}/" in served  # the walk reads config/urls.py
    assert sorted(served - NOT_DESCRIBED - set(DOC["paths"])) == [], "pages the description lacks"
    assert sorted(set(DOC["paths"]) - served) == [], "described paths the archive does not serve"


def search_parameters(path):
    return {parameter["name"]: parameter for parameter in
            (DOC["components"]["parameters"][p["$ref"].rsplit("/", 1)[1]] if "$ref" in p else p
             for p in DOC["paths"][path]["get"]["parameters"])}


@pytest.mark.parametrize("path", ["/search/", "/en/search/"])
def test_the_search_parameters_described_are_the_archives_in_canonical_order(path):
    described = search_parameters(path)
    assert list(described) == list(search_params.ORDER)
    check_search_parameters(described)
    assert described["format"]["schema"]["enum"] == list(search_params.FORMATS)
    assert described["page"]["schema"]["maximum"] == search_params.MAX_PAGE
    assert described["sort"]["schema"]["enum"] == list(search_params.SORTS)


@pytest.mark.parametrize("path", ["/search/facets/{facet}/", "/en/search/facets/{facet}/"])
def test_a_facet_pages_parameters_are_the_searchs_and_match(path):
    described = search_parameters(path)
    assert list(described) == ["facet"] + FACET_PAGE_ORDER
    assert described["facet"]["schema"]["enum"] == list(search_params.FACETS)
    assert described["match"]["schema"]["maxLength"] == search_params.MAX_MATCH_LENGTH
    assert described["format"]["schema"]["enum"] == list(search_params.LISTING_FORMATS)
    check_search_parameters(described)


@pytest.mark.parametrize("path", ["/compare/", "/en/compare/"])
def test_the_comparisons_parameters_are_the_pages(path):
    described = search_parameters(path)
    assert list(described) == list(comparing.PARAMETERS)
    assert described["format"]["schema"]["enum"] == list(comparing.FORMATS)
    assert described["add_type"]["schema"]["enum"] == list(search_params.TYPES)


def check_search_parameters(described):
    assert described["type"]["schema"]["enum"] == list(search_params.TYPES)
    assert described["q"]["schema"]["maxLength"] == search_params.MAX_QUERY_LENGTH
    for name in ORDER_FACETS:
        assert described[name]["schema"]["maxItems"] == search_params.MAX_FACET_VALUES, name
        assert described[name]["schema"]["items"]["pattern"] == search_params.SLUG.pattern, name
        assert described[name]["explode"] is True, name  # actor=a&actor=b, as the archive reads and writes



# -- the archive's answers ------------------------------------------------------------------

@pytest.fixture
def archive(seeded, search_index):
    search_index()


KERRY = "كيري"
KERRY_STATEMENTS, LAVROV_STATEMENTS = "type%3Dstatements%26actor%3Djohn-kerry", "type%3Dstatements%26actor%3Dsergey-lavrov"
REQUESTS = [
    ("/search/?format=json", 200),
    (f"/search/?q={KERRY}&format=json", 200),
    (f"/search/?q={KERRY}&type=statements&actor=john-kerry&format=json", 200),
    ("/search/?type=statements&actor=john-kerry&city=geneva&from=2016-01-01&to=2016-12-31&format=json", 200),
    ("/search/?q=zzqxw&format=json", 200),
    ("/search/?type=statements&page=2&format=json", 200),
    ("/search/?type=statements&actor=john-kerry&format=csv", 200),
    ("/search/?type=statements&actor=john-kerry&not_city=geneva&format=json", 200),
    ("/search/?actor=john-kerry&format=atom", 200),
    ("/search/?type=articles&format=json", 301),
    ("/search/?page=0&format=json", 400),
    ("/search/?from=2016-13-01&format=json", 400),
    ("/search/?wrong=1&format=json", 400),
    ("/search/?page=0", 400),
    (f"/search/suggest/?q={KERRY[:2]}", 200),
    ("/search/suggest/?q=ker", 200),
    ("/search/facets/actor/?type=statements&format=json", 200),
    (f"/search/facets/city/?q={KERRY}&not_actor=sergey-lavrov&match=gen&format=json", 200),
    ("/search/facets/source/?format=json", 200),
    ("/search/facets/month/?format=json", 404),
    ("/search/facets/actor/?page=2&format=json", 301),
    (f"/compare/?s={KERRY_STATEMENTS}&s={LAVROV_STATEMENTS}&format=json", 200),
    (f"/compare/?s={KERRY_STATEMENTS}&s={LAVROV_STATEMENTS}&format=csv", 200),
    ("/compare/?s=page%3D0&format=json", 400),
    ("/articles/{article}/?format=json", 200),
    ("/articles/{article}/", 200),
    ("/articles/999999/?format=json", 404),
    ("/articles/999999/", 404),
    ("/actors/?format=json", 200),
    ("/actors/john-kerry/?format=json", 200),
    ("/actors/nobody/?format=json", 404),
    ("/actors/john-kerry/?format=xml", 400),
    ("/cities/?format=json", 200),
    ("/cities/aleppo/?format=json", 200),
    ("/cities/atlantis/?format=json", 404),
    ("/?format=json", 200),
]


@pytest.mark.parametrize("language", ["", "/en"])
def test_the_archives_answers_match_the_description(client, archive, language):
    article = Article.objects.filter(statements__isnull=False).order_by("pk").first().pk
    mismatches = []
    for url, status in REQUESTS:
        url = language + url.format(article=article)
        response = client.get(url)
        try:
            assert response.status_code == status, f"answered {response.status_code}"
            body = check_against_description(response, url.split("?")[0])
            if status == 200 and "format=json" in url and url.split("?")[0].endswith("/search/"):
                assert body["results"] or "zzqxw" in url or "page=2" in url, "no results to check"
        except (AssertionError, ValidationError) as error:
            mismatches.append(f"{url}: {getattr(error, 'message', error)} at {list(getattr(error, 'absolute_path', []))}")
    assert not mismatches, "\n".join(mismatches)


def test_the_seed_answers_meet_the_nullable_and_optional_shapes(client, archive):
    """The seed holds what the schemas allow for: articles without a source, statements not said at a known place."""
    results = client.get("/search/?type=statements&format=json").json()["results"]
    assert any(result["source"] is None for result in results)
    assert any(result["place"] is None for result in results) and any(result["place"] for result in results)
    assert any(result["said_on"] for result in results)


@pytest.mark.parametrize("url", ["/healthz", "/api/openapi.json"])
def test_the_service_paths_match_the_description(client, archive, url):
    check_against_description(client.get(url), url)


# -- errors for JSON clients ----------------------------------------------------------------

def test_a_json_client_reads_a_refusal_as_json_with_its_reason(client, archive):
    response = client.get("/search/?page=0&format=json")
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert response.json() == {"status": 400, "title": "طلب غير صالح",
                               "detail": "“page” must be a whole number from 1 to 10,000, not “0”."}


def test_a_json_client_reads_a_missing_page_as_json_in_its_language(client, archive):
    response = client.get("/en/actors/nobody/?format=json")
    assert response.status_code == 404
    assert response.json() == {"status": 404, "title": "Page not found",
                               "detail": "The archive has no page at this address."}


def test_a_browser_still_gets_the_error_page(client, archive):
    response = client.get("/actors/nobody/")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("text/html")
    assert "<h1>" in response.content.decode()
