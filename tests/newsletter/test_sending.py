"""Sending under failure: a worker killed mid-batch, two workers at once, a server that is
down. Every subscriber gets the issue exactly once."""

import collections
import datetime as dt
import smtplib
import threading

import pytest
from django.db import connection
from django.utils import timezone

from dateline.newsletter import emails, tasks
from dateline.newsletter.models import Delivery, NewsletterIssuePage
from dateline.newsletter.services import sending, smtp
from tests.helpers.mail import text_of

pytestmark = pytest.mark.django_db


class Killed(BaseException):
    """Stands for SIGKILL: nothing after it runs, not even ``except Exception`` clean-up."""


def received(sink) -> collections.Counter:
    return collections.Counter(rcpt[0] for rcpt, _ in sink.messages)


def raise_after_message(monkeypatch, n: int, error) -> None:
    """smtp.transmit as usual, but raising ``error`` once the server has kept the
    ``n``th message, before the worker hears its answer."""
    real_transmit = smtp.transmit
    calls = {"n": 0}

    def transmit(*args, **kwargs):
        real_transmit(*args, **kwargs)
        calls["n"] += 1
        if calls["n"] == n:
            raise error

    monkeypatch.setattr(smtp, "transmit", transmit)


def test_worker_killed_mid_group_resends_only_that_group_as_doubtful(
    settings, make_issue, subscribers, smtp_sink, monkeypatch
):
    settings.NEWSLETTER_BATCH_SIZE = 10
    settings.NEWSLETTER_COMMIT_EVERY = 4
    subscribers(35)
    issue = make_issue()
    tasks.queue_issue(issue)

    # The worker dies right after the server accepted its 13th message: mid-way through the
    # first group of its second batch (readers 10-13), with 6 rows of that batch not started.
    raise_after_message(monkeypatch, 13, Killed)
    with pytest.raises(Killed):
        sending.deliver(issue.pk)
    monkeypatch.undo()
    assert len(smtp_sink.messages) == 13
    group = {f"reader{n}@example.org" for n in range(10, 14)}
    in_doubt = Delivery.objects.filter(issue=issue, status="sending")
    assert {d.subscriber.email for d in in_doubt} == group
    assert Delivery.objects.filter(issue=issue, status="sent").count() == 10

    # A restarted worker leaves the dead one's claimed rows alone while its lease runs...
    result = sending.deliver(issue.pk)
    assert not result.finished
    assert result.retry_at > timezone.now()
    assert Delivery.objects.filter(issue=issue, status="pending").count() == 6

    # ...and once it has run out sends them, the group in doubt again, flagged as such.
    Delivery.objects.filter(issue=issue, status__in=["pending", "sending"]).update(
        claimed_until=timezone.now() - dt.timedelta(seconds=1)
    )
    assert sending.deliver(issue.pk).finished
    counts = received(smtp_sink)
    assert set(counts) == {f"reader{n}@example.org" for n in range(35)}
    twice = {address for address, n in counts.items() if n > 1}
    assert twice == {"reader10@example.org", "reader11@example.org", "reader12@example.org"}
    assert set(counts.values()) == {1, 2}
    for address in twice:
        copies = smtp_sink.to(address)
        assert len({m["Message-ID"] for m in copies}) == 1
        assert text_of(copies[0]) == text_of(copies[1])
    doubtful = Delivery.objects.filter(issue=issue, doubtful=True)
    assert {d.subscriber.email for d in doubtful} == group
    assert NewsletterIssuePage.objects.get(pk=issue.pk).send_status == "sent"


def test_connection_lost_after_the_dot_leaves_only_that_message_in_doubt(
    settings, make_issue, subscribers, smtp_sink, monkeypatch
):
    settings.NEWSLETTER_COMMIT_EVERY = 5
    subscribers(8)
    issue = make_issue()
    tasks.queue_issue(issue)
    # The server kept reader2's message; its 250 never arrived.
    raise_after_message(monkeypatch, 3, smtplib.SMTPServerDisconnected("connection closed"))
    assert "retry_in" in tasks.deliver_issue.call(issue.pk)
    monkeypatch.undo()
    rows = dict(Delivery.objects.values_list("subscriber__email", "status"))
    # What the server answered is recorded; the rest of the group waits, not in doubt.
    assert rows == {
        "reader0@example.org": "sent",
        "reader1@example.org": "sent",
        "reader2@example.org": "sending",
        **{f"reader{n}@example.org": "pending" for n in range(3, 8)},
    }

    assert sending.deliver(issue.pk).finished
    counts = received(smtp_sink)
    assert {address for address, n in counts.items() if n > 1} == {"reader2@example.org"}
    assert len(counts) == 8
    doubtful = Delivery.objects.filter(issue=issue, doubtful=True)
    assert [d.subscriber.email for d in doubtful] == ["reader2@example.org"]


