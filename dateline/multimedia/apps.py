from django.apps import AppConfig


class MultimediaConfig(AppConfig):
    name = "dateline.multimedia"
    label = "multimedia"

    def ready(self):
        from dateline.news import selectors as news_selectors
        from dateline.taxonomy.registry import register_tagged_model

        from . import selectors
        from .models import BlogPostPage, PodcastEpisodePage, VideoPage, VisualStoryPage
        from .signal_handlers import register_signal_handlers

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
        register_signal_handlers()
