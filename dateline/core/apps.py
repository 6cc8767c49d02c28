import datetime

from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "dateline.core"
    label = "core"

    def ready(self):
        from . import checks, periodic, publish_action, workers  # noqa: F401 (checks register)
        from .signal_handlers import register_signal_handlers

        publish_action.make_publishing_atomic()

        register_signal_handlers()

        # Half the staleness limit: a killed worker's task waits at most 1.5 limits.
        periodic.register(
            "requeue_orphaned_tasks",
            datetime.timedelta(seconds=workers.stale_after().total_seconds() / 2),
            workers.requeue_orphaned_tasks,
        )
