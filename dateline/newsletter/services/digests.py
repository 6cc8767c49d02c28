"""The weekly digest: a draft issue of the week's stories, when it is due, when it goes out."""

import datetime as dt

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from wagtail.models import Page

from .. import selectors
from ..models import IssueStory, NewsletterIndexPage, NewsletterIssuePage


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
