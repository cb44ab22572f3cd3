from importlib import import_module

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

# Each app's demo module builds on the ones before it; a module's ACCOUNTS
# (email, name, role, province code) are listed at the end.
DEMO_MODULES = [
    "programmes.demo",
    "accounts.demo",
    "participants.demo",
    "showcase.demo",
    "missions.demo",
    "advice.demo",
    "desk.demo",
]


class Command(BaseCommand):
    help = "Load the demo data from the seeds and the demo accounts. Idempotent."

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help="Load even though DEBUG is off. Never on a production database.",
        )

    def handle(self, *args, force=False, **options):
        if not (settings.DEBUG or settings.TESTING or force):
            raise CommandError(
                "Demo data and accounts are for development only (DEBUG is off)."
            )
        accounts = []
        with transaction.atomic():
            for name in DEMO_MODULES:
                # A missing module is a mistake in this list, not an app without
                # demo data: fail rather than load half the demo silently.
                try:
                    module = import_module(name)
                except ModuleNotFoundError as exc:
                    if exc.name != name:
                        raise
                    raise CommandError(f"Demo module {name} does not exist.") from exc
                module.load()
                accounts.extend(getattr(module, "ACCOUNTS", []))
        from accounts.demo import DEMO_PASSWORD

        self.stdout.write(self.style.SUCCESS("Demo data loaded. Demo accounts:"))
        for email, _name, role, province in accounts:
            where = f", {province}" if province else ""
            self.stdout.write(f"  {email:36} {role}{where}")
        self.stdout.write(f"Password for all demo accounts: {DEMO_PASSWORD}")
