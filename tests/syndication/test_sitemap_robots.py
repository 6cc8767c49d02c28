import xml.etree.ElementTree as ET

import pytest

from tests.factories import ArticlePageFactory

pytestmark = pytest.mark.django_db
NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def test_sitemap_lists_live_pages_with_lastmod(client, site):
    live = ArticlePageFactory(parent=site["home"], slug="live-story")
    draft = ArticlePageFactory(parent=site["home"], slug="draft-story")
    draft.unpublish()
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    locations = [url.find("sm:loc", NS).text for url in root.findall("sm:url", NS)]
    assert "http://localhost/live-story/" in locations
    assert "http://localhost/draft-story/" not in locations
    assert "http://localhost/regions/caucasus/armenia/" in locations
    entry = next(
        u for u in root.findall("sm:url", NS) if u.find("sm:loc", NS).text.endswith("/live-story/")
    )
    assert entry.find("sm:lastmod", NS).text.startswith(live.last_published_at.date().isoformat())


def test_robots_txt_points_to_the_sitemap_and_keeps_out_admin(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    body = response.content.decode()
    assert "Disallow: /admin/" in body
    assert "Sitemap: http://testserver/sitemap.xml" in body
