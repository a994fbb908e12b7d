"""Error pages with a clear message and never a traceback: refusals, too many sign-ins, forbidden, CSRF."""
from django.shortcuts import render


def refuse(request, status, message):
    """A refusal with its reason, on the archive's bad-request page."""
    return render(request, "400.html", {"message": message}, status=status)


def too_many_attempts(request, seconds):
    minutes = max(1, round(seconds / 60))
    response = render(request, "429.html", {"minutes": minutes}, status=429)
    response["Retry-After"] = str(seconds)
    return response


def permission_denied(request, exception=None):
    return render(request, "403.html", {"message": ""}, status=403)


def csrf_failure(request, reason=""):
    message = "The form had expired or came from another site: reload the page and send it again."
    return render(request, "403.html", {"message": message}, status=403)
