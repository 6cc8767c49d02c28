"""The newsroom's own name and logo in the admin, instead of Wagtail's."""

from django import template

from dateline.core.models import SiteSettings

register = template.Library()


@register.simple_tag(takes_context=True)
def newsroom(context) -> SiteSettings:
    """The site settings (name, logo) of the site the admin is reached through; Wagtail keeps
    them on the request, so the title, logo and heading read them once."""
    return SiteSettings.for_request(context["request"])
