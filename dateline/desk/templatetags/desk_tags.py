"""The newsroom's own name and logo in the admin, instead of Wagtail's; plain words in
wagtail-localize's screens."""

from django import template

from dateline.core.models import SiteSettings

register = template.Library()


@register.simple_tag(takes_context=True)
def newsroom(context) -> SiteSettings:
    """The site settings (name, logo) of the site the admin is reached through; Wagtail keeps
    them on the request, so the title, logo and heading read them once."""
    return SiteSettings.for_request(context["request"])


@register.simple_tag
def only_target_locale(form):
    """The one edition a page can still be translated into, or None when there are several
    (or none): wagtail-localize's translation form then needs no "Locales" choice."""
    field = form.fields.get("locales")
    choices = list(field.queryset) if field is not None else []
    return choices[0] if len(choices) == 1 else None
