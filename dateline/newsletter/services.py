"""Writes for the newsletter: signups, confirmations, preferences, digests and sending."""

import datetime as dt
import logging
import secrets
import smtplib
import socket
import uuid
from dataclasses import dataclass, field

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured
from django.core.mail import get_connection
from django.db import transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from wagtail.models import Locale, Page

from . import emails, selectors, tokens
from .models import Delivery, IssueStory, NewsletterIndexPage, NewsletterIssuePage, Subscriber

log = logging.getLogger(__name__)
CONFIRMATION_INTERVAL = dt.timedelta(hours=1)


# --- Signup and preferences -------------------------------------------------------------


def rate_limited(key: str, limit: tuple[int, int]) -> bool:
    """Count one more hit on ``key``; True once it passes ``limit`` = (count, seconds)."""
    count, seconds = limit
    cache_key = f"newsletter-rate:{key}"
    if cache.add(cache_key, 1, seconds):
        return count < 1
    try:
        return cache.incr(cache_key) > count
    except ValueError:  # expired between add and incr
        cache.add(cache_key, 1, seconds)
        return False


def signup(email: str, edition: str, language: str) -> None:
    """Record a signup and mail what fits, saying nothing to the caller about the address.

    A new or pending address gets a confirmation link (at most one an hour, so the form cannot
    mail-bomb a stranger); a subscribed one gets a note with its preferences link, as rarely;
    an address that left is pending again.
    """
    purge_expired_pending()
    now = timezone.now()
    with transaction.atomic():
        subscriber, created = Subscriber.objects.select_for_update().get_or_create(
            email=email, defaults={"language": language}
        )
        recently = (
            subscriber.confirmation_sent_at
            and now - subscriber.confirmation_sent_at < CONFIRMATION_INTERVAL
        )
        if recently:
            return
        if subscriber.status == Subscriber.Status.CONFIRMED:
            template, subject = "already_subscribed", _("You are already subscribed")
        else:
            if subscriber.status != Subscriber.Status.PENDING:
                subscriber.status = Subscriber.Status.PENDING
                subscriber.created_at = now
            subscriber.set_edition(edition)
            subscriber.language = language
            subscriber.confirm_nonce = secrets.token_hex(8)
            template, subject = "confirm", _("Please confirm your subscription")
        subscriber.confirmation_sent_at = now
        subscriber.save()
    extra = {}
    if template == "confirm":
        with translation.override(language):
            extra["confirm_url"] = emails.absolute(
                reverse("newsletter:confirm", args=[tokens.confirm_token(subscriber)])
            )
    emails.notice(subscriber, template, subject, **extra).send()


def purge_expired_pending() -> int:
    cutoff = timezone.now() - dt.timedelta(days=settings.NEWSLETTER_PENDING_DAYS)
    deleted, _ = Subscriber.objects.filter(
        status=Subscriber.Status.PENDING, created_at__lt=cutoff
    ).delete()
    return deleted


class AlreadyUsed(Exception):
    """A confirmation link that was used already (or replaced by a newer one)."""


def confirm(token: str) -> Subscriber:
    """Confirm the address a link was sent to. Raises tokens.BadToken or AlreadyUsed."""
    pk, nonce = tokens.read_confirm_token(token)
    with transaction.atomic():
        subscriber = Subscriber.objects.select_for_update().filter(pk=pk).first()
        if subscriber is None:
            raise tokens.BadToken(expired=True)  # a pending address that was purged
        if subscriber.status != Subscriber.Status.PENDING or subscriber.confirm_nonce != nonce:
            raise AlreadyUsed
        subscriber.status = Subscriber.Status.CONFIRMED
        subscriber.confirmed_at = timezone.now()
        subscriber.confirm_nonce = ""
        subscriber.paused = False
        subscriber.save()
    return subscriber


