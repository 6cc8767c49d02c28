import datetime

from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "dateline.core"
    label = "core"

    def ready(self):
        # checks registers Dateline's deploy checks on import.
        from . import checks, periodic, publish_action, wagtail_internals, workers  # noqa: F401
        from .signal_handlers import register_signal_handlers

        wagtail_internals.remember_child_relations()
        wagtail_internals.remember_image_filters()

        publish_action.make_publishing_atomic()

        register_signal_handlers()

        # Half the staleness limit: a killed worker's task waits at most 1.5 limits.
        periodic.register(
            "requeue_orphaned_tasks",
            datetime.timedelta(seconds=workers.stale_after().total_seconds() / 2),
            workers.requeue_orphaned_tasks,
        )
