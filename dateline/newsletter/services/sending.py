"""Sending an issue: a test to one editor, and batches of the send log over one SMTP
connection each, by any number of workers at once."""

import datetime as dt
import logging
import smtplib
import socket
import uuid
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import get_connection
from django.utils.translation import gettext as _

from .. import emails
from ..models import NewsletterIssuePage
from . import send_log, smtp

log = logging.getLogger(__name__)


class SmtpUnavailable(Exception):
    """The mail server could not be reached or dropped the connection: retry later."""


def send_test(issue: NewsletterIssuePage, email: str) -> None:
    """The issue as subscribers will get it, to one editor; no send log, no unsubscribing."""
    message = emails.render_issue(issue).message(0, email)
    message.subject = _("[Test] %(subject)s") % {"subject": message.subject}
    message.send()


def send_batch(rendered: emails.RenderedIssue, batch: list, worker: str) -> tuple[int, int]:
    """Send a claimed batch over one SMTP connection; (sent, refused).

    The batch goes in groups (see ``send_log.Group``): its rows are committed ``sending``
    before the group's first message and ``sent`` or ``failed`` after the last answer. A
    worker killed mid-group leaves at most that group in doubt; one that meets an error
    records every answer it had and puts the rest back, so only a message whose answer was
    lost stays in doubt. A recipient the server refuses is marked failed and never retried;
    a server that is down raises SmtpUnavailable after releasing the rest.
    """
    sent = refused = 0
    backend = get_connection(fail_silently=False)
    group = None
    try:
        if not hasattr(backend, "connection"):  # not SMTP (locmem, console, an ESP): use its API
            return _send_batch_with_backend(rendered, batch, worker, backend)
        backend.open()
        connection = backend.connection
        # Each command and each message is one write already; nothing gains by being held
        # back for a delayed ACK.
        connection.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        sender = settings.NEWSLETTER_FROM_EMAIL
        for rows in send_log.groups(batch):
            # Rendered before the first commit, so that none of the group waits on it.
            messages = [(pk, email, rendered.raw(sid, email)) for pk, sid, email in rows]
            group = send_log.Group(worker, [pk for pk, _, _ in rows])
            mine = group.begin()
            for pk, email, data in messages:
                if pk not in mine:
                    continue
                if error := _hand_over(connection, sender, email, data, group, pk):
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
        send_log.release(worker, rendered.issue_id)
        raise SmtpUnavailable(str(error)) from error
    finally:
        try:
            backend.close()
        except Exception:  # noqa: BLE001 - closing a broken connection must not mask the error
            log.debug("SMTP close failed", exc_info=True)
    return sent, refused


def _hand_over(connection, sender: str, email: str, data: bytes, group, pk: int) -> str:
    """One message; "" once the server kept it, the reason if it refused it for good.

    A temporary refusal or a broken connection raises; ``group.unanswered`` then says
    whether the final dot had gone out.
    """
    try:
        smtp.transmit(connection, sender, email, data, lambda: setattr(group, "unanswered", pk))
    except smtplib.SMTPRecipientsRefused as error:
        code, reason = next(iter(error.recipients.values()))
        connection.rset()
        return f"{code} {reason!r}"
    except smtplib.SMTPResponseException as error:
        group.unanswered = None  # the server answered, so the message is certainly not kept
        if 500 <= error.smtp_code < 600:
            connection.rset()
            return str(error)
        raise
    return ""


def _send_batch_with_backend(rendered, batch, worker, backend) -> tuple[int, int]:
    """The same groups through Django's email API, for backends that are not SMTP (an ESP's
    API call is the whole hand-over, so a message is in doubt from the call to its return)."""
    sent = 0
    backend.open()
    for rows in send_log.groups(batch):
        group = send_log.Group(worker, [pk for pk, _, _ in rows])
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
    rendered = emails.render_issue(issue.specific)
    worker = uuid.uuid4().hex
    batches = 0
    while max_batches is None or batches < max_batches:
        batch = send_log.claim_batch(issue_id, worker, settings.NEWSLETTER_BATCH_SIZE)
        if not batch:
            break
        sent, refused = send_batch(rendered, batch, worker)
        result.sent += sent
        result.refused += refused
        batches += 1
    result.finished, result.retry_at = send_log.finish(issue_id)
    return result
