"""Counting views: append on the beacon, fold into daily totals in the background.

Nothing personal is kept. To ignore repeated reloads without cookies, a view is keyed by a
hash of the reader's address, browser and story with a salt that changes every day and
lives only in the cache; the hash itself lives only in the cache, for REPEAT_SECONDS.
"""

import datetime as dt
import hashlib
import logging
import re
import secrets

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models import Count, F
from django.db.models.functions import TruncDate
from django.http import HttpRequest
from django.utils import timezone

from dateline.core.clients import client_ip
from dateline.news.models import ArticlePage

from .models import DailyViews, PageView

log = logging.getLogger(__name__)

# Crawlers, link previewers, monitors and scripted clients announce themselves here.
BOT_PATTERN = re.compile(
    r"bot|crawl|spider|slurp|fetch|preview|scan|monitor|headless|lighthouse|python|curl|"
    r"wget|httpclient|java/|go-http|okhttp|axios|node-fetch|facebookexternalhit|embedly",
    re.IGNORECASE,
)
SCHEDULE_KEY = "audience:aggregation-scheduled"
PRUNE_DAILY_VIEWS_EVERY = dt.timedelta(days=1)
LOCK_KEY = "audience:aggregating"


def is_bot(user_agent: str) -> bool:
    """Whether a User-Agent is a robot's (an empty one counts as a robot)."""
    return not user_agent or bool(BOT_PATTERN.search(user_agent))


def _daily_salt() -> str:
    today = timezone.localdate().isoformat()
    return cache.get_or_set(f"audience:salt:{today}", lambda: secrets.token_hex(16), 2 * 86400)


def is_repeat(request: HttpRequest, page_id: int) -> bool:
    """Whether this reader was counted on this story within REPEAT_SECONDS (cache only)."""
    user_agent = request.META.get("HTTP_USER_AGENT", "")
    key = hashlib.sha256(
        f"{_daily_salt()}|{client_ip(request)}|{user_agent}|{page_id}".encode()
    ).hexdigest()
    return not cache.add(f"audience:seen:{key}", 1, settings.DATELINE_VIEW_REPEAT_SECONDS)


def record_view(request: HttpRequest, page_id: int) -> bool:
    """Append one view of the story unless it comes from a robot or is a repeat.

    Returns whether it was counted. The write is one INSERT; totals are made later.
    """
    if is_bot(request.META.get("HTTP_USER_AGENT", "")) or is_repeat(request, page_id):
        return False
    PageView.objects.create(page_id=page_id)
    schedule_aggregation()
    return True


def schedule_aggregation() -> None:
    """Ask the worker to aggregate, at most once every DATELINE_VIEW_AGGREGATE_SECONDS."""
    if not cache.add(SCHEDULE_KEY, 1, settings.DATELINE_VIEW_AGGREGATE_SECONDS):
        return
    from .tasks import aggregate_views_task

    try:
        aggregate_views_task.enqueue()
    except Exception:  # no task backend or table yet: aggregate in this request instead
        log.warning("Could not enqueue view aggregation; aggregating inline.", exc_info=True)
        aggregate_views()


def aggregate_views() -> int:
    """Fold the view log into DailyViews (local dates) and empty what was folded.

    Returns the number of views folded. Views of stories deleted since are dropped.
    """
    if not cache.add(LOCK_KEY, 1, 300):
        return 0
    try:
        with transaction.atomic():
            last = PageView.objects.order_by("-pk").values_list("pk", flat=True).first()
            if last is None:
                return 0
            rows = list(
                PageView.objects.filter(pk__lte=last)
                .annotate(day=TruncDate("viewed_at", tzinfo=timezone.get_current_timezone()))
                .values("page_id", "day")
                .annotate(views=Count("pk"))
            )
            existing = set(
                ArticlePage.objects.filter(pk__in={r["page_id"] for r in rows}).values_list(
                    "pk", flat=True
                )
            )
            folded = 0
            for row in rows:
                if row["page_id"] not in existing:
                    continue
                _add_daily(row["page_id"], row["day"], row["views"])
                folded += row["views"]
            PageView.objects.filter(pk__lte=last).delete()
        return folded
    finally:
        cache.delete(LOCK_KEY)


def _add_daily(page_id: int, day: dt.date, views: int) -> None:
    updated = DailyViews.objects.filter(page_id=page_id, date=day).update(views=F("views") + views)
    if not updated:
        DailyViews.objects.create(page_id=page_id, date=day, views=views)


def prune_daily_views() -> int:
    """Delete the daily totals older than DATELINE_VIEW_RETENTION_DAYS days (the periodic job
    ``prune_daily_views``, once a day on one worker); returns how many rows went."""
    cutoff = timezone.localdate() - dt.timedelta(days=settings.DATELINE_VIEW_RETENTION_DAYS)
    deleted, _ = DailyViews.objects.filter(date__lt=cutoff).delete()
    return deleted
