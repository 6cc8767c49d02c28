"""Receivers: a translated story's relations re-pointed at its own edition when published."""

from wagtail.signals import page_published


def localize_on_publish(sender, instance, **kwargs):
    from .services import localize_relations

    localize_relations(instance)


def register_signal_handlers() -> None:
    """Connect the news app's receivers (called from ``NewsConfig.ready``)."""
    from .models import ArticlePage

    page_published.connect(localize_on_publish, sender=ArticlePage)
