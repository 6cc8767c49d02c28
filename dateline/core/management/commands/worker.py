"""`dateline worker`: run background tasks (django-tasks-db), on any machine that sees the
database, as many at once as you like.

Apps that need to tidy up when a worker starts (the newsletter resumes sends that a killed
worker left half done) connect to ``worker_started``.
"""

from django.dispatch import Signal
from django_tasks_db.management.commands.db_worker import Command as DBWorkerCommand

worker_started = Signal()


class Command(DBWorkerCommand):
    help = "Run background tasks: newsletter sending, digests and whatever else apps enqueue."

    def handle(self, *args, **options):
        worker_started.send(sender=self.__class__)
        return super().handle(*args, **options)
