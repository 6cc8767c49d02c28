"""Writes of the syndication floor: counting republished views."""

from urllib.parse import urlsplit

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from .models import RepublishedView

UNKNOWN_PARTNER = "unknown"


def partner_from_referer(referer: str, own_hosts: set[str]) -> str | None:
    """The partner's host name from the Referer header; "unknown" when the browser sent
    none (many do not, by policy); None for our own pages, which must not count."""
    host = (urlsplit(referer).hostname or "").lower().removeprefix("www.") if referer else ""
    if not host:
        return UNKNOWN_PARTNER
    if host in own_hosts:
        return None
    return host[:253]


def count_republished_view(article_id: int, partner: str) -> None:
    """Add one view of ``partner``'s copy of the article (one UPDATE, or one INSERT)."""
    updated = RepublishedView.objects.filter(article_id=article_id, partner=partner).update(
        views=F("views") + 1, last_seen=timezone.now()
    )
    if updated:
        return
    try:
        with transaction.atomic():
            RepublishedView.objects.create(article_id=article_id, partner=partner, views=1)
    except IntegrityError:  # another request created it first
        RepublishedView.objects.filter(article_id=article_id, partner=partner).update(
            views=F("views") + 1, last_seen=timezone.now()
        )
