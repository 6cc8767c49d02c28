"""Reads for feeds and sitemaps, each in a fixed number of queries."""

import datetime as dt

from django.db.models import QuerySet
from django.utils import timezone
from wagtail.models import Locale, Page, Site

from dateline.core.editions import home_page_query
from dateline.multimedia import selectors as media_selectors
from dateline.multimedia.models import BlogPage, PodcastEpisodePage, PodcastSeriesPage
from dateline.news import selectors as news_selectors
from dateline.news.models import ArticlePage, AuthorPage
from dateline.taxonomy import selectors as taxonomy_selectors
from dateline.taxonomy.models import TERM_MODELS

# The kinds of page that have a feed of their own, besides the edition.
FEED_PAGE_TYPES = (*TERM_MODELS, AuthorPage, BlogPage)
NEWS_SITEMAP_DAYS = 2
NEWS_SITEMAP_LIMIT = 1000  # Google's maximum per news sitemap


def edition_home(site: Site, locale: Locale) -> Page | None:
    """The live home page of ``locale``'s edition of ``site``."""
    return home_page_query(site, locale).first()


def page_at(home: Page, path: str) -> Page | None:
    """The live, public page at ``path`` below the edition's home ("regions/caucasus")."""
    path = path.strip("/")
    if not path:
        return None
    return (
        Page.objects.live()
        .public()
        .filter(locale_id=home.locale_id, url_path=f"{home.url_path}{path}/")
        .specific()
        .first()
    )


def feed_items(page: Page | None, locale: Locale, limit: int) -> list:
    """What a feed lists, newest first, with card data (authors, tags, image) prefetched.

    The edition's feed lists its articles (blog posts included); a term's lists everything
    tagged with it or its sub-terms; an author's their articles; a blog's its posts.
    """
    if page is None:
        return news_selectors.with_article_card_data(
            list(news_selectors.live_articles(locale)[:limit])
        )
    if isinstance(page, TERM_MODELS):
        pages = list(taxonomy_selectors.tagged_pages(page.listing_term_ids()).public()[:limit])
        return taxonomy_selectors.with_card_data(pages)
    if isinstance(page, AuthorPage):
        return news_selectors.with_article_card_data(
            list(news_selectors.articles_by(page).public()[:limit])
        )
    if isinstance(page, BlogPage):
        return news_selectors.with_article_card_data(
            list(media_selectors.blog_posts(page).public()[:limit])
        )
    return []


def podcast_episodes(series: PodcastSeriesPage, limit: int = 300) -> list[PodcastEpisodePage]:
    """A series' live episodes with audio, newest first, their files and art joined."""
    return list(
        media_selectors.episodes_of(series)
        .public()
        .filter(audio__isnull=False)
        .select_related("audio", "lead_image")[:limit]
    )


def sitemap_pages(locale: Locale) -> QuerySet[Page]:
    """Every live, public page of an edition, its home included, in tree order."""
    return (
        Page.objects.live()
        .public()
        .filter(locale=locale, depth__gte=2)
        .select_related("locale")
        .order_by("path")
    )


def translations_of(pages: list[Page]) -> dict:
    """{translation_key: [live translations]} for the given pages, in one query."""
    keys = {page.translation_key for page in pages}
    found: dict = {}
    for page in (
        Page.objects.live().public().filter(translation_key__in=keys).select_related("locale")
    ):
        found.setdefault(page.translation_key, []).append(page)
    return found


def news_sitemap_articles(locale: Locale, now: dt.datetime | None = None) -> list[ArticlePage]:
    """The edition's articles first published in the last two days (Google News reads no
    older ones), newest first, at most 1000."""
    since = (now or timezone.now()) - dt.timedelta(days=NEWS_SITEMAP_DAYS)
    return list(
        news_selectors.live_articles(locale)
        .public()
        .filter(first_published_at__gte=since)
        .select_related("locale")[:NEWS_SITEMAP_LIMIT]
    )
