"""Sitemaps validated against the protocols' XML schemas, and robots.txt."""

import datetime as dt
from pathlib import Path

import pytest
from django.utils import timezone
from lxml import etree
from wagtail.models import Page

from tests.helpers.factories import ArticlePageFactory, make_russian_edition, translate

pytestmark = pytest.mark.django_db
SCHEMAS = Path(__file__).parent / "schemas"
NS = {
    "sm": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "news": "http://www.google.com/schemas/sitemap-news/0.9",
    "xhtml": "http://www.w3.org/1999/xhtml",
}


def valid(content: bytes, schema: str):
    document = etree.fromstring(content)
    xsd = etree.XMLSchema(etree.parse(str(SCHEMAS / schema)))
    assert xsd.validate(document), xsd.error_log
    return document


def recent(site, hours: int, **kwargs):
    when = timezone.now() - dt.timedelta(hours=hours)
    return ArticlePageFactory(
        parent=site["home"], first_published_at=when, last_published_at=when, **kwargs
    )


def test_sitemap_index_lists_each_editions_sitemaps(client, site):
    make_russian_edition(site)
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    index = valid(response.content, "siteindex.xsd")
    locations = [loc.text for loc in index.findall("sm:sitemap/sm:loc", NS)]
    assert locations == [
        "http://localhost/sitemap-en.xml",
        "http://localhost/news-sitemap-en.xml",
        "http://localhost/sitemap-ru.xml",
        "http://localhost/news-sitemap-ru.xml",
    ]
    assert index.find("sm:sitemap/sm:lastmod", NS) is not None


def test_sitemap_index_takes_a_recent_story_without_a_last_published_date(client, site):
    # The demo's live story is one: published, first_published_at set, the other empty.
    recent(site, 2)
    ArticlePageFactory(parent=site["home"], first_published_at=timezone.now())
    Page.objects.filter(pk=Page.objects.latest("pk").pk).update(last_published_at=None)
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    valid(response.content, "siteindex.xsd")


def test_sitemap_lists_live_pages_with_lastmod(client, site):
    live = ArticlePageFactory(parent=site["home"], slug="live-story")
    draft = ArticlePageFactory(parent=site["home"], slug="draft-story")
    draft.unpublish()
    root = valid(client.get("/sitemap-en.xml").content, "urlset.xsd")
    locations = [loc.text for loc in root.findall("sm:url/sm:loc", NS)]
    assert "http://localhost/" in locations
    assert "http://localhost/live-story/" in locations
    assert "http://localhost/draft-story/" not in locations
    assert "http://localhost/regions/caucasus/armenia/" in locations
    assert len(locations) == Page.objects.live().filter(depth__gte=2).count()
    entry = next(
        u for u in root.findall("sm:url", NS) if u.find("sm:loc", NS).text.endswith("/live-story/")
    )
    lastmod = dt.datetime.fromisoformat(entry.find("sm:lastmod", NS).text)
    assert lastmod == live.last_published_at


def test_sitemap_links_translations_with_hreflang(client, site):
    ru = make_russian_edition(site)
    article = ArticlePageFactory(parent=site["home"], slug="ceasefire")
    translate(article, ru["home"].locale, title="Перемирие", slug="peremirie")
    root = valid(client.get("/sitemap-en.xml").content, "urlset.xsd")
    entry = next(
        u for u in root.findall("sm:url", NS) if u.find("sm:loc", NS).text.endswith("/ceasefire/")
    )
    links = {link.get("hreflang"): link.get("href") for link in entry.findall("xhtml:link", NS)}
    assert links == {
        "en": "http://localhost/ceasefire/",
        "ru": "http://localhost/ru/peremirie/",
        "x-default": "http://localhost/ceasefire/",
    }
    russian = valid(client.get("/sitemap-ru.xml").content, "urlset.xsd")
    assert "http://localhost/ru/peremirie/" in [
        loc.text for loc in russian.findall("sm:url/sm:loc", NS)
    ]


def test_news_sitemap_has_the_last_two_days_articles_per_edition(client, site):
    ru = make_russian_edition(site)
    fresh = recent(site, 3, slug="fresh", title="Fresh story")
    recent(site, 47, slug="yesterday")
    recent(site, 50, slug="old")
    translate(fresh, ru["home"].locale, title="Свежая новость", slug="svezhaya")
    root = valid(client.get("/news-sitemap-en.xml").content, "urlset.xsd")
    urls = root.findall("sm:url", NS)
    assert [u.find("sm:loc", NS).text for u in urls] == [
        "http://localhost/fresh/",
        "http://localhost/yesterday/",
    ]
    news = urls[0].find("news:news", NS)
    assert news.findtext("news:publication/news:name", namespaces=NS) == "Dateline"
    assert news.findtext("news:publication/news:language", namespaces=NS) == "en"
    assert news.findtext("news:title", namespaces=NS) == "Fresh story"
    published = dt.datetime.fromisoformat(news.findtext("news:publication_date", namespaces=NS))
    assert published == fresh.first_published_at
    assert {link.get("hreflang") for link in urls[0].findall("xhtml:link", NS)} == {
        "en", "ru", "x-default"
    }  # fmt: skip
    russian = valid(client.get("/news-sitemap-ru.xml").content, "urlset.xsd")
    assert russian.findtext("sm:url/news:news/news:title", namespaces=NS) == "Свежая новость"
    assert (
        russian.findtext("sm:url/news:news/news:publication/news:language", namespaces=NS) == "ru"
    )


def test_schemas_refuse_a_broken_sitemap():
    """The schemas are strict enough to catch a mistake (so that passing means something)."""
    broken = (
        b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        b'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">'
        b"<url><loc>http://localhost/a/</loc><news:news><news:title>A</news:title></news:news>"
        b"</url></urlset>"
    )
    xsd = etree.XMLSchema(etree.parse(str(SCHEMAS / "urlset.xsd")))
    assert not xsd.validate(etree.fromstring(broken))


@pytest.mark.parametrize(
    ("url", "status", "message"),
    [
        ("/sitemap-en.xml?p=abc", 400, "is not a sitemap part number"),
        ("/sitemap-en.xml?p=9", 404, "This sitemap has no part 9"),
        ("/sitemap-xx.xml", 404, "There is no “xx” edition"),
        ("/news-sitemap-xx.xml", 404, "There is no “xx” edition"),
    ],
)
def test_bad_sitemap_addresses_get_a_clear_4xx(client, site, url, status, message):
    response = client.get(url)
    assert response.status_code == status
    assert message in response.content.decode()


def test_robots_txt_points_to_the_sitemap_and_keeps_out_admin(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    body = response.content.decode()
    assert "Disallow: /admin/" in body
    assert "Sitemap: http://testserver/sitemap.xml" in body
