"""`dateline bake OUTPUT_DIR`: the public site as static files, for mirrors and onion services."""

import sys

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from dateline.syndication.bake import BakeError, bake


class Command(BaseCommand):
    help = (
        "Write both editions of the public site (pages, listings, feeds, sitemaps, static "
        "and media files) as static files into OUTPUT_DIR, for a mirror or an onion service. "
        "Search and the forms point to the main site."
    )

    def add_arguments(self, parser):
        parser.add_argument("output_dir", metavar="OUTPUT_DIR")
        parser.add_argument(
            "--base-url",
            default="",
            help="The mirror's own address (e.g. http://xyz.onion or "
            "https://mirror.example.net/news): feeds and sitemaps then carry absolute links "
            "to the mirror, and pages work below a path. Without it, links are root-relative.",
        )
        parser.add_argument(
            "--main-site",
            default="",
            help="Where search and the forms send readers (default: DATELINE_BASE_URL).",
        )
        parser.add_argument(
            "--incremental",
            action="store_true",
            help="Re-render only what changed since the last bake into OUTPUT_DIR.",
        )

    def handle(self, *args, output_dir, base_url, main_site, incremental, **options):
        for name, value in (("--base-url", base_url), ("--main-site", main_site)):
            if value and not value.startswith(("http://", "https://")):
                raise CommandError(f"{name} must start with http:// or https://, not “{value}”.")
        show = options["verbosity"] > 0
        with tqdm(desc="Baking", unit=" files", disable=not show, file=sys.stderr) as bar:
            try:
                result = bake(
                    output_dir,
                    base_url=base_url,
                    main_site=main_site,
                    incremental=incremental,
                    progress=bar,
                )
            except BakeError as error:
                raise CommandError(str(error)) from error
        for url, problem in sorted(result.failed.items()):
            self.stderr.write(f"Not baked: {url} ({problem})")
        if show:
            kind = "full" if result.full else "incremental"
            self.stdout.write(
                f"Baked into {output_dir} ({kind}): {len(result.written)} files written, "
                f"{result.unchanged} unchanged, {len(result.removed)} removed."
            )
        if result.failed:
            raise CommandError(
                f"{len(result.failed)} addresses could not be baked (listed above); the rest "
                "of the mirror is written."
            )
