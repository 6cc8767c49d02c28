"""Editions are Wagtail locales, one for each language of ``settings.LANGUAGES``: helpers
to move between a page and its translations, and what each edition says of itself.

What differs from one language to the next is in that language's translation catalogue
(``dateline/locale/<code>/LC_MESSAGES/django.po``), never in a list in the code: a third
edition is settings, a locale, a catalogue and content (docs/editions.md).
"""

from collections.abc import Iterable

from django.db.models import Model, Subquery
from django.utils import translation
from wagtail.models import Locale, Page, Site


def _translated(text: str, source: str, language_code: str) -> bool:
    """Whether the catalogue of ``language_code`` had ``source`` (the source strings are
    English, so an English edition keeps them as they are)."""
    return text != source or language_code.startswith("en")


def own_name(language_code: str) -> str:
    """The edition's language named in itself, as readers looking for it know it: "English"
    on Russian pages, Russian in Russian (its catalogue's) on English ones. Without a
    catalogue entry, Django's local name of the language."""
    with translation.override(language_code):
        name = translation.pgettext(
            "the name of this language, written in it, on the link to its edition", "English"
        )
    if _translated(name, "English", language_code):
        return name
    return translation.get_language_info(language_code)["name_local"]


def og_locale(language_code: str) -> str:
    """The edition's ``og:locale``: "en_GB", "ru_RU" (the Russian catalogue's); without a
    catalogue entry, Django's locale name of the language ("uz")."""
    with translation.override(language_code):
        locale = translation.pgettext(
            "the Open Graph locale (language_TERRITORY) of this language's edition", "en_GB"
        )
    if _translated(locale, "en_GB", language_code):
        return locale
    return translation.to_locale(language_code)


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


def point_at_edition(locale_id: int, relations: Iterable[tuple[Iterable[Model], str]]) -> int:
    """Point rows that name pages of another edition at those pages' translations in
    ``locale_id``'s edition, and return how many rows changed.

    ``relations`` is a list of (rows, field): each row's ``field`` holds a page id (an
    inline's ``term_id`` or ``author_id``, a page's own ``lead_story_id``). Translations
    (wagtail-localize, ``copy_for_translation``) copy such rows from the source page, where
    they name the source edition's pages; the listings, menus and Related of the
    translation's edition need its own. A row whose page has no translation there yet keeps
    the source page. Each changed row is one UPDATE, with no save signals.
    """
    rows = [(row, field) for queryset, field in relations for row in queryset]
    ids = [getattr(row, field) for row, field in rows]
    mapping = translation_ids([pk for pk in ids if pk is not None], locale_id)
    changed = 0
    for row, field in rows:
        target = mapping.get(getattr(row, field))
        if target is not None:
            type(row).objects.filter(pk=row.pk).update(**{field: target})
            changed += 1
    return changed
