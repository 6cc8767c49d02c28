"""The header's Media panel, rendered here so that core needs no import of us."""

from django import template
from django.template.loader import render_to_string

from dateline.core.pagecache import edition_fragment
from dateline.core.templatetags.core_tags import current_locale
from dateline.multimedia.models import MediaSectionPage
from dateline.multimedia.timestamps import reading_duration

register = template.Library()


@register.simple_tag(takes_context=True)
def media_menu(context, label: str, panel_id: str) -> str:
    """The header's Media panel: the same HTML on every page of the edition, so rendered
    once per generation (kept until a page of the edition changes)."""
    locale = current_locale(context)
    request = context.get("request")

    def render() -> str:
        sections = MediaSectionPage.objects.live().in_menu().filter(locale=locale)
        return render_to_string(
            "multimedia/includes/media_menu.html",
            {
                "sections": sections.order_by("path"),
                "label": label,
                "panel_id": panel_id,
                "request": request,
            },
        )

    name = f"media-menu:{locale.pk}:{panel_id}"
    return edition_fragment(request, locale.language_code, name, render)


@register.filter
def duration_text(seconds) -> str:
    """A length as readers read it: "4:05", or "1:02:15" past an hour."""
    try:
        seconds = int(seconds)
    except (TypeError, ValueError):
        return ""
    return reading_duration(seconds)
