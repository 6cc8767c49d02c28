"""RSS and Atom feeds, read by feedparser as a feed reader would."""

import feedparser
import pytest
from wagtail.models import Site

from dateline.syndication.models import FeedSettings
from tests.helpers.factories import (
    ArticlePageFactory,
    make_articles,
    make_russian_edition,
    translate,
)
from tests.helpers.media_factories import BlogPageFactory, BlogPostPageFactory, make_media

pytestmark = pytest.mark.django_db


def parsed(client, url):
    response = client.get(url)
    assert response.status_code == 200, f"{url}: {response.status_code}"
    feed = feedparser.parse(response.content)
    assert not feed.bozo, f"{url}: {feed.bozo_exception}"
    return response, feed


@pytest.mark.parametrize(("url", "version"), [("/feeds/rss/", "rss20"), ("/feeds/atom/", "atom10")])
def test_edition_feed_lists_articles_newest_first_with_their_fields(client, site, url, version):
    older, newer = make_articles(site, 2)
    response, feed = parsed(client, url)
    assert feed.version == version
    assert feed.feed.title == "Dateline"  # the newsroom's name, from site settings
    assert [e.title for e in feed.entries[:2]] == [newer.title, older.title]
    entry = feed.entries[0]
    assert entry.link == f"http://localhost{newer.url}"
    assert entry.summary == newer.standfirst
    assert entry.author == "Nino Beridze"
    assert {t.term for t in entry.tags} == {"Caucasus", "Armenia", "Politics"}
    assert entry.published_parsed[:3] == newer.first_published_at.utctimetuple()[:3]
    assert "content" not in entry, "summary is the default: no full text"


def test_full_text_is_chosen_in_site_settings(client, site):
    article = ArticlePageFactory(
        parent=site["home"],
        body=[("paragraph", '<p>Full text with <a href="/about/">a link</a>.</p>')],
    )
    settings = FeedSettings.for_site(Site.objects.get(is_default_site=True))
    settings.full_text = True
    settings.save()
    for url in ("/feeds/rss/", "/feeds/atom/"):
        _, feed = parsed(client, url)
        entry = next(e for e in feed.entries if e.title == article.title)
        html = entry.content[0].value
        assert "Full text with" in html
        assert 'href="http://localhost/about/"' in html, "links in feeds must be absolute"


def test_term_feeds_list_what_is_tagged_with_the_term_or_its_places(client, site):
    in_armenia = ArticlePageFactory(parent=site["home"], terms=[site["armenia"]])
    in_kazakhstan = ArticlePageFactory(parent=site["home"], terms=[site["kazakhstan"]])
    in_collection = ArticlePageFactory(parent=site["home"], terms=[site["unrest"]])
    _, region = parsed(client, "/feeds/rss/regions/caucasus/")
    assert [e.title for e in region.entries] == [in_armenia.title]
    assert region.feed.title == "Dateline: Caucasus"
    _, place = parsed(client, "/feeds/atom/regions/central-asia/kazakhstan/")
    assert [e.title for e in place.entries] == [in_kazakhstan.title]
    _, topic = parsed(client, "/feeds/rss/topics/politics/")
    assert [e.title for e in topic.entries] == [in_collection.title]
    _, collection = parsed(client, "/feeds/atom/topics/politics/unrest/")
    assert [e.title for e in collection.entries] == [in_collection.title]


def test_author_and_blog_feeds(client, site):
    media = make_media(site)
    blog = BlogPageFactory(parent=media["blogs"], slug="kitchen", title="Kitchen")
    post = BlogPostPageFactory(parent=blog, authors=[site["author"]])
    article = ArticlePageFactory(parent=site["home"], authors=[site["author"]])
    ArticlePageFactory(parent=site["home"])  # by nobody in particular
    _, author = parsed(client, "/feeds/rss/authors/nino-beridze/")
    assert {e.title for e in author.entries} == {post.title, article.title}
    _, blog_feed = parsed(client, "/feeds/atom/blogs/kitchen/")
    assert [e.title for e in blog_feed.entries] == [post.title]
    assert blog_feed.entries[0].link == f"http://localhost{post.url}"
    # Blog posts are articles: the edition's feed has them too.
    _, edition = parsed(client, "/feeds/rss/")
    assert post.title in {e.title for e in edition.entries}


def test_each_edition_has_its_own_feeds(client, site):
    ru = make_russian_edition(site)
    english = ArticlePageFactory(parent=site["home"], terms=[site["armenia"]])
    russian = translate(english, ru["home"].locale, title="Новость", slug="novost")
    _, feed = parsed(client, "/ru/feeds/rss/")
    assert feed.feed.language == "ru"
    assert [e.title for e in feed.entries] == [russian.title]
    assert feed.entries[0].link == "http://localhost/ru/novost/"
    _, armenia = parsed(client, "/ru/feeds/atom/regions/caucasus/armenia/")
    assert [e.title for e in armenia.entries] == ["Новость"]


@pytest.mark.parametrize(
    "url",
    [
        "/feeds/rss/no-such-page/",
        "/feeds/atom/about/",
        "/feeds/rss/regions/nowhere/",
        "/feeds/json/",
    ],
)
def test_a_feed_that_does_not_exist_is_a_readable_404(client, site, url):
    response = client.get(url)
    assert response.status_code == 404
    if url != "/feeds/json/":
        assert "There is no feed at this address" in response.content.decode()


def test_every_page_announces_its_feeds_in_the_head(client, site):
    article = ArticlePageFactory(parent=site["home"])
    for url, own in [
        ("/", None),
        (article.url, None),
        ("/regions/caucasus/", "/feeds/rss/regions/caucasus/"),
        ("/authors/nino-beridze/", "/feeds/atom/authors/nino-beridze/"),
        ("/search/?q=x", None),
    ]:
        html = client.get(url).content.decode()
        head = html[: html.index("</head>")]
        assert (
            '<link rel="alternate" type="application/rss+xml" title="Dateline (RSS)" '
            'href="/feeds/rss/">' in head
        ), url
        assert 'type="application/atom+xml" title="Dateline (Atom)" href="/feeds/atom/"' in head, (
            url
        )
        if own:
            assert f'href="{own}"' in head, url


def test_feed_items_setting_limits_the_feed(client, site):
    make_articles(site, 7)
    settings = FeedSettings.for_site(Site.objects.get(is_default_site=True))
    settings.items = 5
    settings.save()
    _, feed = parsed(client, "/feeds/rss/")
    assert len(feed.entries) == 5
