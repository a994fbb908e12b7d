"""The hardening app: counts failed admin logins through Django's authentication signals."""
from django.apps import AppConfig


class HardeningConfig(AppConfig):
    name = "hardening"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.contrib.auth.signals import user_logged_in, user_login_failed

        from . import throttle

        user_login_failed.connect(throttle.login_failed, dispatch_uid="hardening-login-failed")
        user_logged_in.connect(throttle.logged_in, dispatch_uid="hardening-logged-in")
