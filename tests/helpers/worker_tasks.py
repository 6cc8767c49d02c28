"""Tasks for tests/core/test_worker_faults.py, importable by a `dateline worker` subprocess
(the queue stores their dotted paths, tests.helpers.worker_tasks.record_and_sleep), and
:func:`work_off_tasks`, the worker's round run in the test's own process."""

import time
from pathlib import Path
from unittest import mock

from django.core.management import call_command
from django_tasks import task
from django_tasks_db.management.commands import db_worker


def work_off_tasks(*options: str) -> None:
    """What `dateline worker` does, once: run the queued tasks that are due, then stop
    (``"--max-tasks", "1"``: after one)."""
    # The worker closes a connection that is not in autocommit mode as unusable; the
    # test's connection is in the test's transaction, which must outlive the worker.
    with mock.patch.object(db_worker, "close_old_connections", lambda: None):
        call_command(
            "db_worker", "--batch", "--no-startup-delay", "--no-reload", *options, verbosity=0
        )


@task()
def record_and_sleep(log_path: str, seconds: float) -> str:
    """Write "start", sleep, write "done": the log shows every run and every completion."""
    log = Path(log_path)
    with log.open("a") as f:
        f.write("start\n")
    time.sleep(seconds)
    with log.open("a") as f:
        f.write("done\n")
    return "done"


@task()
def record_subscriber_email(log_path: str, subscriber_id: int) -> str:
    """Append the email of subscriber ``subscriber_id`` to the log: what the task read."""
    from dateline.newsletter.models import Subscriber

    email = Subscriber.objects.get(pk=subscriber_id).email
    with Path(log_path).open("a") as f:
        f.write(f"{email}\n")
    return email


@task()
def database_a_task_reads() -> str:
    """Where the replica router sends this task's reads (tests/core/test_replica_routing.py)."""
    from dateline.core.replicas import ReplicaRouter
    from dateline.news.models import ArticlePage

    return ReplicaRouter().db_for_read(ArticlePage)
