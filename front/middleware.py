"""Middleware: a shared link's tracking parameters (utm_*, fbclid, ...) lead to the same page without them."""
import re
from urllib.parse import parse_qsl, urlencode

from django.core.handlers.wsgi import get_str_from_wsgi
from django.http import HttpResponsePermanentRedirect

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
            pairs = parse_qsl(get_str_from_wsgi(request.META, "QUERY_STRING", ""), keep_blank_values=True)
            kept = [(name, value) for name, value in pairs if not TRACKING.match(name)]
            if len(kept) < len(pairs):
                return HttpResponsePermanentRedirect(request.path + (f"?{urlencode(kept)}" if kept else ""))
        return self.get_response(request)
