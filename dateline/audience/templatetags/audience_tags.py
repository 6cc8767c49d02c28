from django import template
from django.conf import settings
from django.core.cache import cache

from dateline.core.templatetags.core_tags import current_locale

from .. import selectors

register = template.Library()


@register.simple_tag(takes_context=True)
def popular_articles(context, days: int = 7, limit: int = 5) -> list:
    """The edition's most-read stories of the last ``days`` days.

    The ranking changes only when the worker folds new views in, so it is cached for
    DATELINE_POPULAR_CACHE_SECONDS: most pages then spend no query on it while it is empty
    and only the card queries when it is not.
    """
    locale = current_locale(context)
    ranking = cache.get_or_set(
        f"audience:popular:{locale.pk}:{days}:{limit}",
        lambda: selectors.popular_ranking(locale, days=days, limit=limit),
        settings.DATELINE_POPULAR_CACHE_SECONDS,
    )
    return selectors.articles_for_ranking(ranking)
