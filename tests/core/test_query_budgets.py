"""SQL queries of a cold render of each public page type (the page not in the page cache,
what every page of the edition shares already cached by an earlier page: header, footer,
menus, Popular), and of a stored page.

The goal is 12 for every page (issue #8). The counts do not grow with the number of
articles, tags, authors or photographs: the pages below have several of each, and the
listing, home and article tests elsewhere check growth directly.
"""

import datetime as dt

import pytest
from django.test import override_settings
from wagtail.models import PageViewRestriction

from dateline.core import pagecache
from dateline.news.models import ArticlePage, Correction, LiveUpdate
from tests.helpers.factories import (
    ArticlePageFactory,
    AuthorPageFactory,
    make_articles,
    make_russian_edition,
    translate,
)
from tests.helpers.media_factories import (
    BlogPageFactory,
    BlogPostPageFactory,
    VisualStoryPageFactory,
    make_media,
)

pytestmark = pytest.mark.django_db

BUDGET = 12
# A blog post names its blog above its headline and on its related cards (#20): the parent
# pages are read once for the page and once for its cards.
EXTRA = {"blog post": 2}


def _article(site):
    return ArticlePageFactory(
        parent=site["home"],
        terms=[site["caucasus"], site["armenia"], site["politics"]],
        authors=[site["author"], AuthorPageFactory(parent=site["authors"])],
    )


def _live_article(site):
    article = _article(site)
    ArticlePage.objects.filter(pk=article.pk).update(is_live=True)
    for n in range(3):
        LiveUpdate.objects.create(
            page=article, headline=f"Update {n}", body=f"<p>Update {n}.</p>", author=site["author"]
        )
    Correction.objects.create(
        page=article, date=dt.date(2024, 1, 2), text="An earlier version misspelt a name."
    )
    return article


def _blog(site):
    blog = BlogPageFactory(parent=make_media(site)["blogs"])
    for author in (site["author"], AuthorPageFactory(parent=site["authors"])):
        blog.blog_authors.create(author=author)
    for _ in range(3):
        BlogPostPageFactory(parent=blog, terms=[site["armenia"]])
    return blog


def _visual_story(site):
    return VisualStoryPageFactory(parent=make_media(site)["stories"], terms=[site["armenia"]])


def _russian_article(site):
    russian = make_russian_edition(site)
    return translate(_article(site), russian["home"].locale)


PAGES = {
    "home": "/",
    "article": _article,
    "live article": _live_article,
    "region listing": "/regions/caucasus/",
    "place listing": "/regions/caucasus/armenia/",
    "topic listing": "/topics/politics/",
    "author": "/authors/nino-beridze/",
    "footer page": "/about/",
    "blog": _blog,
    "blog post": lambda site: _blog(site).get_children().first().specific,
    "visual story": _visual_story,
    "Russian article": _russian_article,
    "search page": "/search/",
    "feed": "/feeds/rss/",
}


@pytest.fixture
def page_cache_on(client, site):
    caches = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "query-budget-tests",
        }
    }
    with override_settings(CACHES=caches, DATELINE_PAGE_CACHE=True):
        from django.core.cache import cache

        make_articles(site, 4)
        # The site's settings rows exist on any site that has served a page before.
        client.get("/feeds/rss/")
        yield
        cache.clear()


def warm_the_edition(client, url: str) -> None:
    """Fill what the edition's pages share, by visiting another page of the edition that
    shows all of it (the home page, or an article for the home page itself)."""
    from django.core.cache import cache

    cache.clear()
    pagecache.forget_generations()  # the cleared cache no longer holds what the memo copied
    russian = url.startswith("/ru/")
    home = "/ru/" if russian else "/"
    if url == home:
        other = ArticlePage.objects.live().filter(locale__language_code="en").first().url
    else:
        other = home
    assert client.get(other).status_code == 200


@pytest.mark.parametrize("name", list(PAGES))
def test_a_cold_render_stays_within_its_budget_and_a_hit_costs_nothing(
    client, site, page_cache_on, name, django_assert_max_num_queries, django_assert_num_queries
):
    url = PAGES[name]
    if callable(url):
        url = url(site).url
    warm_the_edition(client, url)
    with django_assert_max_num_queries(BUDGET + EXTRA.get(name, 0)):
        response = client.get(url)
    assert response.status_code == 200
    assert response["X-Dateline-Cache"] == "miss"
    with django_assert_num_queries(0):
        assert client.get(url)["X-Dateline-Cache"] == "hit"


def test_a_missing_page_is_a_404_in_few_queries(
    client, site, page_cache_on, django_assert_max_num_queries
):
    warm_the_edition(client, "/regions/caucasus/")
    with django_assert_max_num_queries(BUDGET):
        assert client.get("/regions/caucasus/atlantis/").status_code == 404
    assert client.get("/no-such-story/").status_code == 404


def test_a_page_restricted_after_it_was_stored_is_no_longer_served(
    client, site, page_cache_on, django_capture_on_commit_callbacks
):
    story = _article(site)
    assert client.get(story.url)["X-Dateline-Cache"] == "miss"
    with django_capture_on_commit_callbacks(execute=True):
        PageViewRestriction.objects.create(page=story, restriction_type="password", password="x")
    response = client.get(story.url)
    assert response.status_code == 200
    assert b"password" in response.content.lower()
    assert "no-cache" in response["Cache-Control"] or "private" in response["Cache-Control"]