def subscriber_for(token: str) -> Subscriber:
    """The subscriber a manage link belongs to. Raises tokens.BadToken."""
    subscriber = Subscriber.objects.filter(pk=tokens.read_manage_token(token)).first()
    if subscriber is None:
        raise tokens.BadToken
    return subscriber


def update_preferences(subscriber: Subscriber, edition: str, paused: bool) -> None:
    subscriber.set_edition(edition)
    subscriber.paused = paused
    subscriber.save(update_fields=["wants_en", "wants_ru", "paused"])


def unsubscribe(subscriber: Subscriber) -> bool:
    """Stop all mail to the subscriber; False if they had already left."""
    if subscriber.status == Subscriber.Status.UNSUBSCRIBED:
        return False
    subscriber.status = Subscriber.Status.UNSUBSCRIBED
    subscriber.unsubscribed_at = timezone.now()
    subscriber.confirm_nonce = ""
    subscriber.save(update_fields=["status", "unsubscribed_at", "confirm_nonce"])
    return True


def record_feedback(email: str, kind: str) -> bool:
    """A bounce or spam complaint reported by an email service (anymail webhook)."""
    status = {"bounced": Subscriber.Status.BOUNCED, "complained": Subscriber.Status.COMPLAINED}
    if kind not in status:
        return False
    return bool(
        Subscriber.objects.filter(email__iexact=email)
        .exclude(status=Subscriber.Status.UNSUBSCRIBED)
        .update(status=status[kind])
    )


# --- Digests ------------------------------------------------------------------------------


def assemble_digest(
    index_page: NewsletterIndexPage,
    week_ending: dt.datetime | None = None,
    limit: int = 8,
    popularity: selectors.Popularity | None = None,
) -> NewsletterIssuePage:
    """A draft issue with the week's stories of the archive's edition, for editors to finish."""
    until = week_ending or timezone.now()
    since = until - dt.timedelta(days=7)
    home = index_page.get_parent().specific
    ids = selectors.digest_candidates(
        index_page.locale,
        since,
        until,
        limit=limit,
        lead_story_id=getattr(home, "lead_story_id", None),
        popularity=popularity,
    )
    date = timezone.localtime(until).date()
    with translation.override(index_page.locale.language_code):
        title = _("The week in the region, %(date)s") % {"date": date_format(date, "j E Y")}
    slug = f"week-{date.isoformat()}"
    suffix = 1
    while NewsletterIssuePage.objects.child_of(index_page).filter(slug=slug).exists():
        suffix += 1
        slug = f"week-{date.isoformat()}-{suffix}"
    issue = NewsletterIssuePage(title=title, slug=slug, locale=index_page.locale, live=False)
    issue.stories = [IssueStory(article_id=pk, sort_order=n) for n, pk in enumerate(ids)]
    index_page.add_child(instance=issue)
    issue.save_revision()
    return issue


def digest_due_at(now: dt.datetime) -> dt.datetime:
    """The latest weekly digest time at or before ``now``: NEWSLETTER_DIGEST_WEEKDAY (0 is
    Monday) at NEWSLETTER_DIGEST_HOUR, in the newsroom's TIME_ZONE (so 7:00 stays 7:00 on
    both sides of a clock change)."""
    local = timezone.localtime(now)
    days_back = (local.weekday() - settings.NEWSLETTER_DIGEST_WEEKDAY) % 7
    day = local.date() - dt.timedelta(days=days_back)
    due = timezone.make_aware(dt.datetime.combine(day, dt.time(settings.NEWSLETTER_DIGEST_HOUR)))
    return due if due <= now else due - dt.timedelta(days=7)


