from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse

from dateline.home.demo.loader import DemoLoader, admin_password_file, ensure_admin
from dateline.home.services import match_site_to_base_url


class Command(BaseCommand):
    help = "Load the demo newsroom (taxonomy, authors, pages, articles). Safe to run again."

    def add_arguments(self, parser):
        parser.add_argument(
            "--migrate",
            action="store_true",
            help="Apply unapplied migrations first (what `make demo` does, in one start-up).",
        )
        parser.add_argument(
            "--again",
            action="store_true",
            help="Run every step even if the demo is loaded (each finds what it made before).",
        )

    def handle(self, *args, **options):
        if options["migrate"] and unapplied_migrations():
            call_command("migrate", interactive=False, verbosity=0)
        loader = DemoLoader(log=lambda line: self.stdout.write(line))
        if loader.is_loaded() and not options["again"]:
            # A second `make demo` starts in seconds; only the site's address may have moved.
            match_site_to_base_url()
            self.stdout.write("The demo newsroom is loaded already (--again runs every step).")
        else:
            loader.load()
        username, password, desk = ensure_admin(admin_password_file())
        base = settings.DATELINE_BASE_URL
        self.stdout.write("")
        self.stdout.write(f"Site:  {base}/  (Russian edition: {base}/ru/)")
        self.stdout.write(f"Admin: {base}{reverse('wagtailadmin_home')}")
        if password:
            accounts = ", ".join([username, *desk])
            self.stdout.write(
                self.style.SUCCESS(f"Accounts: {accounts}  password (all of them): {password}")
            )
        else:
            self.stdout.write(f"Account: {username} (password set earlier)")


def unapplied_migrations() -> list:
    """What `migrate` would apply: nothing on a second start, so it is skipped."""
    executor = MigrationExecutor(connection)
    return executor.migration_plan(executor.loader.graph.leaf_nodes())
