from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "dateline.search"
    label = "dateline_search"

    def ready(self):
        from django.db.models.signals import post_delete, post_save
        from wagtail.models import PageViewRestriction
        from wagtail.signals import page_published, page_unpublished

        from dateline.core.models import StandardPage
        from dateline.multimedia.models import (
            BlogPostPage,
            PodcastEpisodePage,
            VideoPage,
            VisualStoryPage,
        )
        from dateline.news.models import ArticlePage

        from . import signal_handlers
        from .registry import register_searchable

        # What search covers: one line per content type (see registry.py).
        register_searchable(ArticlePage, kind="article", standfirst=["standfirst"], body=["body"])
        register_searchable(StandardPage, kind="page", standfirst=["intro"], body=["body"])
        register_searchable(
            BlogPostPage, kind="blog-post", standfirst=["standfirst"], body=["body"]
        )
        register_searchable(
            PodcastEpisodePage,
            kind="episode",
            standfirst=["standfirst"],
            body=["show_notes", "transcript"],
        )
        register_searchable(
            VideoPage, kind="video", standfirst=["standfirst"], body=["description", "transcript"]
        )
        register_searchable(
            VisualStoryPage, kind="visual-story", standfirst=["standfirst"], body=["body"]
        )

        # Wagtail's own index follows post_save too; Dateline's also listens for publishing,
        # which is the signal editors' work sends once everything (tags too) is saved.
        post_save.connect(signal_handlers.page_saved, dispatch_uid="search-saved")
        page_published.connect(signal_handlers.page_published, dispatch_uid="search-published")
        page_unpublished.connect(
            signal_handlers.page_unpublished, dispatch_uid="search-unpublished"
        )
        # Deleting a page deletes its entry (foreign key); this catches a page's row being
        # deleted on its own, e.g. when a specific page is turned into another type.
        post_delete.connect(signal_handlers.page_deleted, dispatch_uid="search-deleted")
        post_save.connect(
            signal_handlers.restriction_changed,
            sender=PageViewRestriction,
            dispatch_uid="search-restriction-saved",
        )
        post_delete.connect(
            signal_handlers.restriction_changed,
            sender=PageViewRestriction,
            dispatch_uid="search-restriction-deleted",
        )