def digest_send_at(due: dt.datetime) -> dt.datetime | None:
    """When a digest assembled at ``due`` goes out by itself (NEWSLETTER_DIGEST_SEND: "now",
    or "HH:MM" that day, or the next day if that is earlier), or None to leave it a draft."""
    choice = settings.NEWSLETTER_DIGEST_SEND.strip()
    if not choice:
        return None
    if choice == "now":
        return due
    try:
        at = dt.time.fromisoformat(choice)
    except ValueError as error:
        raise ImproperlyConfigured(
            f'NEWSLETTER_DIGEST_SEND must be empty, "now" or a time like "09:30", not {choice!r}.'
        ) from error
    send_at = timezone.make_aware(dt.datetime.combine(timezone.localtime(due).date(), at))
    return send_at if send_at >= due else send_at + dt.timedelta(days=1)


def assemble_due_digest(
    index_page: NewsletterIndexPage,
    due: dt.datetime,
    popularity: selectors.Popularity | None = None,
) -> NewsletterIssuePage | None:
    """This week's digest of one archive, unless it exists already (None then).

    Call inside a transaction: the archive's row is locked, so of two workers that get here
    at once the second waits, then finds the first one's digest.
    """
    list(Page.objects.select_for_update().filter(pk=index_page.pk).values_list("pk"))
    slug = f"week-{timezone.localtime(due).date().isoformat()}"
    if NewsletterIssuePage.objects.child_of(index_page).filter(slug=slug).exists():
        return None
    return assemble_digest(index_page, week_ending=due, popularity=popularity)


def assemble_weekly_digests(popularity: selectors.Popularity | None = None) -> list:
    return [
        assemble_digest(index, popularity=popularity)
        for index in NewsletterIndexPage.objects.live().order_by("path")
    ]


# --- Sending ------------------------------------------------------------------------------


def send_test(issue: NewsletterIssuePage, email: str) -> None:
    """The issue as subscribers will get it, to one editor; no send log, no unsubscribing."""
    message = emails.render_issue(issue).message(0, email)
    message.subject = _("[Test] %(subject)s") % {"subject": message.subject}
    message.send()


def prepare_sending(issue: NewsletterIssuePage, send_at: dt.datetime | None = None) -> int:
    """Write the send log (one pending row per recipient) and mark the issue for sending.

    Idempotent: a second call adds only recipients who confirmed since, never a second row.
    Returns how many rows the log has.
    """
    if not issue.live:
        raise ValueError(_("Publish the issue before sending it."))
    existing = set(Delivery.objects.filter(issue=issue).values_list("subscriber_id", flat=True))
    new_ids = [
        pk
        for pk in Subscriber.objects.filter(selectors.recipients(issue))
        .order_by("pk")
        .values_list("pk", flat=True)
        .iterator(chunk_size=5000)
        if pk not in existing
    ]
    for start in range(0, len(new_ids), 2000):
        Delivery.objects.bulk_create(
            [Delivery(issue=issue, subscriber_id=pk) for pk in new_ids[start : start + 2000]],
            ignore_conflicts=True,
        )
    now = timezone.now()
    NewsletterIssuePage.objects.filter(pk=issue.pk).update(
        send_status=(
            NewsletterIssuePage.SendStatus.SCHEDULED
            if send_at and send_at > now
            else NewsletterIssuePage.SendStatus.SENDING
        ),
        send_at=send_at,
        send_started_at=now,
    )
    return len(existing) + len(new_ids)


UNSENT = [Delivery.Status.PENDING, Delivery.Status.SENDING]


