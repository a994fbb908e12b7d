"""Admin login throttling: too many failed sign-ins from one address, or for one user name, lock them out for a while.

Failures are rows in the database (FailedLogin), so all gunicorn workers see
the same counts. A success clears its user name's failures, not its
address's: an attacker who owns one account cannot reset the count of an
address that guesses others.
"""
from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from .models import FailedLogin


def limits():
    return (settings.ARCHIVE_LOGIN_WINDOW, settings.ARCHIVE_LOGIN_MAX_PER_USERNAME, settings.ARCHIVE_LOGIN_MAX_PER_IP)


def client_ip(request):
    """The client's address: REMOTE_ADDR, or the address the trusted proxies in front of gunicorn saw."""
    hops = settings.ARCHIVE_PROXY_HOPS
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
    if hops and len(forwarded) >= hops:
        return forwarded[-hops][:45]
    return request.META.get("REMOTE_ADDR", "")[:45]


def clean_username(value):
    return str(value or "").replace("\x00", "").strip().lower()[:150]


def seconds_locked(ip, username):
    """How long these credentials stay locked out; 0 when they may try."""
    window, per_username, per_ip = limits()
    since = timezone.now() - timedelta(seconds=window)
    recent = FailedLogin.objects.filter(at__gte=since)
    candidates = []
    if username:
        candidates.append(recent.filter(username=username).order_by("-at").values_list("at", flat=True)[per_username - 1:per_username])
    if ip:
        candidates.append(recent.filter(ip=ip).order_by("-at").values_list("at", flat=True)[per_ip - 1:per_ip])
    # Locked while the limit-th most recent failure is still inside the window.
    ends = [found[0] + timedelta(seconds=window) for found in map(list, candidates) if found]
    if not ends:
        return 0
    return max(0, int((max(ends) - timezone.now()).total_seconds()) + 1)


def login_failed(sender, credentials, request=None, **kwargs):
    if request is None:
        return
    window, _, _ = limits()
    now = timezone.now()
    FailedLogin.objects.filter(at__lt=now - timedelta(seconds=window)).delete()
    FailedLogin.objects.create(ip=client_ip(request), username=clean_username(credentials.get("username")), at=now)


def logged_in(sender, request, user, **kwargs):
    FailedLogin.objects.filter(username=clean_username(user.get_username())).delete()
