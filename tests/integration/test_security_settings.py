"""Production settings pass check --deploy behind HTTPS; CSP, size limits, login throttling and error pages hold."""
import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import Client
from django.urls import path

from hardening.models import FailedLogin

ROOT = Path(__file__).resolve().parents[2]


def boom(request):
    raise RuntimeError("a secret detail that must not reach the user")


urlpatterns = [path("boom/", boom)]
handler500 = "front.views.server_error"


def deploy_check(**env):
    environment = {**os.environ, "DJANGO_SECRET_KEY": secrets.token_urlsafe(50), "DJANGO_ALLOWED_HOSTS": "archive.example.org",
                   "DJANGO_DEBUG": "", **env}
    environment.pop("DJANGO_SETTINGS_MODULE", None)
    return subprocess.run([sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
                          cwd=ROOT, env=environment, capture_output=True, text=True)


def test_production_settings_pass_check_deploy_behind_https():
    result = deploy_check(DJANGO_HTTPS="1")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_without_https_check_deploy_names_what_is_missing():
    result = deploy_check()
    assert result.returncode != 0 and "SECURE_SSL_REDIRECT" in result.stdout + result.stderr


def test_https_settings(settings):
    from config.settings.security import ARCHIVE_CONTENT_SECURITY_POLICY

    assert not settings.DEBUG
    assert "'unsafe-inline'" not in ARCHIVE_CONTENT_SECURITY_POLICY
    assert "'unsafe-eval'" not in ARCHIVE_CONTENT_SECURITY_POLICY


# -- Content-Security-Policy ------------------------------------------------------

PAGES = ["/", "/search/?q=%D9%83%D9%8A%D8%B1%D9%8A", "/articles/1/", "/admin/login/", "/actors/", "/cities/",
         "/no-such-page/"]


@pytest.mark.parametrize("url", PAGES)
def test_every_page_has_a_csp_without_inline_script_and_uses_none(seeded, url):
    response = Client(raise_request_exception=False).get(url)
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "frame-ancestors 'none'" in policy
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    html = response.content.decode()
    for tag in re.findall(r"<script\b[^>]*>", html):
        assert "src=" in tag or 'type="application/json"' in tag, f"inline script on {url}: {tag}"
    assert not re.search(r"\son[a-z]+\s*=", html), f"an inline event handler on {url}"
    assert not re.search(r"<style\b|\sstyle\s*=", html), f"an inline style on {url}"


def test_the_admin_pages_editors_use_have_no_inline_script(seeded, admin_client):
    for url in ["/admin/", "/admin/archive/article/add/", "/admin/archive/article/1/change/",
                "/admin/archive/statement/add/"]:
        html = admin_client.get(url).content.decode()
        for tag in re.findall(r"<script\b[^>]*>", html):
            assert "src=" in tag or 'type="application/json"' in tag, f"inline script on {url}: {tag}"


# -- size limits and error pages -----------------------------------------------------

def test_an_oversized_body_is_refused_with_413(db):
    response = Client(raise_request_exception=False).post(
        "/admin/login/", data="x", content_type="text/plain", CONTENT_LENGTH=str(50 * 1024 * 1024))
    assert response.status_code == 413 and "too large" in response.content.decode()


def test_a_form_over_the_memory_limit_is_a_400(db, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    response = Client(raise_request_exception=False).post("/admin/login/", {"username": "x" * 5000, "password": "y"})
    assert response.status_code == 400


def test_an_overlong_query_string_is_refused_with_414(db):
    response = Client(raise_request_exception=False).get("/search/", {"q": "ك" * 20_000})
    assert response.status_code == 414 and "too long" in response.content.decode()


@pytest.mark.urls(__name__)
def test_a_server_error_shows_no_traceback(db):
    response = Client(raise_request_exception=False).get("/boom/")
    body = response.content.decode()
    assert response.status_code == 500
    assert "secret detail" not in body and "Traceback" not in body and "RuntimeError" not in body


def test_a_csrf_failure_is_a_clear_403(db):
    response = Client(enforce_csrf_checks=True).post("/admin/login/", {"username": "a", "password": "b"})
    assert response.status_code == 403 and "reload the page" in response.content.decode()


# -- login throttling ----------------------------------------------------------------

def attempt(client, username, password="wrong password", ip="198.51.100.7"):
    return client.post("/admin/login/?next=/admin/", {"username": username, "password": password},
                       REMOTE_ADDR=ip)


def test_repeated_failures_for_one_editor_lock_them_out_with_429(editor, settings):
    client = Client()
    for _ in range(settings.ARCHIVE_LOGIN_MAX_PER_USERNAME):
        assert attempt(client, "editor").status_code == 200  # the form again, with its error
    locked = attempt(client, "editor", password="a long editor password")
    assert locked.status_code == 429
    assert int(locked["Retry-After"]) > 0
    assert "Too many failed sign-ins" in locked.content.decode()
    # Another address is locked out of this account too, but may sign in to others.
    assert attempt(client, "Editor", ip="203.0.113.9").status_code == 429


def test_one_address_guessing_many_names_is_locked_out(db, settings):
    settings.ARCHIVE_LOGIN_MAX_PER_IP = 6
    client = Client()
    for index in range(6):
        assert attempt(client, f"guess{index}").status_code == 200
    assert attempt(client, "someone-else").status_code == 429
    assert attempt(client, "someone-else", ip="203.0.113.10").status_code == 200


def test_a_success_clears_the_count_and_old_failures_expire(editor, settings):
    client = Client()
    for _ in range(settings.ARCHIVE_LOGIN_MAX_PER_USERNAME - 1):
        attempt(client, "editor")
    assert attempt(client, "editor", password="a long editor password").status_code == 302
    assert not FailedLogin.objects.filter(username="editor").exists()
    settings.ARCHIVE_LOGIN_WINDOW = 0  # every failure is already outside the window
    for _ in range(settings.ARCHIVE_LOGIN_MAX_PER_USERNAME + 2):
        attempt(Client(), "editor")
    assert attempt(Client(), "editor", password="a long editor password").status_code == 302


def test_the_client_address_behind_trusted_proxies(rf, settings):
    from hardening.throttle import client_ip

    request = rf.get("/", HTTP_X_FORWARDED_FOR="10.0.0.1, 198.51.100.20", REMOTE_ADDR="127.0.0.1")
    assert client_ip(request) == "127.0.0.1"
    settings.ARCHIVE_PROXY_HOPS = 1
    assert client_ip(request) == "198.51.100.20"


def test_an_operator_lifts_a_lockout_at_once(editor, settings):
    from django.core.management import call_command

    client = Client()
    for _ in range(settings.ARCHIVE_LOGIN_MAX_PER_USERNAME):
        attempt(client, "editor")
    assert attempt(client, "editor", password="a long editor password").status_code == 429
    call_command("unlock_logins", "editor", stdout=open("/dev/null", "w"))
    assert attempt(client, "editor", password="a long editor password").status_code == 302


@pytest.mark.parametrize("method", ["post", "put", "delete", "patch", "options", "trace"])
def test_public_pages_are_read_only_and_say_so(db, method):
    client = Client(raise_request_exception=False)
    for path in ("/search/?q=كيري", "/en/actors/", "/api/openapi.json", "/healthz"):
        response = client.generic(method.upper(), path)
        assert response.status_code == 405, (method, path)
        assert response["Allow"] == "GET, HEAD"
    assert Client().head("/en/actors/").status_code == 200
