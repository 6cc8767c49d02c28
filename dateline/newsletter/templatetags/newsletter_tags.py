from django import template
from django.template.loader import render_to_string

from dateline.core.pagecache import edition_fragment
from dateline.core.templatetags.core_tags import current_locale

register = template.Library()


@register.simple_tag(takes_context=True)
def signup_form(context, signup_id: str) -> str:
    """The empty newsletter signup form of the footer and the article's call to action.

    Every page of an edition shows the same one (no CSRF token, no reader's input), so its
    HTML is rendered once per edition generation and site. A form with a reader's errors
    (the subscribe page) includes the template itself.
    """
    request = context.get("request")

    def render() -> str:
        form_context = {"signup_id": signup_id, "signup_form": None}
        return render_to_string("newsletter/includes/signup_form.html", form_context, request)

    edition = current_locale(context).language_code
    return edition_fragment(request, edition, f"newsletter:signup:{signup_id}", render)
