"""What a bake starts from: the live pages of every edition and the other addresses a
crawl begins at (everything else is found by following links)."""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale, Page, Site

from dateline.syndication import selectors
from dateline.taxonomy.registry import tagged_models


@dataclass
class LivePage:
    id: int
    url: str
    published: str
    content: bool  # an article-like page (tagged content) rather than a listing or index
    ancestors: list[str]


def live_pages(site: Site) -> dict[str, LivePage]:
    """Every live, public page of every edition of the site, by address."""
    content_types = tuple(entry.model for entry in tagged_models())
    pages = {}
    editions = Page.objects.filter(translation_key=site.root_page.translation_key).live()
    for home in editions:
        tree = Page.objects.descendant_of(home, inclusive=True).live().public()
        urls_by_path: dict[str, str] = {}  # tree path -> address, of this edition's pages
        for page in tree.specific(defer=True).order_by("path"):
            parts = page.get_url_parts()
            if parts is None or parts[0] != site.pk:
                continue
            url = parts[2]
            urls_by_path[page.path] = url
            pages[url] = LivePage(
                id=page.pk,
                url=url,
                published=page.last_published_at.isoformat() if page.last_published_at else "",
                content=isinstance(page, content_types),
                ancestors=_ancestor_urls(page, home, urls_by_path),
            )
    return pages


def _ancestor_urls(page: Page, home: Page, urls_by_path: dict[str, str]) -> list[str]:
    """The addresses of the page's ancestors up to its edition's home, home first."""
    return [
        urls_by_path[page.path[:length]]
        for length in range(len(home.path), len(page.path), Page.steplen)
        if page.path[:length] in urls_by_path
    ]


def edition_locales(site: Site) -> list[Locale]:
    """The locales that have an edition (a translated home page) on the site."""
    return [
        locale
        for locale in Locale.objects.all()
        if selectors.edition_home(site, locale) is not None
    ]


def seeds(site: Site, pages: dict[str, LivePage]) -> list[str]:
    """The addresses a crawl starts from: the live pages, robots.txt, the sitemap index
    and each edition's feeds and OpenSearch description."""
    urls = list(pages) + [reverse("robots_txt"), reverse("sitemap")]
    for locale in edition_locales(site):
        with translation.override(locale.language_code):
            urls += [reverse("feed", args=["rss"]), reverse("feed", args=["atom"])]
            urls.append(reverse("opensearch"))
    return urls
