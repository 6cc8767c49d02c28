from django.core.management.base import BaseCommand

from dateline.audience import services


class Command(BaseCommand):
    help = "Fold the view log into daily totals now (the worker does it every few minutes)."

    def handle(self, *args, **options):
        folded = services.aggregate_views()
        self.stdout.write(f"Folded {folded} views into the daily totals.")
