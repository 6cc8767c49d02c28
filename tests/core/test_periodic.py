"""Periodic jobs (core/periodic.py): each runs at most once per interval, on one worker."""

import datetime as dt
import threading

import pytest
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from dateline.core import periodic
from dateline.core.models import PeriodicJob


@pytest.fixture
def jobs():
    """Only this test's jobs are registered while it runs."""
    saved = periodic.registered()
    periodic._jobs.clear()
    yield periodic
    periodic._jobs.clear()
    periodic._jobs.update(saved)


class Counter:
    def __init__(self, pause=0.0):
        self.calls = 0
        self.pause = pause
        self.lock = threading.Lock()

    def __call__(self):
        with self.lock:
            self.calls += 1
        if self.pause:
            threading.Event().wait(self.pause)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_workers_at_the_same_moment_run_a_job_once(jobs):
    if connection.vendor == "sqlite" and connection.settings_dict["NAME"].startswith("file:"):
        pytest.skip("threads cannot share pytest-django's in-memory SQLite database")
    job = Counter(pause=0.2)
    jobs.register("digest", dt.timedelta(hours=1), job)
    now = timezone.now()
    start = threading.Barrier(4)
    ran = []

    def worker():
        try:
            start.wait()
            ran.append(periodic.run_due(now))
        finally:
            connection.close()

    threads = [threading.Thread(target=worker) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert job.calls == 1
    assert sorted(ran) == [[], [], [], ["digest"]]


@pytest.mark.django_db
def test_a_second_worker_with_the_same_clock_does_not_run_it_again(jobs):
    job = Counter()
    jobs.register("digest", dt.timedelta(hours=1), job)
    now = timezone.now()
    assert periodic.run_due(now) == ["digest"]
    assert periodic.run_due(now) == []
    assert job.calls == 1


@pytest.mark.django_db
def test_a_job_is_not_run_again_before_its_interval(jobs):
    hourly, minutely = Counter(), Counter()
    jobs.register("hourly", dt.timedelta(hours=1), hourly)
    jobs.register("minutely", dt.timedelta(minutes=1), minutely)
    start = timezone.now()
    assert periodic.run_due(start) == ["hourly", "minutely"]
    assert periodic.run_due(start + dt.timedelta(seconds=59)) == []
    assert periodic.run_due(start + dt.timedelta(minutes=1)) == ["minutely"]
    assert periodic.run_due(start + dt.timedelta(minutes=59, seconds=59)) == ["minutely"]
    later = start + dt.timedelta(hours=1, minutes=1)
    assert periodic.run_due(later) == ["hourly", "minutely"]
    assert (hourly.calls, minutely.calls) == (2, 4)
    row = PeriodicJob.objects.get(name="hourly")
    assert row.last_started_at == later
    assert row.last_finished_at is not None and row.last_error == ""


@pytest.mark.django_db
def test_a_job_that_raises_is_logged_and_the_others_still_run(jobs, caplog):
    after = Counter()

    def broken():
        raise RuntimeError("mail server on fire")

    jobs.register("broken", dt.timedelta(minutes=5), broken)
    jobs.register("after", dt.timedelta(minutes=5), after)
    now = timezone.now()
    assert periodic.run_due(now) == ["broken", "after"]
    assert after.calls == 1
    assert "Periodic job broken failed" in caplog.text
    assert "mail server on fire" in PeriodicJob.objects.get(name="broken").last_error
    # It counts as run: a failing job is tried again next interval, not on every tick.
    assert periodic.run_due(now + dt.timedelta(minutes=1)) == []
    assert periodic.run_due(now + dt.timedelta(minutes=5)) == ["broken", "after"]
    assert PeriodicJob.objects.get(name="after").last_error == ""


def test_an_interval_must_be_positive(jobs):
    with pytest.raises(ValueError, match="positive interval"):
        jobs.register("never", dt.timedelta(0), Counter())


@pytest.mark.django_db
def test_run_periodic_command_runs_what_is_due(jobs, capsys):
    job = Counter()
    jobs.register("publish_scheduled", dt.timedelta(minutes=1), job)
    call_command("run_periodic")
    call_command("run_periodic")
    assert job.calls == 1
    assert capsys.readouterr().out.splitlines() == ["Ran: publish_scheduled", "Nothing was due."]


def test_core_registers_the_recovery_of_killed_workers_tasks():
    assert "requeue_orphaned_tasks" in periodic.registered()
