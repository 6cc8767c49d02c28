from django import template
from django.conf import settings
from django.template.loader import render_to_string

from dateline.core.pagecache import depends_on, edition_fragment
from dateline.core.templatetags.core_tags import current_locale

from .. import selectors

register = template.Library()


@register.simple_tag(takes_context=True)
def popular_rail(context, days: int = 7, limit: int = 5) -> str:
    """The Popular rail: the edition's most-read stories of the last ``days`` days.

    The ranking changes only when the worker folds new views in, so the rail's HTML is
    kept for DATELINE_POPULAR_CACHE_SECONDS: most pages then spend no query and no
    rendering on it. A publish or unpublish of a story it lists clears it (core.pagecache),
    so an unpublished story leaves the list at once.
    """
    locale = current_locale(context)
    request = context.get("request")

    def render() -> str:
        popular = selectors.popular_articles(locale, days=days, limit=limit)
        # Retired when a story it lists changes; views move it on by its timeout.
        depends_on(*(f"page:{story.pk}" for story in popular))
        return render_to_string("audience/popular_rail.html", {"popular": popular}, request)

    return edition_fragment(
        request,
        locale.language_code,
        f"audience:popular:{locale.pk}:{days}:{limit}",
        render,
        timeout=settings.DATELINE_POPULAR_CACHE_SECONDS,
    )
