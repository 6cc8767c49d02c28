from django.apps import AppConfig


class NewsConfig(AppConfig):
    name = "dateline.news"
    label = "news"

    def ready(self):
        from dateline.taxonomy.registry import register_tagged_model

        from . import selectors
        from .models import ArticlePage
        from .signal_handlers import register_signal_handlers

        register_tagged_model(
            ArticlePage,
            "tags__term",
            card_prefetch=selectors.card_prefetches(),
            card_data=selectors.label_blog_posts,
        )
        register_signal_handlers()
