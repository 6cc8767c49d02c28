"""Writes for edition home pages."""

from dateline.core.editions import point_at_edition

from .models import HomePage


def localize_front_page(home: HomePage) -> None:
    """Point a translated home page's collections in focus and lead story at its own edition
    (``core.editions.point_at_edition``): translations copy them from the source home page."""
    point_at_edition(
        home.locale_id, [(home.focus_collections.all(), "collection_id"), ([home], "lead_story_id")]
    )
