"""Each publish in one transaction: Wagtail's publish action, wrapped once at start-up.

Wagtail saves the page as live and then sends ``page_published``, whose receivers (the
search index, translations' tags, the page cache) run outside any transaction: one that
raises would leave the new version live with half its work done. Inside one transaction the
previous version stays live instead; the draft revision, saved before publishing starts, is
kept for the editor to publish again. Which method to wrap is Wagtail's internal design,
hence ``core.wagtail_internals.wrap_publish_revision``.
"""

import functools
from collections.abc import Callable

from django.db import transaction

from dateline.core import wagtail_internals


def make_publishing_atomic() -> None:
    """Publish each revision in one transaction (called once, from ``CoreConfig.ready``;
    calling it again changes nothing)."""
    wagtail_internals.wrap_publish_revision(_atomic)


def _atomic(execute: Callable) -> Callable:
    if getattr(execute, "dateline_atomic", False):
        return execute

    @functools.wraps(execute)
    def atomic_execute(self, *args, **kwargs):
        with transaction.atomic():
            return execute(self, *args, **kwargs)

    atomic_execute.dateline_atomic = True
    return atomic_execute
