from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from dateline.news.services import generate_articles


class Command(BaseCommand):
    help = "Bulk-create synthetic articles for load tests and benchmarks (after load_demo)."

    def add_arguments(self, parser):
        parser.add_argument("--count", type=int, required=True, help="How many articles.")
        parser.add_argument("--seed", type=int, default=0, help="Random seed, for repeatable data.")

    def handle(self, *args, count, seed, **options):
        if count < 1:
            raise CommandError("--count must be a positive number.")
        with tqdm(total=count, unit="article", disable=options["verbosity"] == 0) as bar:
            try:
                created = generate_articles(
                    count, seed=seed, progress=lambda done: bar.update(done - bar.n)
                )
            except ValueError as error:
                raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS(f"Created {created} articles."))
