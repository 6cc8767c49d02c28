"""Background work of the audience floor: thin wrappers around services."""

from django_tasks import task

from . import services


@task()
def aggregate_views_task() -> int:
    return services.aggregate_views()
