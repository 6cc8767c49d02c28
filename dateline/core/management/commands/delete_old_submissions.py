from django.conf import settings
from django.core.management.base import BaseCommand

from dateline.core.submissions import delete_expired_submissions


class Command(BaseCommand):
    help = (
        "Delete Contact/Contribute submissions and their attachments older than "
        "DATELINE_SUBMISSION_RETENTION_DAYS (run daily)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=None, help="Override the setting.")

    def handle(self, *args, days=None, **options):
        days = settings.DATELINE_SUBMISSION_RETENTION_DAYS if days is None else days
        deleted = delete_expired_submissions(days)
        self.stdout.write(f"Deleted {deleted} submissions older than {days} days.")