def claim_batch(issue_id: int, worker: str, size: int) -> list[tuple[int, int, str]]:
    """Claim up to ``size`` unsent rows whose lease is free: [(delivery, subscriber, email)].

    A row still ``sending`` when its lease ran out belongs to a worker that died before it had
    recorded the server's answer for it: nobody can know whether that server kept the
    message. The rule (docs/decisions.md, "The in-flight window"): send it again, with the
    same Message-ID, and mark it ``doubtful`` so the admin can say how many readers may hold
    two identical copies. Skipping a reader is the worse failure.
    """
    now = timezone.now()
    with transaction.atomic():
        candidates = list(
            Delivery.objects.select_for_update(skip_locked=True)
            .filter(issue_id=issue_id, status__in=UNSENT)
            .exclude(claimed_until__gte=now)
            .order_by("pk")
            .values_list("pk", flat=True)[:size]
        )
        if not candidates:
            return []
        in_doubt = Delivery.objects.filter(pk__in=candidates, status=Delivery.Status.SENDING)
        if doubtful := in_doubt.update(status=Delivery.Status.PENDING, doubtful=True):
            log.warning(
                "Issue %s: %s message(s) in flight when a worker died; sending again "
                "with the same Message-ID",
                issue_id,
                doubtful,
            )
        Delivery.objects.filter(pk__in=candidates).update(
            claimed_by=worker,
            claimed_until=now + dt.timedelta(seconds=settings.NEWSLETTER_CLAIM_SECONDS),
            attempts=F("attempts") + 1,
        )
    return list(
        Delivery.objects.filter(pk__in=candidates, claimed_by=worker)
        .order_by("pk")
        .values_list("pk", "subscriber_id", "subscriber__email")
    )


class SmtpUnavailable(Exception):
    """The mail server could not be reached or dropped the connection: retry later."""


@dataclass
class _Group:
    """Up to NEWSLETTER_COMMIT_EVERY rows of a batch and the two commits around them.

    ``begin`` commits them ``sending`` before the first message; ``settle`` commits what the
    server answered once the last one is answered. Two commits per group rather than two per
    message is what makes a large send fast (docs/decisions.md, "The in-flight window"): a
    worker killed in between leaves the whole group ``sending``, to be sent again as doubtful.
    """

    worker: str
    pks: list[int]
    sent: list[int] = field(default_factory=list)
    failed: dict[int, str] = field(default_factory=dict)
    # The row whose final dot went out and whose answer has not come back.
    unanswered: int | None = None

    def begin(self) -> set[int]:
        """Commit the rows ``sending``; returns those still this worker's (a lease that ran
        out may have passed some to another worker, which sends them instead)."""
        mine = Delivery.objects.filter(pk__in=self.pks, claimed_by=self.worker)
        marked = mine.filter(status=Delivery.Status.PENDING).update(status=Delivery.Status.SENDING)
        if marked < len(self.pks):
            self.pks = list(
                mine.filter(status=Delivery.Status.SENDING).values_list("pk", flat=True)
            )
        return set(self.pks)

    def answered(self, pk: int, error: str = "") -> None:
        if error:
            self.failed[pk] = error[:300]
        else:
            self.sent.append(pk)
        self.unanswered = None

    def settle(self) -> None:
        """Commit the answers in one transaction. Rows not handed over (the group stopped
        early on an error) wait again; only ``unanswered`` stays ``sending``, in doubt."""
        answered = {*self.sent, *self.failed}
        waiting = [pk for pk in self.pks if pk not in answered and pk != self.unanswered]
        mine = Delivery.objects.filter(claimed_by=self.worker, status=Delivery.Status.SENDING)
        with transaction.atomic():
            if self.sent:
                mine.filter(pk__in=self.sent).update(
                    status=Delivery.Status.SENT, sent_at=timezone.now()
                )
            for pk, error in self.failed.items():
                mine.filter(pk=pk).update(status=Delivery.Status.FAILED, error=error)
            if waiting:
                mine.filter(pk__in=waiting).update(status=Delivery.Status.PENDING)


def _groups(batch: list):
    """The batch in groups of NEWSLETTER_COMMIT_EVERY rows."""
    size = max(1, settings.NEWSLETTER_COMMIT_EVERY)
    for start in range(0, len(batch), size):
        yield batch[start : start + size]


def _quote_periods(data: bytes) -> bytes:
    """RFC 5321 4.5.2 dot-stuffing, and the CRLF the final dot must follow."""
    data = data.replace(b"\r\n.", b"\r\n..")
    if data.startswith(b"."):
        data = b"." + data
    return data if data.endswith(b"\r\n") else data + b"\r\n"


