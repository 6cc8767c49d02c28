"""SQL queries of a cold render of each public page type (the page not in the page cache,
the edition's header and footer already cached by an earlier page), and of a stored page.

The budgets are today's counts in the test newsroom, not the goal: the goal is 12 for every
page. They do not grow with the number of articles, tags or authors (the listing, home and
article tests check that).
"""

import pytest
from django.test import override_settings

from tests.core.test_page_cache import templates_setting
from tests.factories import ArticlePageFactory, make_articles

pytestmark = pytest.mark.django_db

BUDGETS = {
    "home": ("/", 27),
    "article": (None, 28),
    "region listing": ("/regions/caucasus/", 28),
    "place listing": ("/regions/caucasus/armenia/", 29),
    "topic listing": ("/topics/politics/", 28),
    "author": ("/authors/nino-beridze/", 26),
    "footer page": ("/about/", 10),
    "search page": ("/search/", 6),
    "feed": ("/feeds/rss/", 15),
}


@pytest.fixture
def warm_chrome(client, site):
    caches = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "query-budget-tests",
        }
    }
    with override_settings(CACHES=caches, DATELINE_PAGE_CACHE=True, TEMPLATES=templates_setting()):
        from django.core.cache import cache

        make_articles(site, 4)
        client.get("/authors/")  # another page of the edition: caches the header and footer
        yield
        cache.clear()


@pytest.mark.parametrize("name", list(BUDGETS))
def test_a_cold_render_stays_within_its_budget_and_a_hit_costs_nothing(
    client, site, warm_chrome, name, django_assert_max_num_queries, django_assert_num_queries
):
    url, budget = BUDGETS[name]
    if url is None:
        url = ArticlePageFactory(parent=site["home"], terms=[site["armenia"]]).url
    with django_assert_max_num_queries(budget):
        response = client.get(url)
    assert response.status_code == 200
    assert response["X-Dateline-Cache"] == "miss"
    with django_assert_num_queries(0):
        assert client.get(url)["X-Dateline-Cache"] == "hit"
