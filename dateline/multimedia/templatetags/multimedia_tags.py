"""The header's Media panel, rendered here so that core needs no import of us."""

from django import template
from wagtail.models import Page

from dateline.core.pagecache import active_locale, edition_cached, locale_of
from dateline.multimedia.models import MediaSectionPage

register = template.Library()


@register.inclusion_tag("multimedia/includes/media_menu.html", takes_context=True)
def media_menu(context, label: str, panel_id: str):
    page = context.get("page")
    locale = locale_of(page) if isinstance(page, Page) else active_locale()
    # The same on every page of the edition: kept until a page of the edition changes.
    sections = edition_cached(
        locale.language_code,
        f"media-menu:{locale.pk}",
        lambda: list(
            MediaSectionPage.objects.live().in_menu().filter(locale=locale).order_by("path")
        ),
    )
    return {"sections": sections, "label": label, "panel_id": panel_id}


@register.filter
def duration_text(seconds) -> str:
    """A length as readers read it: "4:05", or "1:02:15" past an hour."""
    try:
        seconds = int(seconds)
    except (TypeError, ValueError):
        return ""
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"
