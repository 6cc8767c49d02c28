"""`dateline restore INPUT`: put back a backup made by `dateline backup` (core/backups.py)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from dateline.core import backups


class Command(BaseCommand):
    help = (
        "Restore the database and uploaded files from a `dateline backup` archive. "
        "Everything currently in the database and media folder is replaced."
    )

    def add_arguments(self, parser):
        parser.add_argument("input", help="An archive written by `dateline backup`.")
        parser.add_argument(
            "--force",
            action="store_true",
            help="Replace a database that already has content.",
        )

    def handle(self, *args, input, force, **options):
        try:
            manifest = backups.restore(Path(input), force=force)
        except backups.BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            f"Restored {manifest.page_count} pages and {len(manifest.checksums) - 1} files "
            f"from the backup of {manifest.created_at} (Dateline {manifest.dateline_version})."
        )