def transmit(smtp: smtplib.SMTP, sender: str, email: str, data: bytes, before_dot) -> None:
    """MAIL, RCPT and DATA for one message, calling ``before_dot()`` just before the final
    dot: up to the dot the server cannot have accepted the message, so what ``before_dot``
    commits is true until the server's answer. smtplib.SMTP.sendmail has no such point.

    Raises SMTPRecipientsRefused, SMTPDataError (the server answered, so nothing is in
    doubt) or SMTPServerDisconnected/OSError (the message may or may not have been kept).
    """
    smtp.ehlo_or_helo_if_needed()
    code, reply = smtp.mail(sender)
    if code != 250:
        raise smtplib.SMTPSenderRefused(code, reply, sender)
    code, reply = smtp.rcpt(email)
    if code not in (250, 251):
        raise smtplib.SMTPRecipientsRefused({email: (code, reply)})
    smtp.putcmd("data")
    code, reply = smtp.getreply()
    if code != 354:
        raise smtplib.SMTPDataError(code, reply)
    before_dot()
    # The message and its final dot in one write: a dot sent on its own after the message
    # waits, under Nagle's algorithm, for the server's delayed ACK (40 ms on Linux: 45 ms
    # a message instead of 2).
    smtp.send(_quote_periods(data) + b".\r\n")
    code, reply = smtp.getreply()
    if code != 250:
        raise smtplib.SMTPDataError(code, reply)


def send_batch(rendered: emails.RenderedIssue, batch: list, worker: str) -> tuple[int, int]:
    """Send a claimed batch over one SMTP connection; (sent, refused).

    The batch goes in groups (see ``_Group``): its rows are committed ``sending`` before the
    group's first message and ``sent`` or ``failed`` after the last answer. A worker killed
    mid-group leaves at most that group in doubt; one that meets an error records every
    answer it had and puts the rest back, so only a message whose answer was lost stays in
    doubt. A recipient the server refuses is marked failed and never retried; a server that
    is down raises SmtpUnavailable after releasing the rest.
    """
    sent = refused = 0
    backend = get_connection(fail_silently=False)
    group = None
    try:
        if not hasattr(backend, "connection"):  # not SMTP (locmem, console, an ESP): use its API
            return _send_batch_with_backend(rendered, batch, worker, backend)
        backend.open()
        smtp = backend.connection
        # Each command and each message is one write already; nothing gains by being held
        # back for a delayed ACK.
        smtp.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        sender = settings.NEWSLETTER_FROM_EMAIL
        for rows in _groups(batch):
            # Rendered before the first commit, so that none of the group waits on it.
            messages = [(pk, email, rendered.raw(sid, email)) for pk, sid, email in rows]
            group = _Group(worker, [pk for pk, _, _ in rows])
            mine = group.begin()
            for pk, email, data in messages:
                if pk not in mine:
                    continue
                if error := _hand_over(smtp, sender, email, data, group, pk):
                    group.answered(pk, error)
                    refused += 1
                else:
                    group.answered(pk)
                    sent += 1
            group.settle()
            group = None
    except (smtplib.SMTPException, OSError) as error:
        if group is not None:
            group.settle()
        release(worker, rendered.issue_id)
        raise SmtpUnavailable(str(error)) from error
    finally:
        try:
            backend.close()
        except Exception:  # noqa: BLE001 - closing a broken connection must not mask the error
            log.debug("SMTP close failed", exc_info=True)
    return sent, refused


