"""Middleware: a Content-Security-Policy on every response, limits on request size, and the admin login throttle."""
from django.conf import settings
from django.urls import Resolver404, resolve

from . import throttle
from .views import refuse, too_many_attempts


class ContentSecurityPolicy:
    """Scripts, styles and images only from the archive itself: no inline script, no framing."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Content-Security-Policy", settings.ARCHIVE_CONTENT_SECURITY_POLICY)
        return response


class RequestLimits:
    """Refuse an overlong query string (414) or body (413) before anything reads it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        query = request.META.get("QUERY_STRING", "")
        if len(query) > settings.ARCHIVE_MAX_QUERY_STRING:
            return refuse(request, 414, f"The address is too long ({len(query):,} characters of parameters; "
                                        f"the most is {settings.ARCHIVE_MAX_QUERY_STRING:,}).")
        declared = request.META.get("CONTENT_LENGTH") or "0"
        if not declared.isdigit():
            return refuse(request, 400, "The request's Content-Length is not a number.")
        if int(declared) > settings.ARCHIVE_MAX_REQUEST_BYTES:
            return refuse(request, 413, f"The request is too large ({int(declared):,} bytes; the most is "
                                        f"{settings.ARCHIVE_MAX_REQUEST_BYTES:,}).")
        return self.get_response(request)


class LoginThrottle:
    """Answer 429 to a sign-in attempt whose address or user name has failed too often lately."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method == "POST" and self.is_login(request):
            ip = throttle.client_ip(request)
            seconds = throttle.seconds_locked(ip, throttle.clean_username(request.POST.get("username")))
            if seconds:
                return too_many_attempts(request, seconds)
        return self.get_response(request)

    @staticmethod
    def is_login(request):
        try:
            return resolve(request.path_info).view_name == "admin:login"
        except Resolver404:
            return False
