"""Light pages: an article's own HTML, CSS and JavaScript stay within 60 KB compressed, and
its pictures come in sizes and formats the reader's screen needs, loaded when needed."""

import gzip

import pytest
from django.contrib.staticfiles import finders
from lxml import html as lxml_html
from wagtail.rich_text import RichText

from tests.helpers.factories import (
    ArticlePageFactory,
    AuthorPageFactory,
    ImageFactory,
    make_articles,
)

pytestmark = pytest.mark.django_db

ARTICLE_BUDGET = 60_000  # bytes, as bench/weight.py counts them
PARAGRAPH = (
    "<p>Officials in the capital said on Tuesday that the talks would resume next week, "
    "after a pause of several months in which neither side gave ground on the border "
    "villages, the water agreement or the return of people displaced by the fighting.</p>"
)


def compressed(data: bytes) -> int:
    # WhiteNoise precompresses static files at level 9; level 6 is a typical server's choice
    # for pages. Either way, what crosses the network.
    return len(gzip.compress(data, compresslevel=6))


def static_file(url: str) -> bytes:
    path = finders.find(url.removeprefix("/static/"))
    assert path, f"{url} is referenced by the page but is not a static file"
    with open(path, "rb") as handle:
        return handle.read()


def long_article(site):
    """A long story as a newsroom publishes it: 40 paragraphs, two pictures, three authors."""
    authors = [site["author"], *AuthorPageFactory.create_batch(2, parent=site["authors"])]
    body = []
    for number in range(40):
        body.append(("paragraph", RichText(PARAGRAPH)))
        if number in (10, 25):
            body.append(("image", {"image": ImageFactory(), "caption": "At the crossing"}))
    make_articles(site, 6)  # for Related and the listing rails
    return ArticlePageFactory(
        parent=site["home"],
        lead_image=ImageFactory(),
        lead_image_caption="The border post at dawn",
        body=body,
        terms=[site["caucasus"], site["armenia"], site["politics"]],
        authors=authors,
    )


def test_an_article_stays_within_its_weight_budget(client, site):
    article = long_article(site)
    html = client.get(article.url).content
    document = lxml_html.fromstring(html)
    stylesheets = document.xpath("//link[@rel='stylesheet']/@href")
    scripts = document.xpath("//script[@src]/@src")
    assert stylesheets and scripts  # the measure below must see the page's own files

    weight = compressed(html)
    weight += sum(compressed(static_file(url)) for url in stylesheets + scripts)
    assert weight < ARTICLE_BUDGET, f"{weight:,} bytes compressed"


def test_pages_ask_no_other_host_for_anything(client, site):
    article = long_article(site)
    for url in ["/", article.url, "/regions/caucasus/"]:
        document = lxml_html.fromstring(client.get(url).content)
        addresses = document.xpath(
            "//script/@src | //link[@rel!='alternate' and @rel!='canonical']/@href"
            " | //img/@src | //img/@srcset | //source/@srcset | //iframe/@src"
        )
        outside = [a for a in addresses if "//" in a.split(" ")[0].split(",")[0]]
        assert outside == [], url


def pictures(html: bytes) -> list:
    return lxml_html.fromstring(html).xpath("//main//img")


def test_the_lead_picture_comes_first_and_in_every_size(client, site):
    article = long_article(site)
    images = pictures(client.get(article.url).content)
    lead, *rest = images
    assert lead.get("fetchpriority") == "high"
    assert lead.get("loading") != "lazy"
    assert lead.get("width") and lead.get("height")
    assert len(lead.get("srcset").split(",")) == 3
    # (lxml's HTML parser does not know <source> is empty, and may nest the <img> in it.)
    sources = lead.xpath("ancestor::picture//source/@type")
    assert "image/webp" in sources
    # Body pictures and the Related cards wait until the reader scrolls near them.
    assert len(rest) >= 4
    for image in rest:
        assert image.get("loading") == "lazy", lxml_html.tostring(image)
        assert image.get("width") and image.get("height")
        assert image.get("srcset")


def test_listing_cards_reserve_their_space_and_load_lazily(client, site):
    make_articles(site, 8)
    images = pictures(client.get("/regions/caucasus/").content)
    assert len(images) >= 8
    lazy = [image for image in images if image.get("loading") == "lazy"]
    assert len(lazy) >= len(images) - 1  # only a lead card may load at once
    for image in images:
        assert image.get("width") and image.get("height") and image.get("srcset")
