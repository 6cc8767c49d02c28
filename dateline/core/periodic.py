"""Periodic jobs: work that must happen every so often (publish scheduled pages, send the
weekly digest), run by whichever `dateline worker` gets there first.

An app registers its jobs from its ``AppConfig.ready()``::

    from dateline.core import periodic

    periodic.register("publish_scheduled", timedelta(minutes=1), publish_scheduled)

Every worker calls :func:`run_due` on a timer; ``dateline run_periodic`` calls it once, for
newsrooms that prefer a systemd timer or cron. Each job runs at most once per interval
across all workers and machines: the last start of each job is a row of
``core.PeriodicJob``, and a worker runs a job only if its conditional UPDATE of that row
wins (one statement, so two workers can never both win it).
"""

import datetime
import logging
import traceback
from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import Q
from django.utils import timezone

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Job:
    name: str
    every: datetime.timedelta
    func: Callable[[], object]


_jobs: dict[str, Job] = {}


def register(name: str, every: datetime.timedelta, func: Callable[[], object]) -> None:
    """Run ``func()`` every ``every`` (at most once per interval, on one worker).

    Registering a name again replaces the job: ``ready()`` may run more than once in tests.
    """
    if every <= datetime.timedelta(0):
        raise ValueError(f"Periodic job {name!r} needs a positive interval, not {every}.")
    if len(name) > 100:
        raise ValueError(f"Periodic job names are at most 100 characters: {name!r}.")
    _jobs[name] = Job(name, every, func)


def registered() -> dict[str, Job]:
    return dict(_jobs)


def claim(job: Job, now: datetime.datetime) -> bool:
    """Mark ``job`` as started at ``now`` if it is due; return whether this caller won.

    A single UPDATE with the "is it due?" test in its WHERE clause: PostgreSQL re-checks the
    condition after waiting for a competing update's row lock, and SQLite runs one writer
    at a time, so of two workers claiming at the same moment exactly one updates a row.
    """
    from .models import PeriodicJob

    PeriodicJob.objects.bulk_create([PeriodicJob(name=job.name)], ignore_conflicts=True)
    due = Q(last_started_at__isnull=True) | Q(last_started_at__lte=now - job.every)
    return PeriodicJob.objects.filter(due, name=job.name).update(last_started_at=now) == 1


def run_due(now: datetime.datetime | None = None) -> list[str]:
    """Run every registered job that is due and that no other worker has claimed.

    Returns the names of the jobs this call ran (including those that raised). A job that
    raises is logged, its error kept in ``PeriodicJob.last_error``, and the others still run.
    """
    from .models import PeriodicJob

    now = now or timezone.now()
    ran = []
    for job in list(_jobs.values()):
        try:
            if not claim(job, now):
                continue
        except Exception:
            # The database may be away for a moment; the next tick tries again.
            log.exception("Could not claim periodic job %s", job.name)
            continue
        ran.append(job.name)
        error = ""
        try:
            job.func()
        except Exception:
            log.exception("Periodic job %s failed", job.name)
            error = traceback.format_exc()
        try:
            PeriodicJob.objects.filter(name=job.name).update(
                last_finished_at=timezone.now(), last_error=error
            )
        except Exception:
            log.exception("Could not record the end of periodic job %s", job.name)
    return ran
