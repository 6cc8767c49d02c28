"""A worker killed in the middle of a task: the task runs again, exactly once.

The first test uses real `dateline worker` processes and SIGKILL; the others check the
recovery rules (core/workers.py) in-process.
"""

import datetime as dt
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from dateline.core import workers
from dateline.core.models import PeriodicJob, WorkerHeartbeat
from tests.helpers.servers import SharedDatabase, server_env
from tests.helpers.waiting import wait_until
from tests.helpers.worker_tasks import record_and_sleep

pytestmark = pytest.mark.faults

# The workers' staleness limit: a task whose worker was silent this long is queued again.
STALE_SECONDS = 3


@pytest.fixture
def database_queue(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def task_row(db: SharedDatabase, task_id: str) -> tuple[str, list, dt.datetime | None]:
    table = DBTaskResult._meta.db_table
    key = task_id.replace("-", "") if db.sqlite_path else task_id
    [(status, worker_ids, finished_at)] = db.query(
        f"SELECT status, worker_ids, finished_at FROM {table} WHERE id = %s", (key,)
    )
    return status, db.json(worker_ids), as_datetime(finished_at)


def as_datetime(value) -> dt.datetime | None:
    """A date and time as SharedDatabase.query reads it (SQLite gives text, in UTC)."""
    if isinstance(value, str):
        value = dt.datetime.fromisoformat(value)
    if value is not None and value.tzinfo is None:
        value = value.replace(tzinfo=dt.UTC)
    return value


def recovery_ran_after(db: SharedDatabase, moment: dt.datetime) -> bool:
    """Whether a worker started the recovery of orphaned tasks (a periodic job) after
    ``moment``, and finished it."""
    rows = db.query(
        f"SELECT last_started_at, last_finished_at FROM {PeriodicJob._meta.db_table}"
        " WHERE name = %s",
        ("requeue_orphaned_tasks",),
    )
    if not rows:
        return False
    started, finished = (as_datetime(value) for value in rows[0])
    return started is not None and finished is not None and moment < started <= finished


def start_worker(db: SharedDatabase, worker_id: str, tmp_path: Path) -> subprocess.Popen:
    env = server_env(
        DJANGO_SETTINGS_MODULE="dateline.settings.dev",
        DEBUG="0",
        DATABASE_URL=db.url,
        DATELINE_VAR_DIR=str(tmp_path / "var"),
        DATELINE_WORKER_HEARTBEAT_SECONDS="1",
        DATELINE_WORKER_STALE_SECONDS=str(STALE_SECONDS),
        DATELINE_PERIODIC_TICK_SECONDS="1",
    )
    args = ["--no-reload", "--no-startup-delay", "--interval", "0.2", "--worker-id", worker_id]
    return subprocess.Popen(
        [sys.executable, "-m", "dateline.cli", "worker", *args],
        env=env,
        cwd=tmp_path,
        stdout=open(tmp_path / f"{worker_id}.log", "w"),  # noqa: SIM115
        stderr=subprocess.STDOUT,
    )


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_task_whose_worker_is_killed_runs_again_exactly_once(tmp_path, database_queue):
    runs = tmp_path / "runs.log"
    runs.touch()
    result = record_and_sleep.enqueue(str(runs), 3)
    db = SharedDatabase(tmp_path / "db")
    db.publish()

    first = start_worker(db, "first", tmp_path)
    try:
        wait_until(lambda: "start" in runs.read_text(), 90, "the first worker to start the task")
        first.send_signal(signal.SIGKILL)
        first.wait(10)
    finally:
        first.kill()
    assert runs.read_text().split() == ["start"]
    assert task_row(db, result.id)[0] == "RUNNING"

    # Two workers start recovering at once: the task must run once, not twice.
    rescuers = [start_worker(db, name, tmp_path) for name in ("second", "third")]
    try:
        wait_until(
            lambda: task_row(db, result.id)[0] == "SUCCESSFUL",
            90,
            "the task to be run again and succeed",
        )
        # Nothing runs it a third time, even once the run that succeeded is older than the
        # staleness limit and a worker has looked for orphaned tasks again.
        finished_at = task_row(db, result.id)[2]
        wait_until(
            lambda: recovery_ran_after(db, finished_at + dt.timedelta(seconds=STALE_SECONDS)),
            60,
            "a recovery pass more than the staleness limit after the task succeeded",
        )
    finally:
        for worker in rescuers:
            worker.terminate()
        for worker in rescuers:
            worker.wait(30)
    status, worker_ids, _finished_at = task_row(db, result.id)
    assert runs.read_text().split() == ["start", "start", "done"]
    assert status == "SUCCESSFUL"
    assert worker_ids[0] == "first" and worker_ids[1] in {"second", "third"}
    assert len(worker_ids) == 2


def running_task(worker_id: str, started_at) -> DBTaskResult:
    result = record_and_sleep.enqueue("/nonexistent", 0)
    DBTaskResult.objects.filter(pk=result.id).update(
        status="RUNNING", worker_ids=[worker_id], started_at=started_at
    )
    return DBTaskResult.objects.get(pk=result.id)


@pytest.mark.django_db
def test_only_tasks_of_silent_workers_are_queued_again_and_only_once(database_queue):
    now = timezone.now()
    long_ago = now - dt.timedelta(minutes=5)
    workers.beat("dead", now=long_ago)
    workers.beat("alive", now=now - dt.timedelta(seconds=5))
    orphan = running_task("dead", long_ago)
    busy = running_task("alive", long_ago)
    unknown = running_task("plain-db-worker", long_ago)

    assert workers.requeue_orphaned_tasks(now) == [str(orphan.pk)]
    assert workers.requeue_orphaned_tasks(now) == []
    statuses = dict(DBTaskResult.objects.values_list("pk", "status"))
    assert statuses[orphan.pk] == "READY"
    assert statuses[busy.pk] == "RUNNING"
    assert statuses[unknown.pk] == "RUNNING"


@pytest.mark.django_db
def test_a_stopped_workers_old_heartbeat_is_forgotten(database_queue):
    now = timezone.now()
    workers.beat("gone", now=now - dt.timedelta(days=8))
    workers.beat("recent", now=now - dt.timedelta(days=1))
    workers.requeue_orphaned_tasks(now)
    assert list(WorkerHeartbeat.objects.values_list("worker_id", flat=True)) == ["recent"]
