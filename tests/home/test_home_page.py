import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from dateline.home.models import FocusCollection
from tests.helpers.factories import ArticlePageFactory, make_articles

pytestmark = pytest.mark.django_db


def test_front_page_leads_with_the_newest_story_and_has_region_rails(client, site):
    ArticlePageFactory(parent=site["home"], title="Older", terms=[site["kazakhstan"]])
    ArticlePageFactory(parent=site["home"], title="Armenian", terms=[site["armenia"]])
    for n in range(7):  # the lead and Latest, which the rails do not repeat
        ArticlePageFactory(parent=site["home"], title=f"Story {n}", terms=[])
    response = client.get("/")
    assert response.status_code == 200
    assert response.context["lead"].title == "Story 6"
    rails = {
        region.title: [a.title for a in articles] for region, articles in response.context["rails"]
    }
    assert rails == {"Caucasus": ["Armenian"], "Central Asia": ["Older"]}
    html = response.content.decode()
    assert 'href="/regions/central-asia/"' in html


def test_the_front_page_shows_each_story_once(client, site):
    """A story tagged with places in two regions, or already in Latest, fills no second
    slot: the next story of the region moves up."""
    both = [site["kazakhstan"], site["armenia"]]
    for n in range(5):
        ArticlePageFactory(parent=site["home"], title=f"Older {n}", terms=both)
    for n in range(8):
        ArticlePageFactory(parent=site["home"], title=f"Recent {n}", terms=both)
    response = client.get("/")
    context = response.context
    shown = [context["lead"], *context["latest"]]
    shown += [article for _, articles in context["rails"] for article in articles]
    titles = [article.title for article in shown]
    assert len(titles) == len(set(titles)) == 13
    rails = {region.title: [a.title for a in articles] for region, articles in context["rails"]}
    # The rails come in menu order: Caucasus takes the four newest stories Latest left,
    # Central Asia the ones after those.
    assert rails["Caucasus"] == ["Recent 0", "Older 4", "Older 3", "Older 2"]
    assert rails["Central Asia"] == ["Older 1", "Older 0"]
    html = response.content.decode()
    for title in titles:
        assert html.count(f">{title}<") == 1, title


def test_editors_choose_the_lead_story_and_collections_in_focus(client, site):
    chosen = ArticlePageFactory(parent=site["home"], title="Chosen lead")
    ArticlePageFactory(parent=site["home"], title="Newer")
    site["home"].lead_story = chosen
    site["home"].save()
    FocusCollection.objects.create(page=site["home"], collection=site["unrest"])
    response = client.get("/")
    assert response.context["lead"].title == "Chosen lead"
    assert [a.title for a in response.context["latest"]] == ["Newer"]
    assert "Kyrgyzstan 2020 unrest" in response.content.decode()


def test_an_unpublished_lead_story_gives_way_to_the_newest(client, site):
    chosen = ArticlePageFactory(parent=site["home"], title="Withdrawn")
    ArticlePageFactory(parent=site["home"], title="Live story")
    site["home"].lead_story = chosen
    site["home"].save()
    chosen.unpublish()
    assert client.get("/").context["lead"].title == "Live story"


def test_empty_newsroom_front_page_renders(client, site):
    response = client.get("/")
    assert response.status_code == 200
    assert response.context["lead"] is None


def test_front_page_query_count_does_not_grow_with_articles(client, site):
    def count():
        client.get("/")
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/").status_code == 200
        return len(queries)

    make_articles(site, 3)
    few = count()
    make_articles(site, 12, terms=[site["kazakhstan"], site["central_asia"], site["politics"]])
    assert count() == few
    assert few <= 40


def test_header_and_footer_on_every_page(client, site):
    html = client.get("/about/").content.decode()
    header = html[html.index("<header") : html.index("</header>")]
    for label in ["Regions", "Topics", "Media", "About", "Search", "Newsletter"]:
        assert f">{label}<" in header or f">{label}</summary>" in header
    assert 'href="/search/"' in header
    footer = html[html.index("<footer") :]
    assert 'href="/about/"' in footer
    assert "Newsletter" not in footer  # header-only page: not marked "show in menus"
