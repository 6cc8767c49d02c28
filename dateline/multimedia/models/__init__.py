"""Blogs, podcasts, video and visual stories, and the Media sections that hold them.

A blog post is an article in every other respect (``BlogPostPage`` extends
``news.ArticlePage``), so tags, search, Related and feeds treat it as one. Podcast
episodes, videos and visual stories share ``MediaItemPage``, a ``taxonomy.content.Story``
like an article: the shape listings, cards, feeds and search read.

One module per family; every model is importable from here.
"""

from .blogs import BlogAuthor, BlogPage, BlogPostPage
from .items import MediaItemPage, MediaTag
from .podcasts import PODCAST_CATEGORIES, PodcastEpisodePage, PodcastSeriesPage
from .sections import MediaSectionPage
from .video import VideoPage
from .visual_stories import VisualStoryPage

__all__ = [
    "PODCAST_CATEGORIES",
    "BlogAuthor",
    "BlogPage",
    "BlogPostPage",
    "MediaItemPage",
    "MediaSectionPage",
    "MediaTag",
    "PodcastEpisodePage",
    "PodcastSeriesPage",
    "VideoPage",
    "VisualStoryPage",
]
