"""Heartbeats of `dateline worker` processes, and the recovery of the tasks of a worker that
died in the middle of one.

django-tasks-db marks a task RUNNING when a worker claims it, and only that worker ever
marks it finished: if the worker is killed (SIGKILL, out of memory, the machine lost), the
task stays RUNNING for ever. Each `dateline worker` therefore writes a heartbeat every
``DATELINE_WORKER_HEARTBEAT_SECONDS`` from a thread of its own; a task whose worker's
heartbeat is older than ``DATELINE_WORKER_STALE_SECONDS`` is put back in the queue, once,
by a conditional UPDATE (see docs/decisions.md, "Tasks of a killed worker run again").
"""

import datetime
import logging
import threading
from dataclasses import dataclass

from django.conf import settings
from django.db import close_old_connections, connection
from django.db.models import Max
from django.utils import timezone
from django_tasks import task_backends
from django_tasks_db.compat import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from .models import WorkerHeartbeat

log = logging.getLogger(__name__)

# Heartbeats of workers that stopped this long ago are deleted.
FORGET_AFTER = datetime.timedelta(days=7)


def heartbeat_seconds() -> float:
    return settings.DATELINE_WORKER_HEARTBEAT_SECONDS


def stale_after() -> datetime.timedelta:
    return datetime.timedelta(seconds=settings.DATELINE_WORKER_STALE_SECONDS)


def beat(worker_id: str, now: datetime.datetime | None = None) -> None:
    """Record that ``worker_id`` is alive."""
    WorkerHeartbeat.objects.update_or_create(
        worker_id=worker_id, defaults={"seen_at": now or timezone.now()}
    )


def forget(worker_id: str) -> None:
    """A worker that stops cleanly says so: nothing of it is left to recover."""
    WorkerHeartbeat.objects.filter(worker_id=worker_id).delete()


def requeue_orphaned_tasks(now: datetime.datetime | None = None) -> list[str]:
    """Put back in the queue every RUNNING task whose worker's heartbeat is stale.

    Returns the ids of the tasks this call re-queued. Only workers that write heartbeats
    (`dateline worker`) are judged: a task claimed by a worker with no heartbeat row, such
    as django-tasks-db's own `db_worker`, is left alone, since a long task and a dead worker
    look the same from outside.
    """
    now = now or timezone.now()
    stale_before = now - stale_after()
    heartbeats = dict(WorkerHeartbeat.objects.values_list("worker_id", "seen_at"))
    requeued = []
    running = DBTaskResult.objects.running().only("id", "worker_ids", "started_at")
    for result in running:
        worker_id = result.worker_ids[-1] if result.worker_ids else None
        seen_at = heartbeats.get(worker_id)
        if seen_at is None or seen_at > stale_before:
            continue
        # Conditional on the claim we looked at: if two workers recover at once, or the
        # task was re-claimed in between, only one UPDATE matches.
        won = (
            DBTaskResult.objects.filter(
                id=result.id, status=TaskResultStatus.RUNNING, started_at=result.started_at
            ).update(status=TaskResultStatus.READY, started_at=None)
            == 1
        )
        if won:
            log.warning(
                "Task %s (%s) was running on worker %s, silent since %s: queued again.",
                result.id,
                result.task_path,
                worker_id,
                seen_at.isoformat(),
            )
            requeued.append(str(result.id))
    WorkerHeartbeat.objects.filter(seen_at__lt=now - FORGET_AFTER).delete()
    return requeued


class Ticker(threading.Thread):
    """A daemon thread that calls ``func`` every ``seconds`` until stopped, with its own
    database connection, logging (never raising) what goes wrong."""

    def __init__(self, name: str, seconds: float, func):
        super().__init__(name=name, daemon=True)
        self.seconds = seconds
        self.func = func
        self.stopped = threading.Event()

    def run(self) -> None:
        try:
            while not self.stopped.is_set():
                close_old_connections()
                try:
                    self.func()
                except Exception:
                    log.exception("%s failed; trying again in %s s", self.name, self.seconds)
                self.stopped.wait(self.seconds)
        finally:
            connection.close()

    def stop(self) -> None:
        self.stopped.set()


@dataclass(frozen=True)
class QueueHealth:
    """What the admin's dashboard says about background work."""

    queued: int  # tasks waiting for a worker
    last_seen: datetime.datetime | None  # the newest heartbeat of any worker

    @property
    def worker_missing(self) -> bool:
        """True when tasks go to the database queue and no worker has been seen lately."""
        if not uses_task_queue():
            return False
        missing_after = datetime.timedelta(seconds=settings.DATELINE_WORKER_MISSING_SECONDS)
        return self.last_seen is None or timezone.now() - self.last_seen > missing_after


def uses_task_queue() -> bool:
    """Tasks wait in the database for a `dateline worker` (rather than running at once)."""
    return task_backends["default"].__class__.__name__ == "DatabaseBackend"


def queue_health() -> QueueHealth:
    """Two queries: the queue's length and the newest heartbeat."""
    queued = DBTaskResult.objects.ready().count() if uses_task_queue() else 0
    last_seen = WorkerHeartbeat.objects.aggregate(last=Max("seen_at"))["last"]
    return QueueHealth(queued=queued, last_seen=last_seen)
