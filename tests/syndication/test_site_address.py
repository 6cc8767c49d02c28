"""Every absolute address the site gives out carries the one address it runs at
(DATELINE_BASE_URL, which the Wagtail Site record is made to match), on any port."""

import re

import pytest
from lxml import etree

from dateline.home.services import match_site_to_base_url
from tests.helpers.factories import (
    ArticlePageFactory,
    ImageFactory,
    make_russian_edition,
    translate,
)
from tests.helpers.media_factories import (
    PodcastEpisodePageFactory,
    PodcastSeriesPageFactory,
    make_media,
)

pytestmark = pytest.mark.django_db
ADDRESS = "http://127.0.0.1:8420"


@pytest.fixture
def on_port_8420(settings, site):
    settings.DATELINE_BASE_URL = ADDRESS
    settings.WAGTAILADMIN_BASE_URL = ADDRESS
    settings.WAGTAILAPI_BASE_URL = ADDRESS
    assert match_site_to_base_url(), "the Site record followed the setting"
    assert not match_site_to_base_url(), "and is left alone once it matches"
    ru = make_russian_edition(site)
    article = ArticlePageFactory(
        parent=site["home"], slug="ceasefire", lead_image=ImageFactory(), terms=[site["armenia"]]
    )
    translate(article, ru["home"].locale, title="Перемирие", slug="peremirie")
    media = make_media(site)
    series = PodcastSeriesPageFactory(
        parent=media["podcasts"], slug="weekly", cover_image=ImageFactory()
    )
    PodcastEpisodePageFactory(parent=series, slug="first")
    return site


def absolute_urls(text: str) -> list[str]:
    return re.findall(r"https?://[^\s\"'<>]+", text)


def assert_all_at_address(urls: list[str], what: str) -> None:
    ours = [url for url in urls if "example.org" not in url and "schema" not in url]
    assert ours, f"{what}: no absolute addresses found"
    strays = [url for url in ours if not url.startswith(ADDRESS) and "://" in url]
    # Standards' namespaces (sitemaps.org, w3.org, itunes.com, ...) are not addresses of ours.
    strays = [url for url in strays if re.match(r"https?://(127\.0\.0\.1|localhost)", url)]
    assert not strays, f"{what}: {strays}"


def test_page_head_links_carry_the_sites_address(client, on_port_8420):
    html = client.get("/ceasefire/").content.decode()
    head = html[: html.index("</head>")]
    assert f'<link rel="canonical" href="{ADDRESS}/ceasefire/">' in head
    assert f'<meta property="og:url" content="{ADDRESS}/ceasefire/">' in head
    assert f'hreflang="ru" href="{ADDRESS}/ru/peremirie/"' in head
    assert_all_at_address(absolute_urls(head), "article head")


@pytest.mark.parametrize(
    "url",
    [
        "/sitemap.xml",
        "/sitemap-en.xml",
        "/feeds/rss/",
        "/feeds/atom/",
        "/feeds/podcast/podcasts/weekly/",
        "/opensearch.xml",
        "/api/v2/articles/",
    ],
)
def test_machine_readable_outputs_carry_the_sites_address(client, on_port_8420, url):
    response = client.get(url)
    assert response.status_code == 200, url
    text = response.content.decode()
    assert_all_at_address(absolute_urls(text), url)


def test_podcast_enclosures_and_cover_art_carry_the_sites_address(client, on_port_8420):
    feed = etree.fromstring(client.get("/feeds/podcast/podcasts/weekly/").content)
    enclosure = feed.find(".//item/enclosure").get("url")
    cover = feed.find(".//{http://www.itunes.com/dtds/podcast-1.0.dtd}image").get("href")
    assert enclosure.startswith(ADDRESS + "/") and cover.startswith(ADDRESS + "/")


def test_api_html_url_carries_the_sites_address(client, on_port_8420):
    items = client.get("/api/v2/articles/").json()["items"]
    assert {item["meta"]["html_url"] for item in items} >= {f"{ADDRESS}/ceasefire/"}
