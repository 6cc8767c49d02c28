from django.apps import AppConfig
from wagtail.signals import page_published


def localize_on_publish(sender, instance, **kwargs):
    from .services import localize_relations

    localize_relations(instance)


class NewsConfig(AppConfig):
    name = "dateline.news"
    label = "news"

    def ready(self):
        from dateline.taxonomy.registry import register_tagged_model

        from . import selectors
        from .models import ArticlePage

        register_tagged_model(
            ArticlePage,
            "tags__term",
            card_prefetch=selectors.card_prefetches(),
            card_data=selectors.label_blog_posts,
        )
        page_published.connect(localize_on_publish, sender=ArticlePage)
