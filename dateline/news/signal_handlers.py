"""Receivers: a translated story's relations re-pointed at its own edition when published;
the Related lists a story's change retired read again at once."""

from wagtail.signals import page_published

from dateline.core.pagecache import story_retired


def localize_on_publish(sender, instance, **kwargs):
    from .services import localize_relations

    localize_relations(instance)


def warm_related_lists(sender, page, **kwargs):
    """A story's publish retires the Related lists of its places and topics (it may have
    joined, left or moved in them). Read again here, in the publisher's request (one
    query), they are kept for the first reader of the story and of every story sharing a
    term, who would otherwise each wait for them, during a live story's update storm too."""
    from . import selectors

    selectors.warm_related_lists(page)


def register_signal_handlers() -> None:
    """Connect the news app's receivers (called from ``NewsConfig.ready``)."""
    from .models import ArticlePage

    page_published.connect(localize_on_publish, sender=ArticlePage)
    story_retired.connect(warm_related_lists, sender=ArticlePage, dispatch_uid="warm-related")