def _hand_over(smtp, sender: str, email: str, data: bytes, group: _Group, pk: int) -> str:
    """One message; "" once the server kept it, the reason if it refused it for good.

    A temporary refusal or a broken connection raises; ``group.unanswered`` then says
    whether the final dot had gone out.
    """
    try:
        transmit(smtp, sender, email, data, lambda: setattr(group, "unanswered", pk))
    except smtplib.SMTPRecipientsRefused as error:
        code, reason = next(iter(error.recipients.values()))
        smtp.rset()
        return f"{code} {reason!r}"
    except smtplib.SMTPResponseException as error:
        group.unanswered = None  # the server answered, so the message is certainly not kept
        if 500 <= error.smtp_code < 600:
            smtp.rset()
            return str(error)
        raise
    return ""


def _send_batch_with_backend(rendered, batch, worker, backend) -> tuple[int, int]:
    """The same groups through Django's email API, for backends that are not SMTP (an ESP's
    API call is the whole hand-over, so a message is in doubt from the call to its return)."""
    sent = 0
    backend.open()
    for rows in _groups(batch):
        group = _Group(worker, [pk for pk, _, _ in rows])
        mine = group.begin()
        try:
            for pk, subscriber_id, email in rows:
                if pk not in mine:
                    continue
                group.unanswered = pk
                backend.send_messages([rendered.message(subscriber_id, email, connection=backend)])
                group.answered(pk)
                sent += 1
        except Exception:
            group.settle()
            raise
        group.settle()
    return sent, 0


def release(worker: str, issue_id: int) -> None:
    """Give back this worker's unsent rows so another batch can take them at once.

    A row left ``sending`` (the connection broke after the final dot) has its lease ended
    now, so the next claim applies the in-flight rule to it like to a dead worker's.
    """
    mine = Delivery.objects.filter(issue_id=issue_id, claimed_by=worker)
    mine.filter(status=Delivery.Status.PENDING).update(claimed_by="", claimed_until=None)
    mine.filter(status=Delivery.Status.SENDING).update(claimed_until=timezone.now())


@dataclass
class DeliverResult:
    sent: int = 0
    refused: int = 0
    finished: bool = False
    retry_at: dt.datetime | None = None


def deliver(issue_id: int, max_batches: int | None = None) -> DeliverResult:
    """Send batches of ``issue_id`` until none is left to claim (or ``max_batches``).

    Any number of these may run at once, in any number of processes: each row is claimed by
    one of them at a time. ``finished`` is true once every row is sent or refused; otherwise
    ``retry_at`` says when rows held by a vanished worker come free.
    """
    issue = NewsletterIssuePage.objects.filter(pk=issue_id).select_related("locale").first()
    result = DeliverResult()
    if issue is None:
        result.finished = True
        return result
    issue = issue.specific
    rendered = emails.render_issue(issue)
    worker = uuid.uuid4().hex
    batches = 0
    while max_batches is None or batches < max_batches:
        batch = claim_batch(issue_id, worker, settings.NEWSLETTER_BATCH_SIZE)
        if not batch:
            break
        sent, refused = send_batch(rendered, batch, worker)
        result.sent += sent
        result.refused += refused
        batches += 1
    unsent = Delivery.objects.filter(issue_id=issue_id, status__in=UNSENT)
    if not unsent.exists():
        result.finished = True
        NewsletterIssuePage.objects.filter(
            pk=issue_id, send_status=NewsletterIssuePage.SendStatus.SENDING
        ).update(send_status=NewsletterIssuePage.SendStatus.SENT, send_finished_at=timezone.now())
    else:
        held = unsent.filter(claimed_until__isnull=False).order_by("claimed_until").first()
        result.retry_at = held.claimed_until if held else timezone.now()
    return result


def sending_issue_ids() -> list[int]:
    return list(
        NewsletterIssuePage.objects.filter(
            send_status__in=[
                NewsletterIssuePage.SendStatus.SENDING,
                NewsletterIssuePage.SendStatus.SCHEDULED,
            ]
        ).values_list("pk", flat=True)
    )


def edition_index(locale: Locale) -> NewsletterIndexPage | None:
    return NewsletterIndexPage.objects.live().filter(locale=locale).first()
