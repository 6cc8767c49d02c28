"""`dateline import wordpress|ghost|feed ...`: bring a newsroom's archive in.

See docs/import.md for the whole migration, step by step.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from dateline.imports.pipeline import Importer, Options
from dateline.imports.sources import SourceError


class Command(BaseCommand):
    help = "Import an archive from a WordPress export (WXR), a Ghost export (JSON) or a feed."

    def add_arguments(self, parser):
        sources = parser.add_subparsers(dest="source_kind", required=True, metavar="SOURCE")
        wordpress = sources.add_parser("wordpress", help="a WordPress export file (WXR, .xml)")
        wordpress.add_argument("path", type=Path)
        ghost = sources.add_parser("ghost", help="a Ghost export file (.json)")
        ghost.add_argument("path", type=Path)
        feed = sources.add_parser("feed", help="an RSS or Atom feed: a file or an address")
        feed.add_argument("path", metavar="URL_OR_FILE")
        feed.add_argument(
            "--pages", type=int, default=20, help="older pages of the feed to follow at most"
        )
        for sub in (wordpress, ghost, feed):
            self.common_arguments(sub)

    def common_arguments(self, parser):
        parser.add_argument("--edition", default="", help="language code of the edition (en, ru)")
        parser.add_argument("--dry-run", action="store_true", help="write nothing; report all")
        parser.add_argument("--media-dir", type=Path, help="a local copy of the uploads folder")
        parser.add_argument(
            "--fetch-media", action="store_true", help="download files not in --media-dir"
        )
        parser.add_argument("--mapping", type=Path, help="CSV: taxonomy,old_slug,dateline_slug")
        parser.add_argument(
            "--unmapped",
            choices=["topic", "report"],
            default="report",
            help="terms matching nothing: new topics, or listed in the report (default)",
        )
        parser.add_argument(
            "--translations", type=Path, help="CSV of (old English URL, old Russian URL) pairs"
        )
        parser.add_argument("--blog", default="", help="every post into this blog (its slug)")
        parser.add_argument(
            "--podcast",
            default="",
            help="every post with an audio file into this podcast series (its slug)",
        )
        parser.add_argument("--source", default="", help="the old site's address, as the key")
        parser.add_argument("--report", type=Path, help="where to save the JSON report")
        parser.add_argument("--no-progress", action="store_true", help="no progress bar")
        parser.add_argument(
            "--batch-size",
            type=_positive,
            default=Options.batch_size,
            help=f"items written in one transaction (default {Options.batch_size})",
        )

    def handle(self, *args, **options):
        kind = options["source_kind"]
        settings = Options(
            edition=options["edition"],
            dry_run=options["dry_run"],
            media_dir=options["media_dir"],
            fetch_media=options["fetch_media"],
            mapping=options["mapping"],
            unmapped=options["unmapped"],
            progress=not options["no_progress"] and options["verbosity"] > 0,
            batch_size=options["batch_size"],
        )
        if settings.media_dir and not settings.media_dir.is_dir():
            raise CommandError(f"--media-dir {settings.media_dir}: no such folder")
        try:
            if kind == "wordpress":
                from dateline.imports.runners import run_wordpress as run
            elif kind == "ghost":
                from dateline.imports.runners import run_ghost as run
            else:
                from dateline.imports.runners import run_feed as run
            importer: Importer = run(options["path"], settings, options)
        except (SourceError, ValueError, LookupError) as error:
            raise CommandError(str(error)) from None
        report_path = options["report"] or Path(f"import-report-{importer.run.pk}.json")
        importer.finish(report_path)
        self.stdout.write(importer.report.text())
        self.stdout.write(f"Report saved to {report_path} and in the admin (Settings → Imports).")


def _positive(text: str) -> int:
    import argparse

    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number above 0")
    return int(text)
