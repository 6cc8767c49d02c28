"""Background work for the newsletter, run by `dateline worker` (django-tasks-db)."""

import datetime as dt
import logging

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django_tasks import task

from . import selectors
from .models import NewsletterIndexPage, NewsletterIssuePage
from .services import digests, send_log, sending, subscriptions

log = logging.getLogger(__name__)
MAX_BACKOFF = 3600
# A signup's email is tried this many times (30 s, 1, 2, 4, ... 32 min apart: about an hour,
# the hour in which the reader could not sign up again anyway).
NOTICE_ATTEMPTS = 8


def backoff(attempt: int) -> dt.timedelta:
    """30 s, 1 min, 2 min, ... up to an hour between tries at a server that is down."""
    return dt.timedelta(seconds=min(30 * 2**attempt, MAX_BACKOFF))


@task()
def deliver_issue(issue_id: int, attempt: int = 0) -> dict:
    """Send ``issue_id`` to whoever is still waiting for it; several may run side by side."""
    now = timezone.now()
    NewsletterIssuePage.objects.filter(
        pk=issue_id, send_status=NewsletterIssuePage.SendStatus.SCHEDULED, send_at__lte=now
    ).update(send_status=NewsletterIssuePage.SendStatus.SENDING)
    status = (
        NewsletterIssuePage.objects.filter(pk=issue_id)
        .values_list("send_status", flat=True)
        .first()
    )
    if status != NewsletterIssuePage.SendStatus.SENDING:
        return {"skipped": status}
    try:
        result = sending.deliver(issue_id)
    except sending.SmtpUnavailable as error:
        wait = backoff(attempt)
        log.warning("Mail server unavailable (%s); issue %s retries in %s", error, issue_id, wait)
        deliver_issue.using(run_after=timezone.now() + wait).enqueue(issue_id, attempt + 1)
        return {"retry_in": wait.total_seconds()}
    if not result.finished and result.retry_at:
        # Rows held by a worker that vanished come free when its lease ends.
        deliver_issue.using(run_after=result.retry_at).enqueue(issue_id)
    return {"sent": result.sent, "refused": result.refused, "finished": result.finished}


def sign_up(email: str, edition: str, language: str) -> None:
    """Record a reader's signup and queue the email it owes them, in one transaction: the
    reader's request never waits for the mail server, and a worker retries a server that is
    down (docs/decisions.md: "A signup's email is sent by a task")."""
    with transaction.atomic():
        notice = subscriptions.signup(email, edition, language)
        if notice is not None:
            send_signup_notice.enqueue(*notice)


# Ahead of the queue's bulk work (search and reference indexing after an import or a busy
# hour of publishing): a reader is waiting for this email.
@task(priority=50)
def send_signup_notice(subscriber_id: int, template: str, nonce: str, attempt: int = 0) -> dict:
    notice = subscriptions.Notice(subscriber_id, template, nonce)
    try:
        sent = subscriptions.send_notice(notice)
    except subscriptions.MailNotSent as error:
        if attempt + 1 >= NOTICE_ATTEMPTS:
            log.error("Mail server never took signup email %s: %s; giving up", notice, error)
            subscriptions.notice_not_delivered(notice)
            return {"given_up": True}
        wait = backoff(attempt)
        log.warning("Mail server unavailable (%s); signup email retries in %s", error, wait)
        send_signup_notice.using(run_after=timezone.now() + wait).enqueue(*notice, attempt + 1)
        return {"retry_in": wait.total_seconds()}
    return {"sent": sent}


def queue_issue(issue: NewsletterIssuePage, send_at: dt.datetime | None = None) -> int:
    """Write the send log and enqueue the sending tasks (at ``send_at``, or now)."""
    count = send_log.prepare_sending(issue, send_at=send_at)
    run_after = send_at if send_at and send_at > timezone.now() else None
    for _ in range(max(1, settings.NEWSLETTER_PARALLEL_TASKS)):
        deliver_issue.using(run_after=run_after).enqueue(issue.pk)
    return count


def resume_sending(**kwargs) -> None:
    """On a worker's start: pick up issues left half-sent by workers that were killed."""
    for issue_id in selectors.sending_issue_ids():
        issue = NewsletterIssuePage.objects.get(pk=issue_id)
        run_after = issue.send_at if issue.send_at and issue.send_at > timezone.now() else None
        deliver_issue.using(run_after=run_after).enqueue(issue_id)


# How late a digest may still be assembled, when the workers were down at its hour.
DIGEST_GRACE = dt.timedelta(hours=12)


def weekly_digest(now: dt.datetime | None = None) -> list[int]:
    """The periodic job (``core.periodic``, every 15 minutes on one worker): once the week's
    digest time has come, assemble each edition's digest, and publish and queue it if the
    newsroom chose NEWSLETTER_DIGEST_SEND. Safe to run any number of times, by any number of
    workers: a digest that exists is left alone."""
    now = now or timezone.now()
    due = digests.digest_due_at(now)
    if now - due > DIGEST_GRACE:
        return []
    send_at = digests.digest_send_at(due)
    made = []
    for index in NewsletterIndexPage.objects.live().order_by("path"):
        with transaction.atomic():
            issue = digests.assemble_due_digest(index, due)
            if issue is None:
                continue
            made.append(issue.pk)
            if send_at is None:
                continue
            if not issue.stories.exists():
                log.warning("No stories this week in %s: digest %s left as a draft", index, issue)
                continue
            # In the same transaction as the digest: a worker killed half-way leaves no digest,
            # and the next run starts again, rather than a draft that never goes out.
            issue.save_revision().publish()
            issue.refresh_from_db()  # publish() saved a copy made from the revision
            queue_issue(issue, send_at=send_at)
    return made
