"""What the Sending screen says under its counts, in plain words: who an unsent issue would
reach, and why "remaining" is what it is (nobody subscribed, no worker running, done)."""

from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from dateline.core import workers

from . import selectors
from .models import NewsletterIssuePage


def _edition(issue) -> str:
    return str(issue.locale.get_display_name())


def _before_sending(issue) -> str:
    count = selectors.audience_size(issue)
    if not count:
        return _(
            "Nobody would receive this issue yet: the %(edition)s edition has no confirmed "
            "subscriber (readers who have not clicked their confirmation link, or who paused "
            "their subscription, are not counted)."
        ) % {"edition": _edition(issue)}
    return ngettext(
        "Sending goes to %(count)s confirmed subscriber of the %(edition)s edition.",
        "Sending goes to %(count)s confirmed subscribers of the %(edition)s edition.",
        count,
    ) % {"count": count, "edition": _edition(issue)}


def _waiting(progress: dict) -> str:
    health = workers.queue_health()
    if not health.worker_missing:
        return ngettext(
            "“Remaining” is the message the background worker has not handed to the mail "
            "server yet; this page shows the new count when you reload it.",
            "“Remaining” are the %(count)s messages the background worker has not handed to "
            "the mail server yet; this page shows the new count when you reload it.",
            progress["remaining"],
        ) % {"count": progress["remaining"]}
    seen = (
        _("no worker has been seen since %(when)s")
        % {"when": formats.date_format(health.last_seen, "DATETIME_FORMAT")}
        if health.last_seen
        else _("no worker has run yet")
    )
    return _(
        "Nothing is being sent: the messages wait for the background worker, and %(seen)s. "
        "Ask whoever runs the site to start it (`dateline worker`)."
    ) % {"seen": seen}


def sending_note(issue: NewsletterIssuePage, progress: dict) -> str:
    """One or two sentences explaining the Sending screen's counts for ``issue``."""
    status = issue.send_status
    if status == NewsletterIssuePage.SendStatus.DRAFT:
        return _before_sending(issue)
    if progress["remaining"]:
        return _waiting(progress)
    if not progress["total"]:
        return _(
            "Remaining 0 because nobody was sent this issue: the %(edition)s edition had no "
            "confirmed subscriber when it was sent."
        ) % {"edition": _edition(issue)}
    return _(
        "Remaining 0: every subscriber's message has been handed to the mail server (refused "
        "ones are those the mail server turned down)."
    )
