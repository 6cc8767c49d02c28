"""'Republish this story': the copy-ready HTML, the per-article switch and the beacon's counts."""

import html as html_lib
import re

import pytest
from django.contrib.auth import get_user_model

from dateline.syndication.models import RepublishedView
from tests.helpers.factories import ArticlePageFactory, StandardPageFactory

pytestmark = pytest.mark.django_db


def republish_html(page_html: str) -> str:
    match = re.search(r'<textarea class="republish__html"[^>]*>(.*?)</textarea>', page_html, re.S)
    assert match, "the article has no republishing HTML"
    return html_lib.unescape(match.group(1))


def test_article_offers_copy_ready_html_with_byline_attribution_canonical_and_beacon(client, site):
    StandardPageFactory(parent=site["home"], title="Republishing", slug="republishing",
                        show_in_menus=True)  # fmt: skip
    article = ArticlePageFactory(
        parent=site["home"], slug="dam", title="A dam on the river", authors=[site["author"]],
        body=[("paragraph", '<p>Text with <a href="/about/">a link</a>.</p>'),
              ("heading", "What next")],
    )  # fmt: skip
    page = client.get("/dam/").content.decode()
    assert '<summary class="republish__toggle">Republish this story</summary>' in page
    assert '<a href="/republishing/">Read the republishing terms</a>' in page
    copy = republish_html(page)
    assert copy.startswith('<link rel="canonical" href="http://localhost/dam/">')
    assert "<h1>A dam on the river</h1>" in copy
    assert 'By Nino Beridze, <a href="http://localhost/dam/">Dateline</a>' in copy
    assert 'href="http://localhost/about/"' in copy, "links must be absolute on a partner's site"
    assert "What next" in copy
    assert "first published by" in copy
    assert (
        f'<img src="http://localhost/republish/{article.pk}/pixel.gif" alt="" width="1" height="1">'
        in copy
    )


def test_editors_can_turn_republishing_off_per_article(client, site):
    ArticlePageFactory(parent=site["home"], slug="agency", republishable=False)
    page = client.get("/agency/").content.decode()
    assert "Republish this story" not in page


def test_beacon_counts_views_per_partner_site(client, site):
    article = ArticlePageFactory(parent=site["home"])
    url = f"/republish/{article.pk}/pixel.gif"
    for _ in range(3):
        response = client.get(url, HTTP_REFERER="https://www.partner.example/news/dam")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/gif"
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]
    client.get(url, HTTP_REFERER="https://other.example/")
    client.get(url)  # no Referer at all
    client.get(url, HTTP_REFERER="http://localhost/dam/")  # our own page does not count
    counts = dict(RepublishedView.objects.filter(article=article).values_list("partner", "views"))
    assert counts == {"partner.example": 3, "other.example": 1, "unknown": 1}


@pytest.mark.parametrize("make", ["missing", "switched_off"])
def test_beacon_for_an_unknown_or_unrepublishable_story_is_a_readable_404(client, site, make):
    article_id = 999999
    if make == "switched_off":
        article_id = ArticlePageFactory(parent=site["home"], republishable=False).pk
    response = client.get(f"/republish/{article_id}/pixel.gif")
    assert response.status_code == 404
    assert f"No republishable story has the number {article_id}" in response.content.decode()
    assert not RepublishedView.objects.exists()


def test_counts_show_in_the_admin(client, site):
    article = ArticlePageFactory(parent=site["home"], title="A story partners like")
    RepublishedView.objects.create(article=article, partner="partner.example", views=42)
    editor = get_user_model().objects.create_superuser("editor", "e@example.org", "pw-long-enough")
    client.force_login(editor)
    response = client.get("/admin/reports/republished-views/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "A story partners like" in page and "partner.example" in page and "42" in page
    assert "/admin/reports/republished-views/" in client.get("/admin/").content.decode()
