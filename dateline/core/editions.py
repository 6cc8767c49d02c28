"""Editions are Wagtail locales, one for each language of ``settings.LANGUAGES``: helpers
to move between a page and its translations, and what each edition says of itself.

What differs from one language to the next is in that language's translation catalogue
(``dateline/locale/<code>/LC_MESSAGES/django.po``), never in a list in the code: a third
edition is settings, a locale, a catalogue and content (docs/editions.md).
"""

from django.db.models import Subquery
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
