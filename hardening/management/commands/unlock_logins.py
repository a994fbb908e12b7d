"""Lift an admin sign-in lockout at once, for one user name or address, or for everyone."""
from django.core.management.base import BaseCommand, CommandError

from hardening.models import FailedLogin
from hardening.throttle import clean_username


class Command(BaseCommand):
    help = "Forget failed sign-ins (the lockout ends at once): for a user name, an address (--ip), or --all."

    def add_arguments(self, parser):
        parser.add_argument("username", nargs="?", default="")
        parser.add_argument("--ip", default="", help="an address instead of a user name")
        parser.add_argument("--all", action="store_true", dest="everyone", help="everyone")

    def handle(self, *args, username, ip, everyone, **options):
        if everyone:
            failures = FailedLogin.objects.all()
        elif username or ip:
            failures = FailedLogin.objects.filter(**({"username": clean_username(username)} if username else {"ip": ip}))
        else:
            raise CommandError("Name a user name, an address with --ip, or --all.")
        count, _ = failures.delete()
        self.stdout.write(f"Forgot {count} failed sign-ins; the lockout is lifted.")
