"""The send log: one row per issue and recipient, the leases workers claim rows under, and
the two commits around each group of messages (docs/decisions.md, "The in-flight window")."""

import datetime as dt
import logging
from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from .. import selectors
from ..models import Delivery, NewsletterIssuePage, Subscriber

log = logging.getLogger(__name__)
UNSENT = [Delivery.Status.PENDING, Delivery.Status.SENDING]


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


def release(worker: str, issue_id: int) -> None:
    """Give back this worker's unsent rows so another batch can take them at once.

    A row left ``sending`` (the connection broke after the final dot) has its lease ended
    now, so the next claim applies the in-flight rule to it like to a dead worker's.
    """
    mine = Delivery.objects.filter(issue_id=issue_id, claimed_by=worker)
    mine.filter(status=Delivery.Status.PENDING).update(claimed_by="", claimed_until=None)
    mine.filter(status=Delivery.Status.SENDING).update(claimed_until=timezone.now())


def groups(batch: list):
    """The batch in groups of NEWSLETTER_COMMIT_EVERY rows."""
    size = max(1, settings.NEWSLETTER_COMMIT_EVERY)
    for start in range(0, len(batch), size):
        yield batch[start : start + size]


@dataclass
class Group:
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


def finish(issue_id: int) -> tuple[bool, dt.datetime | None]:
    """Mark the issue sent once no row is left unsent: (finished, retry at). Otherwise the
    retry time is when the first row held by a vanished worker comes free."""
    unsent = Delivery.objects.filter(issue_id=issue_id, status__in=UNSENT)
    if not unsent.exists():
        NewsletterIssuePage.objects.filter(
            pk=issue_id, send_status=NewsletterIssuePage.SendStatus.SENDING
        ).update(send_status=NewsletterIssuePage.SendStatus.SENT, send_finished_at=timezone.now())
        return True, None
    held = unsent.filter(claimed_until__isnull=False).order_by("claimed_until").first()
    return False, held.claimed_until if held else timezone.now()
