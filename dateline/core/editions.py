"""Editions are Wagtail locales: helpers to move between a page and its translations."""

from wagtail.models import Page


def translation_ids(page_ids: list[int], locale_id: int) -> dict[int, int]:
    """Map each page id to the id of its translation in ``locale_id``, in one query.

    Pages already in that locale, and pages without a translation there, are left out.
    """
    target = Page.objects.filter(
        locale_id=locale_id,
        translation_key__in=Page.objects.filter(pk__in=page_ids)
        .exclude(locale_id=locale_id)
        .values("translation_key"),
    )
    by_key = dict(target.values_list("translation_key", "pk"))
    sources = Page.objects.filter(pk__in=page_ids).exclude(locale_id=locale_id)
    return {
        pk: by_key[key] for pk, key in sources.values_list("pk", "translation_key") if key in by_key
    }
