"""`dateline run_periodic`: run the periodic jobs that are due, once, and exit.

Every `dateline worker` already does this on a timer; this command is for newsrooms that
prefer a systemd timer or cron (every minute), or run no worker. Running it next to
workers is safe: each job still runs at most once per interval.
"""

from django.core.management.base import BaseCommand

from dateline.core import periodic


class Command(BaseCommand):
    help = "Run the periodic jobs (scheduled publishing, digests, ...) that are due, then exit."

    def handle(self, *args, **options):
        ran = periodic.run_due()
        if options["verbosity"] >= 1:
            if ran:
                self.stdout.write("Ran: " + ", ".join(ran))
            else:
                self.stdout.write("Nothing was due.")
