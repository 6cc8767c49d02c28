"""The dashboard says so when tasks wait and no `dateline worker` runs."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.test import override_settings
from django.utils import timezone

from dateline.audience.tasks import aggregate_views_task
from dateline.core import workers

pytestmark = pytest.mark.django_db

DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
WARNING = "Background work is not running"


@pytest.fixture
def dashboard(client):
    client.force_login(get_user_model().objects.create_superuser("chief", "c@example.org", "pw"))
    return lambda: client.get("/admin/").content.decode()


@override_settings(TASKS=DATABASE_QUEUE)
def test_waiting_tasks_and_no_worker_are_shown_with_the_queue_length(dashboard):
    for _ in range(3):
        aggregate_views_task.enqueue()
    page = dashboard()
    assert WARNING in page
    assert "No task worker has been seen." in page
    assert "3 tasks are waiting." in page


@override_settings(TASKS=DATABASE_QUEUE, DATELINE_WORKER_MISSING_SECONDS=180)
def test_a_worker_silent_for_minutes_is_reported_and_a_live_one_is_not(dashboard):
    aggregate_views_task.enqueue()
    workers.beat("web-1:123", now=timezone.now() - datetime.timedelta(minutes=10))
    page = dashboard()
    assert WARNING in page
    assert "No task worker has been seen for 10\xa0minutes." in page
    assert "1 task is waiting." in page

    workers.beat("web-2:456")
    assert WARNING not in dashboard()


def test_no_warning_when_tasks_run_at_once(dashboard):
    # The test settings run tasks inline: there is nothing for a worker to do.
    aggregate_views_task.enqueue()
    assert WARNING not in dashboard()
