"""`dateline worker`: run background tasks (django-tasks-db), on any machine that sees the
database, as many at once as you like.

Besides django-tasks-db's loop, each worker runs two daemon threads: one writes its
heartbeat (so that the tasks of a worker that is killed are queued again, see
``core/workers.py``), the other runs the periodic jobs that are due (``core/periodic.py``;
each job runs on one worker only, whatever the number of workers).

Apps that need to tidy up when a worker starts (the newsletter resumes sends that a killed
worker left half done) connect to ``dateline.core.signals.worker_started``.
"""

import os

from django.conf import settings
from django.utils.autoreload import DJANGO_AUTORELOAD_ENV
from django_tasks_db.management.commands.db_worker import Command as DBWorkerCommand

from dateline.core import periodic, workers
from dateline.core.signals import worker_started


class Command(DBWorkerCommand):
    help = "Run background tasks: newsletter sending, digests and whatever else apps enqueue."

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument(
            "--no-periodic",
            action="store_false",
            dest="periodic",
            help="Do not run periodic jobs (scheduled publishing, digests) in this worker.",
        )

    def handle(self, *args, **options):
        run_periodic = options.pop("periodic")
        if options["reload"] and os.environ.get(DJANGO_AUTORELOAD_ENV) != "true":
            # The autoreloader's parent process only watches files; its child does the work.
            return super().handle(*args, **options)

        worker_id = options["worker_id"]
        workers.beat(worker_id)
        workers.requeue_orphaned_tasks()
        worker_started.send(sender=self.__class__)
        threads = [
            workers.Ticker(
                "heartbeat", workers.heartbeat_seconds(), lambda: workers.beat(worker_id)
            )
        ]
        if run_periodic:
            tick = settings.DATELINE_PERIODIC_TICK_SECONDS
            threads.append(workers.Ticker("periodic jobs", tick, periodic.run_due))
        for thread in threads:
            thread.start()
        try:
            return super().handle(*args, **options)
        finally:
            for thread in threads:
                thread.stop()
            workers.forget(worker_id)
