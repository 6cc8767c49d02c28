"""Receivers: a translated front page's lists re-pointed at its own edition when published."""

from wagtail.signals import page_published


def localize_on_publish(sender, instance, **kwargs):
    from .services import localize_front_page

    localize_front_page(instance)


def register_signal_handlers() -> None:
    """Connect the home app's receivers (called from ``HomeConfig.ready``)."""
    from .models import HomePage

    page_published.connect(localize_on_publish, sender=HomePage)
