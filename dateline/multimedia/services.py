"""Writes and file work for podcasts and video."""

import logging

import mutagen

logger = logging.getLogger(__name__)


def audio_duration(document) -> int:
    """The length of an uploaded audio file in whole seconds (0 if it cannot be read).

    Podcast apps show itunes:duration before downloading, so editors need not type it.
    """
    try:
        with document.open_file() as handle:
            audio = mutagen.File(handle)
    except (OSError, mutagen.MutagenError, ValueError) as exc:
        logger.warning("Could not read the length of %s: %s", document, exc)
        return 0
    if audio is None or audio.info is None:
        return 0
    return round(audio.info.length)


def make_photo_renditions(story) -> int:
    """Make every size of a visual story's photographs now, so that its first reader does
    not wait for AVIF encoding (about a second per photograph). Returns how many images."""
    from .models import PHOTO_RENDITIONS

    photos = story.photos()
    for image in photos:
        image.get_renditions(*PHOTO_RENDITIONS)
    return len(photos)


def localize_relations(page) -> int:
    """Point a translated blog's authors, or a translated episode's, video's or visual
    story's tags, at the pages of its own edition (as news.services does for articles).

    Translations copy these rows from the source page, where they name the source edition's
    authors and terms. Rows whose page has no translation yet keep the source page.
    """
    from dateline.core.editions import translation_ids

    from .models import BlogPage, MediaItemPage

    if isinstance(page, BlogPage):
        rows, field = list(page.blog_authors.all()), "author_id"
    elif isinstance(page, MediaItemPage):
        rows, field = list(page.media_tags.all()), "term_id"
    else:
        return 0
    mapping = translation_ids([getattr(row, field) for row in rows], page.locale_id)
    changed = 0
    for row in rows:
        target = mapping.get(getattr(row, field))
        if target is not None:
            type(row).objects.filter(pk=row.pk).update(**{field: target})
            changed += 1
    return changed
