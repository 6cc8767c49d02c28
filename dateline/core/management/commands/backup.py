"""`dateline backup OUTPUT`: the database and uploaded files in one archive
(core/backups.py; restore with `dateline restore`)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from dateline.core import backups


class Command(BaseCommand):
    help = "Back up the database and the uploaded files (media) into one tar archive."

    def add_arguments(self, parser):
        parser.add_argument("output", help="The archive to write, e.g. dateline-2026-11-27.tar")

    def handle(self, *args, output, **options):
        try:
            manifest = backups.backup(Path(output))
        except backups.BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            f"Backed up {manifest.page_count} pages ({manifest.engine}) and "
            f"{len(manifest.checksums) - 1} files to {output}"
        )
