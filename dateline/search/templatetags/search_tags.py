"""Search's pieces for templates of lower floors, loaded by name."""

from django import template
from django.urls import reverse
from django.utils.html import format_html

register = template.Library()


@register.simple_tag(takes_context=True)
def opensearch_link(context) -> str:
    """<link rel="search"> to this edition's OpenSearch description."""
    site = context.get("settings")
    name = ""
    try:
        name = site.core.SiteSettings.name
    except AttributeError:
        name = "Dateline"
    return format_html(
        '<link rel="search" type="application/opensearchdescription+xml" title="{}" href="{}">',
        name,
        reverse("opensearch"),
    )
