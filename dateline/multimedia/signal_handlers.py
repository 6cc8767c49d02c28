"""Receivers: translations re-pointed at their own edition, a visual story's renditions made."""

from wagtail.signals import page_published


def localize_on_publish(sender, instance, **kwargs):
    from .services import localize_relations

    localize_relations(instance)


def renditions_on_publish(sender, instance, **kwargs):
    from .services import make_photo_renditions

    make_photo_renditions(instance)


def register_signal_handlers() -> None:
    """Connect the multimedia app's receivers (called from ``MultimediaConfig.ready``)."""
    from dateline.news.signal_handlers import localize_on_publish as localize_article

    from .models import BlogPage, BlogPostPage, PodcastEpisodePage, VideoPage, VisualStoryPage

    # Translations copy tags and credits pointing at the source edition: re-point them.
    page_published.connect(localize_article, sender=BlogPostPage)
    for model in (BlogPage, PodcastEpisodePage, VideoPage, VisualStoryPage):
        page_published.connect(localize_on_publish, sender=model)
    # A visual story's first reader should not wait for its photographs to be encoded.
    page_published.connect(renditions_on_publish, sender=VisualStoryPage)
