"""Writes and file work for blogs, podcasts, video and visual stories."""

from dateline.core.editions import point_at_edition

from .blocks import PHOTO_RENDITIONS
from .files import audio_duration


def fill_in_duration(episode) -> None:
    """Read an episode's length from its audio file when the editor left it at 0 (podcast
    apps show it before downloading). Called by ``PodcastEpisodePage.save``."""
    if episode.audio_id and not episode.duration:
        episode.duration = audio_duration(episode.audio)


def make_photo_renditions(story) -> int:
    """Make every size of a visual story's photographs now, so that its first reader does
    not wait for AVIF encoding (about a second per photograph). Returns how many images."""
    photos = story.photos()
    for image in photos:
        image.get_renditions(*PHOTO_RENDITIONS)
    return len(photos)


def localize_relations(page) -> int:
    """Point a translated blog's authors, or a translated episode's, video's or visual
    story's tags, at the pages of its own edition (``core.editions.point_at_edition``).
    Returns how many rows changed."""
    from .models import BlogPage, MediaItemPage  # the models call fill_in_duration

    if isinstance(page, BlogPage):
        relation = (page.blog_authors.all(), "author_id")
    elif isinstance(page, MediaItemPage):
        relation = (page.media_tags.all(), "term_id")
    else:
        return 0
    return point_at_edition(page.locale_id, [relation])
