"""A third edition is settings, a locale, a catalogue and content (docs/editions.md).

Uzbek is switched on here with override_settings, given its Locale and a translated home
page and article, and served by the same code as English and Russian: nothing in Dateline
lists the editions.
"""

import re

import pytest
from django.core.cache import cache
from django.test import RequestFactory, override_settings
from wagtail.models import Locale

from dateline.core.faults import outage_page
from tests.helpers.factories import ArticlePageFactory, make_russian_edition, translate

pytestmark = pytest.mark.django_db

THREE_EDITIONS = [("en", "English"), ("ru", "Russian"), ("uz", "Uzbek")]


@pytest.fixture
def uz(site):
    with override_settings(LANGUAGES=THREE_EDITIONS, WAGTAIL_CONTENT_LANGUAGES=THREE_EDITIONS):
        cache.clear()  # Wagtail keeps the locales' names in the cache
        make_russian_edition(site)
        locale = Locale.objects.create(language_code="uz")
        home = translate(site["home"], locale, title="Sinov tahririyati")
        article = ArticlePageFactory(
            parent=site["home"], title="Ceasefire agreed", slug="ceasefire"
        )
        uz_article = translate(
            article,
            locale,
            title="Oʻt ochishni toʻxtatish kelishildi",
            slug="otashkesim",
            standfirst="Tomonlar kelishdi.",
        )
        yield {"locale": locale, "home": home, "article": article, "uz_article": uz_article}
    cache.clear()


def language_links(html: str) -> dict[str, tuple[str, str]]:
    """The header's language links: hreflang -> (address, label)."""
    found = re.findall(r'<a href="([^"]+)" hreflang="([^"]+)" lang="[^"]+">([^<]+)</a>', html)
    return {code: (url, label) for url, code, label in found}


def test_the_third_editions_home_and_article_are_served_in_its_language(client, uz):
    home = client.get("/uz/")
    assert home.status_code == 200
    html = home.content.decode()
    assert '<html lang="uz"' in html and "Sinov tahririyati" in html
    assert "Oʻt ochishni toʻxtatish kelishildi" in html  # the edition's own latest story

    article = client.get("/uz/otashkesim/").content.decode()
    assert '<html lang="uz"' in article
    assert "<h1" in article and "Oʻt ochishni toʻxtatish kelishildi" in article
    assert "Ceasefire agreed" not in article
    # No catalogue yet: the Open Graph locale is Django's name for the language.
    assert '<meta property="og:locale" content="uz">' in article


def test_every_edition_links_to_the_others_in_their_own_language(client, uz):
    links = language_links(client.get("/ceasefire/").content.decode())
    # Uzbek has a translation of the story; Russian has not, so its link leads home.
    # Without an Uzbek catalogue, the link's label is Django's local name of the language.
    assert links == {"ru": ("/ru/", "русский"), "uz": ("/uz/otashkesim/", "oʻzbek tili")}

    links = language_links(client.get("/uz/otashkesim/").content.decode())
    assert links == {"en": ("/ceasefire/", "English"), "ru": ("/ru/", "русский")}

    alternates = re.findall(
        r'<link rel="alternate" hreflang="([^"]+)"', client.get("/ceasefire/").content.decode()
    )
    assert set(alternates) == {"en", "uz", "x-default"}


def test_sitemaps_feeds_and_robots_cover_the_third_edition(client, uz):
    index = client.get("/sitemap.xml").content.decode()
    assert "/sitemap-uz.xml</loc>" in index and "/news-sitemap-uz.xml</loc>" in index
    sitemap = client.get("/sitemap-uz.xml").content.decode()
    pages = re.findall(r"<loc>([^<]+)</loc>", sitemap)
    assert "http://localhost/uz/otashkesim/" in pages
    assert all(url.startswith("http://localhost/uz/") for url in pages)

    feed = client.get("/uz/feeds/rss/")
    assert feed.status_code == 200
    assert "Oʻt ochishni toʻxtatish kelishildi" in feed.content.decode()
    assert "Ceasefire agreed" not in feed.content.decode()

    robots = client.get("/robots.txt").content.decode()
    assert "Disallow: /uz/search/" in robots


def test_the_third_editions_search_finds_its_own_stories(client, uz):
    response = client.get("/uz/search/", {"q": "kelishildi"})
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="uz"' in html
    assert "/uz/otashkesim/" in html
    assert client.get("/search/", {"q": "kelishildi"}).content.decode().count("/otashkesim/") == 0


def test_the_outage_page_of_the_third_edition_leads_to_its_home(uz):
    response = outage_page(RequestFactory().get("/uz/otashkesim/"), "503.html", 503)
    html = response.content.decode()
    assert '<html lang="uz">' in html and '<a href="/uz/">' in html
