from django import template
from django.conf import settings

from dateline.core.pagecache import edition_cached
from dateline.core.templatetags.core_tags import current_locale

from .. import selectors

register = template.Library()


@register.simple_tag(takes_context=True)
def popular_articles(context, days: int = 7, limit: int = 5) -> list:
    """The edition's most-read stories of the last ``days`` days.

    The ranking changes only when the worker folds new views in, so the list, cards and
    all, is cached for DATELINE_POPULAR_CACHE_SECONDS: most pages then spend no query on it.
    A publish or unpublish in the edition clears it (core.pagecache), so an unpublished
    story leaves the list at once.
    """
    locale = current_locale(context)
    return edition_cached(
        locale.language_code,
        f"audience:popular:{locale.pk}:{days}:{limit}",
        lambda: selectors.popular_articles(locale, days=days, limit=limit),
        timeout=settings.DATELINE_POPULAR_CACHE_SECONDS,
    )
