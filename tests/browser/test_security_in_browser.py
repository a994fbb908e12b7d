"""Under gunicorn: the admin works under the Content-Security-Policy, and hostile requests get a 4xx, not a 500."""
import http.client
import urllib.error
import urllib.parse
import urllib.request

import pytest

from .conftest import screenshot

pytestmark = pytest.mark.browser
PASSWORD = "a long editor password"


def status_of(base, path, method="GET", headers=None, body=None):
    parts = urllib.parse.urlsplit(base)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        return response.status, response.getheaders(), response.read()
    finally:
        connection.close()


def test_the_admin_add_article_page_works_under_the_csp(served, page):
    served.manage("create_editor", "csp-editor", "--password-stdin", stdin=PASSWORD + "\n")
    violations = []
    page.on("console", lambda message: violations.append(message.text)
            if "Content Security Policy" in message.text or "Refused to" in message.text else None)
    page.goto(f"{served.url}/admin/login/?next=/admin/archive/article/add/")
    page.fill("#id_username", "csp-editor")
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_url("**/admin/archive/article/add/")

    policy = page.evaluate("() => fetch(location.href).then(r => r.headers.get('content-security-policy'))")
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    # The autocomplete widget (select2, loaded from static files) opens and offers the seed actors.
    page.click("#id_people + .select2 .select2-selection")
    page.keyboard.type("كيري")
    option = page.locator(".select2-results__option", has_text="كيري").first
    option.wait_for(timeout=10_000)
    option.click()
    assert "كيري" in page.locator("#id_people + .select2").inner_text()
    # The inline statements' "add another" link is script-driven too.
    before = page.locator(".dynamic-statements").count()
    page.locator(".add-row a").first.click()
    assert page.locator(".dynamic-statements").count() == before + 1
    screenshot(page, "admin-add-article-under-csp")
    assert not violations, violations


def test_hostile_requests_under_gunicorn_get_4xx(served):
    huge = urllib.parse.quote("ك" * 100_000)
    status, _, body = status_of(served.url, f"/search/?q={huge}")
    assert 400 <= status < 500, status
    status, headers, body = status_of(served.url, "/search/?page=0")
    assert status == 400 and b"page" in body
    assert dict(headers).get("Content-Security-Policy")
    status, _, _ = status_of(served.url, "/articles/99999999999999999999999/")
    assert status == 404
    status, _, _ = status_of(served.url, "/admin/login/", "POST", {"Content-Length": str(50 * 1024 * 1024),
                                                                  "Content-Type": "application/x-www-form-urlencoded"})
    assert status == 413
    status, _, _ = status_of(served.url, "/", headers={"Host": "evil.example.com"})
    assert status == 400
    try:
        urllib.request.urlopen(f"{served.url}/search/?q=%ED%A0%80&format=json", timeout=30)
    except urllib.error.HTTPError as error:
        assert 400 <= error.code < 500
