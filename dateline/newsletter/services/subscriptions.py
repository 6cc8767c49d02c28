"""Signing up, confirming, preferences and leaving: the subscriber's side of the newsletter."""

import datetime as dt
import secrets
from typing import NamedTuple

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from wagtail.models import Locale

from .. import editions, emails, tokens
from ..models import Subscriber

CONFIRMATION_INTERVAL = dt.timedelta(hours=1)


def set_editions(subscriber: Subscriber, choice: str) -> None:
    """Give the (saved) subscriber the editions a form's ``choice`` stands for."""
    subscriber.editions.set(_locales(choice))


def _locales(choice: str):
    return Locale.objects.filter(language_code__in=editions.codes_for(choice))


class Notice(NamedTuple):
    """An email a signup owes its reader, sent by a task (``tasks.send_signup_notice``):
    a confirmation link for ``nonce``, or a note that the address is subscribed already."""

    subscriber_id: int
    template: str
    nonce: str


def signup(email: str, edition: str, language: str) -> Notice | None:
    """Record a signup and say what to mail, saying nothing to the caller about the address.

    A new or pending address gets a confirmation link (at most one an hour, so the form cannot
    mail-bomb a stranger); a subscribed one gets a note with its preferences link, as rarely;
    an address that left is pending again.
    """
    now = timezone.now()
    # No savepoint of its own: nothing here recovers from an error, the caller's
    # transaction (tasks.sign_up) goes back whole.
    with transaction.atomic(savepoint=False):
        subscriber, created = Subscriber.objects.select_for_update().get_or_create(
            email=email,
            defaults={
                "language": language,
                "confirm_nonce": secrets.token_hex(8),
                "confirmation_sent_at": now,
            },
        )
        if created:  # most signups: the address and its editions, written once each
            subscriber.editions.add(*_locales(edition))
            return Notice(subscriber.pk, "confirm", subscriber.confirm_nonce)
        recently = (
            subscriber.confirmation_sent_at
            and now - subscriber.confirmation_sent_at < CONFIRMATION_INTERVAL
        )
        if recently:
            return None
        if subscriber.status == Subscriber.Status.CONFIRMED:
            template = "already_subscribed"
        else:
            # A new link starts the address's NEWSLETTER_PENDING_DAYS again: the periodic
            # purge (purge_expired_pending) forgets it only if this one goes unused too.
            subscriber.status = Subscriber.Status.PENDING
            subscriber.created_at = now
            set_editions(subscriber, edition)
            subscriber.language = language
            subscriber.confirm_nonce = secrets.token_hex(8)
            template = "confirm"
        subscriber.confirmation_sent_at = now
        subscriber.save()
    return Notice(subscriber.pk, template, subscriber.confirm_nonce)


def send_notice(notice: Notice) -> bool:
    """Mail ``notice`` if it still stands (the link was not replaced, the reader did not
    confirm or leave in the meantime); whether it was sent. Raises MailNotSent."""
    subscriber = Subscriber.objects.filter(pk=notice.subscriber_id).first()
    if not _still_owed(subscriber, notice):
        return False
    with translation.override(subscriber.language):
        if notice.template == "confirm":
            subject = _("Please confirm your subscription")
            extra = {
                "confirm_url": emails.absolute(
                    reverse("newsletter:confirm", args=[tokens.confirm_token(subscriber)])
                )
            }
        else:
            subject, extra = _("You are already subscribed"), {}
    try:
        emails.notice(subscriber, notice.template, subject, **extra).send()
    except OSError as error:  # smtplib's errors and a refused connection alike
        raise MailNotSent from error
    return True


def _still_owed(subscriber: Subscriber | None, notice: Notice) -> bool:
    if subscriber is None:
        return False
    if notice.template == "confirm":
        return (
            subscriber.status == Subscriber.Status.PENDING
            and subscriber.confirm_nonce == notice.nonce
        )
    return subscriber.status == Subscriber.Status.CONFIRMED


def notice_not_delivered(notice: Notice) -> None:
    """The mail server never took ``notice``: lift the hour's limit, so that the reader's
    next signup sends another."""
    Subscriber.objects.filter(pk=notice.subscriber_id).update(confirmation_sent_at=None)


class MailNotSent(Exception):
    """The mail server did not take a signup's message."""


def purge_expired_pending() -> int:
    """Forget addresses never confirmed within NEWSLETTER_PENDING_DAYS of their last
    signup; how many. A periodic job (hourly), not part of a reader's signup."""
    cutoff = timezone.now() - dt.timedelta(days=settings.NEWSLETTER_PENDING_DAYS)
    _total, deleted = Subscriber.objects.filter(
        status=Subscriber.Status.PENDING, created_at__lt=cutoff
    ).delete()
    return deleted.get(Subscriber._meta.label, 0)  # not counting their editions' rows


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


def update_preferences(subscriber: Subscriber, edition: str, paused: bool) -> None:
    with transaction.atomic():
        set_editions(subscriber, edition)
        subscriber.paused = paused
        subscriber.save(update_fields=["paused"])


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
