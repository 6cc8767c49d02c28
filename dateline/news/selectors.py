"""Reads of articles and authors, each in a fixed number of queries."""

from django.db.models import Count, Max, Prefetch, QuerySet, prefetch_related_objects
from wagtail.images import get_image_model
from wagtail.models import Locale, Page

# news.models imports this module for get_context; the module reference resolves lazily.
from . import models as news


def card_prefetches() -> tuple:
    """What a card (image, headline, standfirst, date, tags, authors) needs from the database."""
    return (
        Prefetch(
            "tags", queryset=news.ArticleTag.objects.select_related("term").order_by("sort_order")
        ),
        Prefetch(
            "authors",
            queryset=news.ArticleAuthor.objects.select_related("author").order_by("sort_order"),
        ),
        Prefetch("lead_image", queryset=get_image_model().objects.prefetch_renditions()),
    )


def with_article_card_data(articles: list) -> list:
    """Prefetch card data onto already-fetched articles (a fixed number of queries)."""
    if articles:
        prefetch_related_objects(articles, *card_prefetches())
    return articles


def live_articles(locale: Locale | int | None = None) -> QuerySet:
    """Live articles, newest first; of one edition when ``locale`` (or its id) is given."""
    articles = news.ArticlePage.objects.live()
    if locale is not None:
        articles = articles.filter(locale=locale)
    return articles.order_by("-first_published_at", "-pk")


def latest_articles(locale: Locale, limit: int, exclude: list[int] = ()) -> list:
    articles = live_articles(locale).exclude(pk__in=exclude)[:limit]
    return with_article_card_data(list(articles))


def articles_by(author) -> QuerySet:
    """The author's live articles, newest first."""
    return live_articles().filter(authors__author=author)


def articles_tagged(term_ids: list[int], locale: Locale, limit: int) -> list:
    """The newest live articles carrying any of the terms, without card data."""
    tagged = news.ArticleTag.objects.filter(term_id__in=term_ids).values("page_id")
    return list(live_articles(locale).filter(pk__in=tagged)[:limit])


def related_articles(article, limit: int = 3) -> list:
    """Stories on the same story: the editors' pins first, then the live articles sharing the
    most places and topics with ``article``, newest first among equals."""
    pinned_ids = list(article.related_pins.values_list("article_id", flat=True)[:limit])
    pinned = {a.pk: a for a in live_articles(article.locale_id).filter(pk__in=pinned_ids)}
    related = [pinned[pk] for pk in pinned_ids if pk in pinned]
    wanted = limit - len(related)
    if wanted > 0:
        term_ids = [tag.term_id for tag in article.tags.all()]
        ranked = (
            news.ArticleTag.objects.filter(
                term_id__in=term_ids, page__live=True, page__locale_id=article.locale_id
            )
            .exclude(page_id__in=[article.pk, *pinned_ids])
            .values("page_id")
            .annotate(shared=Count("id"), published=Max("page__first_published_at"))
            .order_by("-shared", "-published", "-page_id")[:wanted]
        )
        ranked_ids = [row["page_id"] for row in ranked]
        found = news.ArticlePage.objects.in_bulk(ranked_ids)
        related += [found[pk] for pk in ranked_ids if pk in found]
    return with_article_card_data(related)


def authors_of(index_page: Page) -> list:
    return list(
        news.AuthorPage.objects.live().child_of(index_page).select_related("photo").order_by("path")
    )


def live_updates(article, after: int | None = None) -> list:
    """The article's live updates with their authors, newest first; only those with an id
    above ``after`` when given (what a reader's open page has not seen yet). One query."""
    updates = article.live_updates.select_related("author").order_by("-published_at", "-pk")
    if after is not None:
        updates = updates.filter(pk__gt=after)
    return list(updates)


def corrections_in(locale: Locale) -> QuerySet:
    """Every correction of the edition's live stories, newest first, with its story."""
    return (
        news.Correction.objects.filter(page__live=True, page__locale=locale)
        .select_related("page")
        .order_by("-date", "-pk")
    )


def staff(locale: Locale) -> list:
    """The edition's authors in the admin's order, with their photos' renditions."""
    return list(
        news.AuthorPage.objects.live()
        .filter(locale=locale)
        .prefetch_related(
            Prefetch("photo", queryset=get_image_model().objects.prefetch_renditions())
        )
        .order_by("path")
    )
