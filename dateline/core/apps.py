import datetime

from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "dateline.core"
    label = "core"

    def ready(self):
        from . import faults, pagecache, periodic, workers

        faults.make_publishing_atomic()

        pagecache.connect_signals()

        # Half the staleness limit: a killed worker's task waits at most 1.5 limits.
        periodic.register(
            "requeue_orphaned_tasks",
            datetime.timedelta(seconds=workers.stale_after().total_seconds() / 2),
            workers.requeue_orphaned_tasks,
        )
