"""Debug switch, secret key, allowed hosts and cookie hardening."""
import secrets

from .data import ARCHIVE_DATA_DIR
from .env import env_bool, env_list, env_str

DEBUG = env_bool("DJANGO_DEBUG", False)


def _secret_key():
    """The key from the environment, else one generated once and kept in the data directory."""
    key = env_str("DJANGO_SECRET_KEY")
    if key:
        return key
    path = ARCHIVE_DATA_DIR / "secret_key"
    if not path.exists():
        path.write_text(secrets.token_urlsafe(50))
        path.chmod(0o600)
    return path.read_text().strip()


SECRET_KEY = _secret_key()
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", [])

# Behind a reverse proxy that terminates HTTPS (docs/deploy.md): DJANGO_HTTPS=1
# trusts its X-Forwarded-Proto, redirects plain HTTP, sends HSTS and keeps the
# cookies off plain HTTP. `manage.py check --deploy` passes with it.
HTTPS = env_bool("DJANGO_HTTPS", False)
if HTTPS:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = True
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]  # the proxy's and the container's health probes speak plain HTTP
    SECURE_HSTS_SECONDS = int(env_str("DJANGO_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_HSTS_INCLUDE_SUBDOMAINS", True)
    SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD", True)

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = HTTPS or env_bool("DJANGO_SECURE_COOKIES", False)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
CSRF_FAILURE_VIEW = "hardening.views.csrf_failure"

# Scripts and styles only from the archive's own static files, never inline;
# the admin works under it (tests/browser/test_security_in_browser.py).
ARCHIVE_CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
    "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
)

# Size limits: the query string and the body (hardening.middleware.RequestLimits),
# form data read into memory (Django), and the query itself (search/params.py).
ARCHIVE_MAX_QUERY_STRING = 8 * 1024
ARCHIVE_MAX_REQUEST_BYTES = int(env_str("DJANGO_MAX_REQUEST_BYTES", str(10 * 1024 * 1024)))
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
# An article form carries about a dozen fields per statement inline; Django's
# default of 1,000 would refuse an editor's save of an article with ~80 statements.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Admin sign-in throttling (hardening.throttle): failures within the window per
# user name and per address; ARCHIVE_PROXY_HOPS proxies in front of gunicorn
# append to X-Forwarded-For, so the client is the address that many from the right.
ARCHIVE_LOGIN_WINDOW = int(env_str("DJANGO_LOGIN_WINDOW_SECONDS", "900"))
ARCHIVE_LOGIN_MAX_PER_USERNAME = int(env_str("DJANGO_LOGIN_MAX_PER_USERNAME", "5"))
ARCHIVE_LOGIN_MAX_PER_IP = int(env_str("DJANGO_LOGIN_MAX_PER_IP", "20"))
ARCHIVE_PROXY_HOPS = int(env_str("DJANGO_PROXY_HOPS", "0"))
