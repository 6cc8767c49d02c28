import pytest

from tests.factories import ArticlePageFactory

pytestmark = pytest.mark.django_db


def test_search_finds_articles_by_headline(client, site):
    ArticlePageFactory(parent=site["home"], title="Glaciers retreat in Tajikistan")
    ArticlePageFactory(parent=site["home"], title="Parliament votes on budget")
    response = client.get("/search/", {"q": "glaciers"})
    assert response.status_code == 200
    assert [i.title for i in response.context["items"]] == ["Glaciers retreat in Tajikistan"]


@pytest.mark.parametrize(
    "query",
    [
        "",
        "   ",
        "x" * 10_000,
        '"unclosed',
        "%_\\",
        "'; DROP TABLE wagtailcore_page; --",
        "<script>alert(1)</script>",
        "\u202eevil",
        "a\u0000b",
    ],
)
def test_bad_queries_never_fail(client, site, query):
    ArticlePageFactory(parent=site["home"], title="Glaciers retreat")
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.content.decode()


def test_long_query_is_cut_and_says_so(client, site):
    response = client.get("/search/", {"q": "glacier " * 100})
    assert "only its first 200 characters were used" in response.content.decode()
