"""The newsroom's own name and logo in the admin, instead of Wagtail's; plain words in
wagtail-localize's screens."""

from django import template
from modelcluster.fields import ParentalKey
from wagtail.models import Page

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


@register.simple_tag
def inline_child_label(form) -> str:
    """A readable heading for a row of an inline panel instead of "Authors 1": the title of
    the page it points to (an author's name, a story's headline), or its label or date
    field. "" for a new, empty row."""
    instance = form.instance
    for field in instance._meta.concrete_fields:
        if isinstance(field, ParentalKey) or not field.is_relation:
            continue
        if issubclass(field.related_model, Page) and getattr(instance, field.attname):
            return getattr(instance, field.name).get_admin_display_title()
    for name in ("label", "title", "name"):
        value = getattr(instance, name, None)
        if isinstance(value, str) and value:
            return value
    return ""
