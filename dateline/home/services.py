"""Writes for edition home pages."""

from dateline.core.editions import translation_ids

from .models import FocusCollection, HomePage


def localize_front_page(home: HomePage) -> None:
    """Point a translated home page's lead story and collections at its own edition.

    Translations copy these from the source home page; see news.services.localize_relations.
    """
    focus = list(home.focus_collections.all())
    ids = [f.collection_id for f in focus] + ([home.lead_story_id] if home.lead_story_id else [])
    mapping = translation_ids(ids, home.locale_id)
    for row in focus:
        if row.collection_id in mapping:
            FocusCollection.objects.filter(pk=row.pk).update(
                collection_id=mapping[row.collection_id]
            )
    if home.lead_story_id in mapping:
        HomePage.objects.filter(pk=home.pk).update(lead_story_id=mapping[home.lead_story_id])
