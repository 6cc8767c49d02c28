"""The header's Regions and Topics panels, rendered here so that core needs no import of us."""

from django import template
from wagtail.models import Page

from dateline.core.pagecache import active_locale, locale_of
from dateline.taxonomy import selectors

register = template.Library()


def _menus(context) -> dict:
    request = context.get("request")
    cached = getattr(request, "_dateline_term_menus", None)
    if cached is not None:
        return cached
    page = context.get("page")
    locale = locale_of(page) if isinstance(page, Page) else active_locale()
    menus = selectors.cached_edition_menus(locale)
    if request is not None:
        request._dateline_term_menus = menus
    return menus


@register.inclusion_tag("taxonomy/includes/menu_panel.html", takes_context=True)
def term_menu(context, key: str, label: str, all_label: str, panel_id: str):
    """A mega-menu panel ("regions" or "topics") listing terms and their sub-terms."""
    index, terms = _menus(context).get(key, (None, []))
    return {
        "index": index,
        "terms": terms,
        "label": label,
        "all_label": all_label,
        "panel_id": panel_id,
        "request": context.get("request"),
    }


@register.simple_tag
def term_kind(term) -> str:
    """'place' for regions and places, 'topic' for topics and collections."""
    from dateline.taxonomy.models import PLACE_TERM_MODELS

    return "place" if issubclass(term.specific_class, PLACE_TERM_MODELS) else "topic"
