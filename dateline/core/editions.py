"""Editions are Wagtail locales: helpers to move between a page and its translations."""

from django.db.models import Subquery
from wagtail.models import Locale, Page, Site


def home_page_query(site: Site, locale: Locale):
    """The live home page of ``locale``'s edition of ``site``: the translation of the site's
    root page, as a queryset (callers add ``.specific()`` or not)."""
    return Page.objects.live().filter(
        locale=locale,
        translation_key=Subquery(
            Page.objects.filter(pk=site.root_page_id).values("translation_key")
        ),
    )


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
