from django.core.management.base import BaseCommand

from dateline.accounts.roles import setup_roles


class Command(BaseCommand):
    help = (
        "Create the newsroom's groups (contributors and editors per edition, Administrators), "
        "their permissions and each edition's review workflow. Safe to run again."
    )

    def handle(self, *args, **options):
        groups = setup_roles(log=self.stdout.write)
        self.stdout.write(self.style.SUCCESS(f"{len(groups)} groups ready."))
