import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.helpers.factories import ArticlePageFactory, make_articles

pytestmark = pytest.mark.django_db


def test_region_lists_stories_of_its_places_newest_first(client, site):
    old = ArticlePageFactory(parent=site["home"], title="Old", terms=[site["armenia"]])
    new = ArticlePageFactory(parent=site["home"], title="New", terms=[site["georgia"]])
    ArticlePageFactory(parent=site["home"], title="Elsewhere", terms=[site["kazakhstan"]])
    response = client.get("/regions/caucasus/")
    assert response.status_code == 200
    assert [item.title for item in response.context["items"]] == ["New", "Old"]
    html = response.content.decode()
    assert "What happened in new." in html  # standfirst
    assert old.first_published_at < new.first_published_at


def test_place_topic_and_collection_listings(client, site):
    ArticlePageFactory(parent=site["home"], title="In Yerevan", terms=[site["armenia"]])
    ArticlePageFactory(parent=site["home"], title="Protest", terms=[site["unrest"]])
    assert [i.title for i in client.get("/regions/caucasus/armenia/").context["items"]] == [
        "In Yerevan"
    ]
    # A topic lists the stories of its collections too.
    assert [i.title for i in client.get("/topics/politics/").context["items"]] == ["Protest"]
    assert [i.title for i in client.get("/topics/politics/unrest/").context["items"]] == ["Protest"]


def test_author_page_lists_their_stories(client, site):
    ArticlePageFactory(parent=site["home"], title="By Nino", authors=[site["author"]])
    ArticlePageFactory(parent=site["home"], title="By nobody")
    response = client.get("/authors/nino-beridze/")
    assert [i.title for i in response.context["items"]] == ["By Nino"]
    assert "Reporter" in response.content.decode()


def test_listing_paginates(client, site, settings):
    settings.DATELINE_LISTING_PAGE_SIZE = 3
    make_articles(site, 7)
    first = client.get("/regions/caucasus/")
    assert len(first.context["items"]) == 3
    assert "Page 1 of 3" in first.content.decode()
    last = client.get("/regions/caucasus/?page=3")
    assert len(last.context["items"]) == 1


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("99", "There is no page 99: this list has 1 page(s)."),
        ("0", "There is no page 0: this list has 1 page(s)."),
        ("-1", "There is no page -1: this list has 1 page(s)."),
        ("9" * 40, f"There is no page {'9' * 40}: this list has 1 page(s)."),
        ("abc", "“abc” is not a page number."),
        ("1.5", "“1.5” is not a page number."),
        ("%00", "“%00” is not a page number."),
        ("", "“” is not a page number."),
    ],
)
def test_bad_page_numbers_are_a_clear_404(client, site, value, message):
    make_articles(site, 2)
    response = client.get("/regions/caucasus/", {"page": value})
    assert response.status_code == 404
    html = response.content.decode()
    assert "Page not found" in html
    # The reader is told what was wrong with the number, not the generic "no such address".
    assert f"<p>{message}</p>" in html


def test_bad_page_message_is_escaped(client, site):
    response = client.get("/regions/caucasus/", {"page": "<b>x</b>"})
    assert response.status_code == 404
    assert "<b>x</b>" not in response.content.decode()
    assert "&lt;b&gt;x&lt;/b&gt;" in response.content.decode()


@pytest.mark.parametrize(
    "url",
    [
        "/regions/caucasus/",
        "/regions/caucasus/armenia/",
        "/topics/politics/",
        "/authors/nino-beridze/",
    ],
)
def test_listing_query_count_does_not_grow_with_articles(client, site, url):
    def count():
        client.get(url)  # renditions are made on the first render
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    make_articles(site, 2)
    few = count()
    make_articles(site, 10)
    assert count() == few
    assert few <= 30


def test_index_pages_list_every_term(client, site):
    html = client.get("/regions/").content.decode()
    for name in ["Caucasus", "Armenia", "Georgia", "Central Asia", "Kazakhstan"]:
        assert f">{name}</a>" in html
    html = client.get("/topics/").content.decode()
    assert ">Kyrgyzstan 2020 unrest</a>" in html


def test_header_menus_list_terms_in_panels(client, site):
    html = client.get("/about/").content.decode()
    regions_panel = html[html.index('id="menu-regions"') :]
    regions_panel = regions_panel[: regions_panel.index("</details>")]
    for name in ["Caucasus", "Armenia", "Georgia", "Central Asia", "Kazakhstan"]:
        assert f">{name}</a>" in regions_panel
    assert "Type part of a name to shorten the list" in regions_panel
    topics_panel = html[html.index('id="menu-topics"') :]
    assert ">Kyrgyzstan 2020 unrest</a>" in topics_panel[: topics_panel.index("</details>")]
