"""Middleware: the public pages only read (other methods: 405), and tracking parameters (utm_*, fbclid, ...) are dropped."""
import re
from urllib.parse import urlencode

from django.http import HttpResponseNotAllowed, HttpResponsePermanentRedirect

from .naming import given_pairs

# Added by social networks, mail and ad platforms to any link they carry; never part of a page's state.
TRACKING = re.compile(r"^(utm_[a-z_]+|fbclid|gclid|dclid|gbraid|wbraid|msclkid|yclid|igshid|mc_cid|mc_eid|_ga)$", re.I)


class DropTrackingParameters:
    """Redirect permanently to the URL without tracking parameters, so a shared bookmark opens its page.

    Every other unknown parameter is still refused by the page that reads it: only these are
    known to mean nothing.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method in ("GET", "HEAD"):
            pairs = given_pairs(request)
            kept = [(name, value) for name, value in pairs if not TRACKING.match(name)]
            if len(kept) < len(pairs):
                return HttpResponsePermanentRedirect(request.path + (f"?{urlencode(kept)}" if kept else ""))
        return self.get_response(request)


class ReadOnlyPages:
    """Every page outside the admin is read with GET or HEAD; any other method is a 405 saying so.

    Without it a POST met the CSRF check (403, as if it were forbidden) and TRACE or OPTIONS
    got the page itself. Editors write only through /admin/.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method not in ("GET", "HEAD") and not request.path.startswith("/admin/"):
            return HttpResponseNotAllowed(["GET", "HEAD"], content=b"This address is read with GET or HEAD only.\n",
                                          content_type="text/plain; charset=utf-8")
        return self.get_response(request)
