"""`dateline assemble_digest`: a draft of this week's digest in each edition's archive."""

from django.core.management.base import BaseCommand

from dateline.newsletter.services import digests


class Command(BaseCommand):
    help = "Draft the weekly digest of each edition from the week's stories."

    def handle(self, **options):
        for issue in digests.assemble_weekly_digests():
            self.stdout.write(f"{issue.locale.language_code}: {issue.title} (id {issue.pk})")
