"""The weekly digest without cron: a periodic job every worker runs (core.periodic)."""

import datetime as dt

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from dateline.core import periodic
from dateline.newsletter import tasks
from dateline.newsletter.apps import DIGEST_CHECK_EVERY
from dateline.newsletter.models import Delivery, NewsletterIssuePage
from dateline.newsletter.services.digests import digest_due_at, digest_send_at
from tests.helpers.factories import make_articles

pytestmark = pytest.mark.django_db

# Friday 20 November 2026, in the newsroom's time zone (TIME_ZONE, Asia/Tbilisi).
FRIDAY = dt.date(2026, 11, 20)


def local(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour, minute)))


@pytest.fixture(autouse=True)
def _friday_at_seven(settings):
    settings.NEWSLETTER_DIGEST_WEEKDAY = 4
    settings.NEWSLETTER_DIGEST_HOUR = 7
    settings.NEWSLETTER_DIGEST_SEND = ""


@pytest.fixture
def stories_of_the_week(site, newsletter):
    articles = make_articles(site, 3)
    for n, article in enumerate(articles):
        article.first_published_at = local(FRIDAY, 7) - dt.timedelta(days=2, hours=n)
        article.save()
    return articles


def digests(index):
    return list(NewsletterIssuePage.objects.child_of(index).order_by("pk"))


def test_nothing_before_the_digest_hour(newsletter, stories_of_the_week):
    assert tasks.weekly_digest(now=local(FRIDAY, 6, 59)) == []
    assert digests(newsletter) == []


def test_the_weeks_digest_once_its_hour_has_come(newsletter, stories_of_the_week):
    made = tasks.weekly_digest(now=local(FRIDAY, 7, 5))
    [digest] = digests(newsletter)
    assert made == [digest.pk]
    assert digest.slug == "week-2026-11-20"
    assert not digest.live, "a draft for the editors to finish and send"
    assert digest.send_status == "draft"
    story_ids = set(digest.stories.values_list("article_id", flat=True))
    assert story_ids == {article.pk for article in stories_of_the_week}


def test_running_again_or_on_another_worker_makes_no_second_digest(newsletter, stories_of_the_week):
    tasks.weekly_digest(now=local(FRIDAY, 7, 5))
    assert tasks.weekly_digest(now=local(FRIDAY, 7, 20)) == []
    assert tasks.weekly_digest(now=local(FRIDAY, 11, 0)) == []
    assert len(digests(newsletter)) == 1


def test_a_digest_missed_by_more_than_half_a_day_waits_for_next_week(
    newsletter, stories_of_the_week
):
    assert tasks.weekly_digest(now=local(FRIDAY + dt.timedelta(days=1), 7, 5)) == []
    assert digests(newsletter) == []
    assert tasks.weekly_digest(now=local(FRIDAY + dt.timedelta(days=7), 7, 5))
    assert [d.slug for d in digests(newsletter)] == ["week-2026-11-27"]


def test_the_hour_is_the_newsrooms_across_a_clock_change(settings):
    settings.TIME_ZONE = "Europe/Berlin"  # clocks went back on Sunday 25 October 2026
    with timezone.override("Europe/Berlin"):
        due = digest_due_at(local(dt.date(2026, 10, 30), 7, 30))
        assert timezone.localtime(due).hour == 7
        assert due.utcoffset() == dt.timedelta(hours=1)
        before = digest_due_at(local(dt.date(2026, 10, 23), 7, 30))
        assert before.utcoffset() == dt.timedelta(hours=2)


def test_auto_send_publishes_and_queues_the_digest(
    settings, newsletter, stories_of_the_week, subscribers
):
    settings.NEWSLETTER_DIGEST_SEND = "now"
    subscribers(4)
    tasks.weekly_digest(now=local(FRIDAY, 7, 5))
    [digest] = digests(newsletter)
    assert digest.live
    assert digest.send_status == "sending"
    assert Delivery.objects.filter(issue=digest, status="pending").count() == 4
    queued = DBTaskResult.objects.filter(task_path__endswith="deliver_issue")
    assert queued.count() == settings.NEWSLETTER_PARALLEL_TASKS


def test_a_send_time_schedules_the_digest(
    settings, newsletter, stories_of_the_week, subscribers, monkeypatch
):
    settings.NEWSLETTER_DIGEST_SEND = "09:30"
    subscribers(2)
    monkeypatch.setattr(timezone, "now", lambda: local(FRIDAY, 7, 5))
    tasks.weekly_digest(now=local(FRIDAY, 7, 5))
    [digest] = digests(newsletter)
    assert digest.live
    assert digest.send_status == "scheduled"
    assert digest.send_at == local(FRIDAY, 9, 30)
    queued = DBTaskResult.objects.filter(task_path__endswith="deliver_issue")
    assert {task.run_after for task in queued} == {local(FRIDAY, 9, 30)}


def test_a_send_time_before_the_digest_hour_means_the_next_day(settings):
    settings.NEWSLETTER_DIGEST_SEND = "06:00"
    assert digest_send_at(local(FRIDAY, 7)) == local(FRIDAY + dt.timedelta(days=1), 6)


def test_an_empty_week_is_never_sent_by_itself(settings, newsletter, subscribers):
    settings.NEWSLETTER_DIGEST_SEND = "now"
    subscribers(2)
    tasks.weekly_digest(now=local(FRIDAY, 7, 5))
    [digest] = digests(newsletter)
    assert not digest.live
    assert not Delivery.objects.exists()


def test_a_bad_send_setting_says_what_is_expected(settings):
    settings.NEWSLETTER_DIGEST_SEND = "half past nine"
    with pytest.raises(ImproperlyConfigured, match='"now" or a time like "09:30"'):
        digest_send_at(local(FRIDAY, 7))


def test_registered_as_a_periodic_job_that_runs_once_per_interval(
    newsletter, stories_of_the_week, monkeypatch
):
    job = periodic.registered()["newsletter_weekly_digest"]
    assert job.every == DIGEST_CHECK_EVERY
    monkeypatch.setattr(timezone, "now", lambda: local(FRIDAY, 7, 5))
    # Two workers' ticks at the same moment: the job runs on one of them.
    ran = [periodic.run_due(now=local(FRIDAY, 7, 5)) for _ in range(2)]
    assert sum("newsletter_weekly_digest" in names for names in ran) == 1
    assert len(digests(newsletter)) == 1
