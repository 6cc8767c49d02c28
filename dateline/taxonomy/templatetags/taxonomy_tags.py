"""The header's Regions and Topics panels, rendered here so that core needs no import of us."""

from django import template
from django.template.loader import render_to_string

from dateline.core.pagecache import edition_fragment
from dateline.core.templatetags.core_tags import current_locale
from dateline.taxonomy import selectors

register = template.Library()


def _menus(context) -> dict:
    request = context.get("request")
    cached = getattr(request, "_dateline_term_menus", None)
    if cached is not None:
        return cached
    menus = selectors.cached_edition_menus(current_locale(context))
    if request is not None:
        request._dateline_term_menus = menus
    return menus


@register.simple_tag(takes_context=True)
def term_menu(context, key: str, label: str, all_label: str, panel_id: str) -> str:
    """A mega-menu panel ("regions" or "topics") listing terms and their sub-terms: the
    same HTML on every page of the edition, so rendered once per generation."""
    request = context.get("request")

    def render() -> str:
        index, terms = _menus(context).get(key, (None, []))
        panel = {"index": index, "terms": terms, "label": label, "all_label": all_label}
        return render_to_string(
            "taxonomy/includes/menu_panel.html",
            {**panel, "panel_id": panel_id, "request": request},
        )

    locale = current_locale(context)
    name = f"term-menu:{locale.pk}:{key}:{panel_id}"
    return edition_fragment(request, locale.language_code, name, render)


@register.simple_tag
def term_kind(term) -> str:
    """'place' for regions and places, 'topic' for topics and collections."""
    from dateline.taxonomy.models import PLACE_TERM_MODELS

    return "place" if issubclass(term.specific_class, PLACE_TERM_MODELS) else "topic"
