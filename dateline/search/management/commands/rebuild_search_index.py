from django.core.management.base import BaseCommand

from dateline.search import services


class Command(BaseCommand):
    help = (
        "Rebuild the search index from every live page: needed after bulk imports "
        "(e.g. generate_articles) that bypass Wagtail's signals."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--background",
            action="store_true",
            help="Queue the rebuild for the task worker instead of running it here.",
        )

    def handle(self, *args, **options):
        if options["background"]:
            from dateline.search.tasks import rebuild_index

            result = rebuild_index.enqueue()
            self.stdout.write(f"Queued the rebuild (task {result.id}).")
            return

        def progress(done: int) -> None:
            if options["verbosity"] > 1 or done % 10_000 == 0:
                self.stdout.write(f"  {done} pages indexed", ending="\r")
                self.stdout.flush()

        count = services.rebuild(progress=progress)
        self.stdout.write(self.style.SUCCESS(f"Indexed {count} pages."))
