from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "dateline.search"
    label = "dateline_search"

    def ready(self):
        from dateline.core.models import StandardPage
        from dateline.multimedia.models import (
            BlogPostPage,
            PodcastEpisodePage,
            VideoPage,
            VisualStoryPage,
        )
        from dateline.news.models import ArticlePage

        from .registry import register_searchable
        from .signal_handlers import register_signal_handlers

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

        register_signal_handlers()