def test_a_refusal_after_the_data_is_final_and_not_in_doubt(
    settings, make_issue, subscribers, smtp_sink
):
    subscribers(3)
    issue = make_issue()
    tasks.queue_issue(issue)
    smtp_sink.refuse_data = {"reader1@example.org"}
    assert sending.deliver(issue.pk).finished
    rows = dict(Delivery.objects.values_list("subscriber__email", "status"))
    assert rows == {
        "reader0@example.org": "sent",
        "reader1@example.org": "failed",
        "reader2@example.org": "sent",
    }
    assert not Delivery.objects.filter(doubtful=True).exists()


def test_kill_between_groups_loses_and_repeats_nothing(
    settings, make_issue, subscribers, smtp_sink, monkeypatch
):
    settings.NEWSLETTER_BATCH_SIZE = 10
    settings.NEWSLETTER_COMMIT_EVERY = 4
    subscribers(25)
    issue = make_issue()
    tasks.queue_issue(issue)
    real_raw = emails.RenderedIssue.raw
    calls = {"n": 0}

    def raw(self, *args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 9:
            raise Killed  # killed after two groups, before the third one begins
        return real_raw(self, *args, **kwargs)

    monkeypatch.setattr(emails.RenderedIssue, "raw", raw)
    with pytest.raises(Killed):
        sending.deliver(issue.pk)
    monkeypatch.undo()
    assert len(smtp_sink.messages) == 8
    assert not Delivery.objects.filter(issue=issue, status="sending").exists()
    Delivery.objects.filter(issue=issue).update(claimed_until=timezone.now())
    assert sending.deliver(issue.pk).finished
    counts = received(smtp_sink)
    assert len(counts) == 25
    assert set(counts.values()) == {1}


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_workers_at_once_send_each_message_once(settings, make_issue, subscribers, smtp_sink):
    if connection.vendor == "sqlite":
        pytest.skip(
            "threads share one in-memory SQLite test database; bench/newsletter.py "
            "runs two worker processes on SQLite"
        )
    settings.NEWSLETTER_BATCH_SIZE = 7
    subscribers(120)
    issue = make_issue()
    tasks.queue_issue(issue)
    results = []

    def worker():
        try:
            results.append(sending.deliver(issue.pk))
        finally:
            connection.close()

    threads = [threading.Thread(target=worker) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    counts = received(smtp_sink)
    assert len(counts) == 120
    assert set(counts.values()) == {1}
    assert sum(r.sent for r in results) == 120
    assert all(r.sent for r in results), "every worker took a share"


def test_server_down_retries_with_backoff(
    settings, make_issue, subscribers, smtp_sink, django_capture_on_commit_callbacks
):
    subscribers(3)
    issue = make_issue()
    tasks.queue_issue(issue)
    settings.EMAIL_PORT = 1  # nothing listens there
    result = tasks.deliver_issue.call(issue.pk)
    assert result["retry_in"] == 30
    assert Delivery.objects.filter(issue=issue, status="pending", claimed_by="").count() == 3
    from django_tasks_db.models import DBTaskResult

    retry = DBTaskResult.objects.filter(args_kwargs__args=[issue.pk, 1]).get()
    assert retry.run_after > timezone.now() + dt.timedelta(seconds=20)
    assert tasks.backoff(10) == dt.timedelta(hours=1)

    settings.EMAIL_PORT = smtp_sink.port
    assert tasks.deliver_issue.call(issue.pk, 1)["finished"]
    assert len(smtp_sink.messages) == 3


def test_scheduled_issue_waits_for_its_time(make_issue, subscribers, smtp_sink):
    subscribers(2)
    issue = make_issue()
    later = timezone.now() + dt.timedelta(hours=2)
    tasks.queue_issue(issue, send_at=later)
    assert tasks.deliver_issue.call(issue.pk) == {"skipped": "scheduled"}
    assert not smtp_sink.messages
    from django_tasks_db.models import DBTaskResult

    queued = DBTaskResult.objects.filter(task_path__endswith="deliver_issue")
    assert {r.run_after for r in queued} == {later}
    NewsletterIssuePage.objects.filter(pk=issue.pk).update(send_at=timezone.now())
    assert tasks.deliver_issue.call(issue.pk)["finished"]
    assert len(smtp_sink.messages) == 2
