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

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = env_bool("DJANGO_SECURE_COOKIES", False)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
