"""Reads for blogs, podcasts, video and visual stories, each in a fixed number of queries."""

from django.db.models import Prefetch, QuerySet, prefetch_related_objects
from wagtail.images import get_image_model
from wagtail.models import Page

from dateline.news.selectors import with_article_card_data

# multimedia.models imports this module for get_context; the reference resolves lazily.
from . import models as media


def media_card_prefetches() -> tuple:
    """What a card for an episode, a video or a visual story needs from the database."""
    return (
        Prefetch(
            "media_tags",
            queryset=media.MediaTag.objects.select_related("term").order_by("sort_order"),
        ),
        Prefetch("lead_image", queryset=get_image_model().objects.prefetch_renditions()),
    )


def prefetch_media_card_data(items: list) -> list:
    """Prefetch card data onto already-fetched episodes, videos or visual stories."""
    if items:
        prefetch_related_objects(items, *media_card_prefetches())
    return items


def section_items(section: Page) -> QuerySet[Page]:
    """The live pages in a media section (blogs, series, videos, visual stories), newest
    first."""
    return section.get_children().live().order_by("-first_published_at", "-pk")


def with_media_card_data(pages: list[Page]) -> list[Page]:
    """Turn pages into their specific types with card data prefetched: one query per type
    present, plus that type's prefetches."""
    by_model: dict = {}
    for page in pages:
        by_model.setdefault(page.specific_class, []).append(page.pk)
    specific = {}
    for model, pks in by_model.items():
        if model is None:
            continue
        objects = list(model.objects.filter(pk__in=pks))
        if issubclass(model, media.MediaItemPage):
            with_series_covers(prefetch_media_card_data(objects))
        elif issubclass(model, media.BlogPage):
            prefetch_related_objects(
                objects,
                Prefetch(
                    "blog_authors", queryset=media.BlogAuthor.objects.select_related("author")
                ),
                Prefetch("image", queryset=get_image_model().objects.prefetch_renditions()),
            )
        elif issubclass(model, media.PodcastSeriesPage):
            prefetch_related_objects(
                objects,
                Prefetch("cover_image", queryset=get_image_model().objects.prefetch_renditions()),
            )
        elif issubclass(model, media.ArticlePage):
            with_article_card_data(objects)
        specific.update((obj.pk, obj) for obj in objects)
    return [specific.get(page.pk, page) for page in pages]


def blog_posts(blog: Page) -> QuerySet:
    """A blog's live posts, newest first."""
    return media.BlogPostPage.objects.live().child_of(blog).order_by("-first_published_at", "-pk")


def with_post_card_data(posts: list) -> list:
    return with_article_card_data(posts)


def episodes_of(series: Page) -> QuerySet:
    """A series' live episodes, newest first."""
    return (
        media.PodcastEpisodePage.objects.live()
        .child_of(series)
        .order_by("-first_published_at", "-pk")
    )


def with_series_covers(items: list) -> list:
    """Set what a listing card shows of an episode, a video or a visual story beyond its own
    fields: ``card_kind``, the label that says what it is, and ``card_image``, its artwork
    (an episode without art of its own shows its series' cover). At most two queries."""
    from django.utils.translation import gettext as _

    kinds = {
        media.PodcastEpisodePage: _("Podcast"),
        media.VideoPage: _("Video"),
        media.VisualStoryPage: _("Visual story"),
    }
    bare = [i for i in items if isinstance(i, media.PodcastEpisodePage) and not i.lead_image_id]
    steplen = media.PodcastSeriesPage.steplen
    covers = {}
    if bare:
        series = media.PodcastSeriesPage.objects.filter(
            path__in={episode.path[:-steplen] for episode in bare}
        ).prefetch_related(
            Prefetch("cover_image", queryset=get_image_model().objects.prefetch_renditions())
        )
        covers = {s.path: s.cover_image for s in series}
    for item in items:
        item.card_kind = next((k for model, k in kinds.items() if isinstance(item, model)), "")
        item.card_image = item.lead_image or covers.get(item.path[:-steplen])
    return items
