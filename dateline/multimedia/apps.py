from django.apps import AppConfig
from wagtail.signals import page_published


def localize_on_publish(sender, instance, **kwargs):
    from .services import localize_relations

    localize_relations(instance)


def renditions_on_publish(sender, instance, **kwargs):
    from .services import make_photo_renditions

    make_photo_renditions(instance)


class MultimediaConfig(AppConfig):
    name = "dateline.multimedia"
    label = "multimedia"

    def ready(self):
        from dateline.news import selectors as news_selectors
        from dateline.news.apps import localize_on_publish as localize_article
        from dateline.taxonomy.registry import register_tagged_model

        from . import selectors
        from .models import BlogPage, BlogPostPage, PodcastEpisodePage, VideoPage, VisualStoryPage

        # Blog posts are tagged like articles; the others through MediaTag. Term listings
        # then show them all (taxonomy.selectors.tagged_pages, with_card_data).
        register_tagged_model(
            BlogPostPage,
            "tags__term",
            card_prefetch=news_selectors.card_prefetches(),
            card_data=news_selectors.label_blog_posts,
        )
        for model in (PodcastEpisodePage, VideoPage, VisualStoryPage):
            register_tagged_model(
                model,
                "media_tags__term",
                card_prefetch=selectors.media_card_prefetches(),
                card_data=selectors.with_series_covers,
            )
        # Translations copy tags and credits pointing at the source edition: re-point them.
        page_published.connect(localize_article, sender=BlogPostPage)
        for model in (BlogPage, PodcastEpisodePage, VideoPage, VisualStoryPage):
            page_published.connect(localize_on_publish, sender=model)
        # A visual story's first reader should not wait for its photographs to be encoded.
        page_published.connect(renditions_on_publish, sender=VisualStoryPage)
