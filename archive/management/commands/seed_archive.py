"""Load the seed articles into an empty archive; an archive with articles is left untouched."""
from django.core.management import call_command
from django.core.management.base import BaseCommand

from archive.models import Article
from archive.reports import regroup_all
from archive.seeding import FIXTURE_PATH


class Command(BaseCommand):
    help = "Load fixtures/seed_archive.json when the archive holds no article yet (never overwrites editors' work)."

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true", help="Load even into a non-empty archive (rows with the seeds' ids are overwritten).")

    def handle(self, *args, **options):
        existing = Article.objects.count()
        if existing and not options["force"]:
            self.stdout.write(f"The archive holds {existing} articles; seeds not loaded.")
            return
        call_command("loaddata", str(FIXTURE_PATH), verbosity=0)
        regroup_all()  # the fixture stores no groups: the rule finds the seeds' reports of one statement
        self.stdout.write(f"Loaded the seed archive: {Article.objects.count()} articles.")
