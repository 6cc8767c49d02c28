"""The newsroom's own name and logo in the admin, instead of Wagtail's."""

from django import template
from wagtail.models import Site

from dateline.core.models import SiteSettings

register = template.Library()


@register.simple_tag(takes_context=True)
def newsroom(context) -> SiteSettings:
    """The default site's settings (name, logo), read once per request."""
    request = context.get("request")
    cached = getattr(request, "_dateline_newsroom", None)
    if cached is None:
        site = Site.objects.filter(is_default_site=True).first() or Site.objects.first()
        cached = SiteSettings.for_site(site) if site else SiteSettings(name="Dateline")
        if request is not None:
            request._dateline_newsroom = cached
    return cached
