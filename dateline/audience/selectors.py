"""Reads of reader counts, each in a fixed number of queries."""

import datetime as dt

from django.db.models import Sum, prefetch_related_objects
from django.utils import timezone
from wagtail.models import Locale

from dateline.news import selectors as news_selectors
from dateline.news.models import ArticlePage

from .models import DailyViews


def _ranked(locale: Locale | int | None, days: int, limit: int) -> list[dict]:
    since = timezone.localdate() - dt.timedelta(days=days - 1)
    rows = DailyViews.objects.filter(date__gte=since, page__live=True)
    if locale is not None:
        rows = rows.filter(page__locale=locale)
    return list(
        rows.values("page_id").annotate(total=Sum("views")).order_by("-total", "-page_id")[:limit]
    )


def popular_ranking(locale: Locale | int, days: int = 7, limit: int = 5) -> list[tuple[int, int]]:
    """(story id, views) of the edition's most-read live stories of the last ``days`` days
    (today included), most read first. One query; small enough to cache."""
    return [(row["page_id"], row["total"]) for row in _ranked(locale, days, limit)]


def articles_for_ranking(ranking: list[tuple[int, int]]) -> list[ArticlePage]:
    """The live stories of a ranking, in its order, with their bylines (``author_pages``,
    all the Popular rail shows besides the title) and ``view_count`` set."""
    if not ranking:
        return []
    found = ArticlePage.objects.live().in_bulk([page_id for page_id, _ in ranking])
    articles = []
    for page_id, total in ranking:
        article = found.get(page_id)
        if article is not None:
            article.view_count = total
            articles.append(article)
    prefetch_related_objects(articles, news_selectors.byline_prefetch())
    return articles


def popular_articles(locale: Locale | int, days: int = 7, limit: int = 5) -> list[ArticlePage]:
    """The edition's most-read live stories of the last ``days`` days (today included), most
    read first, with their bylines and ``view_count`` set."""
    return articles_for_ranking(popular_ranking(locale, days, limit))


def view_counts(days: int, limit: int = 50) -> list[dict]:
    """For the admin: the most-read stories of every edition with their counts."""
    ranked = _ranked(None, days, limit)
    found = ArticlePage.objects.select_related("locale").in_bulk([r["page_id"] for r in ranked])
    return [
        {"page": found[row["page_id"]], "views": row["total"]}
        for row in ranked
        if row["page_id"] in found
    ]
