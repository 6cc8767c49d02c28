"""Reads for the newsletter, each in a fixed number of queries."""

import datetime as dt
from collections.abc import Callable

from django.db.models import Count, Q
from wagtail.models import Locale

from dateline.news import selectors as news_selectors

from . import tokens
from .models import Delivery, IssueStory, NewsletterIssuePage, Subscriber

# popularity(locale, since, until, limit) -> article ids, most read first. The audience app's
# Popular list plugs in here (see digest_candidates); until then digests go without it.
Popularity = Callable[[Locale, dt.datetime, dt.datetime, int], list[int]]


def archive(index_page) -> list:
    """The issues already sent (or published) from this archive, newest first."""
    return list(
        NewsletterIssuePage.objects.child_of(index_page)
        .live()
        .order_by("-first_published_at", "-pk")
    )


def issue_stories(issue) -> list:
    """The issue's stories in the editors' order, live ones only, with card data."""
    rows = list(
        IssueStory.objects.filter(issue=issue, article__live=True)
        .select_related("article")
        .order_by("sort_order", "pk")
    )
    articles = [row.article for row in rows]
    news_selectors.with_article_card_data(articles)
    for row in rows:
        row.article.newsletter_note = row.note
    return articles


def digest_candidates(
    locale: Locale,
    since: dt.datetime,
    until: dt.datetime,
    limit: int = 8,
    lead_story_id: int | None = None,
    popularity: Popularity | None = None,
) -> list[int]:
    """The week's stories for a digest: the editors' lead story first, then the most read
    (when a ``popularity`` source is given), then the newest, without repeats."""
    week = news_selectors.live_articles(locale).filter(
        first_published_at__gte=since, first_published_at__lt=until
    )
    ids: list[int] = []
    if lead_story_id and week.filter(pk=lead_story_id).exists():
        ids.append(lead_story_id)
    if popularity is not None:
        popular = set(week.values_list("pk", flat=True))
        ids += [pk for pk in popularity(locale, since, until, limit) if pk in popular]
    ids += list(week.values_list("pk", flat=True)[: limit * 2])
    return list(dict.fromkeys(ids))[:limit]


def recipients(issue) -> Q:
    """Who receives ``issue``: confirmed, unpaused subscribers of its edition."""
    return Q(status=Subscriber.Status.CONFIRMED, paused=False, editions=issue.locale_id)


def subscriber_for(token: str) -> Subscriber:
    """The subscriber a manage link belongs to. Raises tokens.BadToken."""
    subscriber = Subscriber.objects.filter(pk=tokens.read_manage_token(token)).first()
    if subscriber is None:
        raise tokens.BadToken
    return subscriber


def sending_issue_ids() -> list[int]:
    """The issues being sent or scheduled: those a starting worker resumes."""
    return list(
        NewsletterIssuePage.objects.filter(
            send_status__in=[
                NewsletterIssuePage.SendStatus.SENDING,
                NewsletterIssuePage.SendStatus.SCHEDULED,
            ]
        ).values_list("pk", flat=True)
    )


def progress(issue_ids: list[int]) -> dict[int, dict]:
    """{issue id: {"sent", "failed", "remaining", "in_flight", "doubtful", "total"}} in one
    query. ``in_flight`` rows are being handed to the mail server now (or were, by a worker
    that died); ``doubtful`` ones were sent again after such a death and may have arrived
    twice, as the same message."""
    unsent = [Delivery.Status.PENDING, Delivery.Status.SENDING]
    rows = (
        Delivery.objects.filter(issue_id__in=issue_ids)
        .values("issue_id")
        .annotate(
            sent=Count("pk", filter=Q(status=Delivery.Status.SENT)),
            failed=Count("pk", filter=Q(status=Delivery.Status.FAILED)),
            remaining=Count("pk", filter=Q(status__in=unsent)),
            in_flight=Count("pk", filter=Q(status=Delivery.Status.SENDING)),
            doubtful=Count("pk", filter=Q(doubtful=True)),
            total=Count("pk"),
        )
    )
    found = {row.pop("issue_id"): row for row in rows}
    empty = {"sent": 0, "failed": 0, "remaining": 0, "in_flight": 0, "doubtful": 0, "total": 0}
    return {pk: found.get(pk, dict(empty)) for pk in issue_ids}


def audience_size(issue) -> int:
    """How many subscribers would receive ``issue`` if it were sent now. One query."""
    return Subscriber.objects.filter(recipients(issue)).distinct().count()
