"""The search page as a reader uses it: matching, ranking, filters, snippets, pages."""

import datetime as dt
import re

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from dateline.search.models import SearchEntry
from tests.helpers.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


def titles(response) -> list[str]:
    return [result.page.title for result in response.context["items"]]


def test_search_finds_articles_by_headline(client, site, publish):
    publish(site["home"], "Glaciers retreat in Tajikistan")
    publish(site["home"], "Parliament votes on budget")
    response = client.get("/search/", {"q": "glaciers"})
    assert response.status_code == 200
    assert titles(response) == ["Glaciers retreat in Tajikistan"]
    html = response.content.decode()
    assert "1 result for “glaciers”" in html
    assert "<mark>Glaciers</mark> retreat in Tajikistan" in html


def test_english_stemming_matches_other_forms(client, site, publish):
    publish(site["home"], "Azerbaijan launches military offensive")
    assert titles(client.get("/search/", {"q": "offensives"})) == [
        "Azerbaijan launches military offensive"
    ]


def test_headline_ranks_above_standfirst_above_body(client, site, publish):
    in_body = publish(site["home"], "Story one", text="The reservoir is nearly empty.")
    in_standfirst = publish(site["home"], "Story two", standfirst="The reservoir runs low.")
    in_title = publish(site["home"], "Reservoir levels fall")
    # Newest first would give the opposite order: make the body match the newest.
    for days, page in enumerate([in_title, in_standfirst, in_body]):
        page.first_published_at = timezone.now() - dt.timedelta(days=10 - days)
        page.save_revision().publish()
    relevance = titles(client.get("/search/", {"q": "reservoir"}))
    assert relevance == ["Reservoir levels fall", "Story two", "Story one"]
    newest = titles(client.get("/search/", {"q": "reservoir", "sort": "newest"}))
    assert newest == ["Story one", "Story two", "Reservoir levels fall"]


WAYS = {"read-all-matches": "all", "walk-dates": "walk", "newest-rows": 0.9, "too-few": 0.02}


@pytest.mark.parametrize("way", WAYS.values(), ids=WAYS.keys())
def test_every_way_of_finding_matches_gives_the_same_page(client, site, publish, monkeypatch, way):
    """On PostgreSQL, rarer words are read from the GIN index, common ones by walking the
    date index, and the many matches of others among the newest rows only, or all of them
    when those are too few (selectors._way decides); readers must not see the difference."""
    from dateline.search import selectors

    monkeypatch.setattr(selectors, "_way", lambda *args: way)
    in_body = publish(site["home"], "Story one", text="The reservoir is nearly empty.")
    in_title = publish(site["home"], "Reservoir levels fall")
    # Dated explicitly: the factory's dates advance with every article the run has made.
    long_ago = timezone.now() - dt.timedelta(days=700)
    publish(
        site["home"], "Story two", standfirst="The reservoir runs low.", first_published_at=long_ago
    )
    publish(site["home"], "Roads reopen", first_published_at=long_ago)
    for days, page in enumerate([in_title, in_body]):
        page.first_published_at = timezone.now() - dt.timedelta(days=400 - days * 390)
        page.save_revision().publish()
    relevance = titles(client.get("/search/", {"q": "reservoir"}))
    assert relevance == ["Reservoir levels fall", "Story two", "Story one"]
    recent = {"q": "reservoir", "from": (timezone.now() - dt.timedelta(days=30)).date()}
    assert titles(client.get("/search/", recent)) == ["Story one"]  # the others are older


@pytest.mark.parametrize("way", [None, *WAYS.values()], ids=["chosen", *WAYS.keys()])
def test_beyond_the_cap_the_newest_matches_are_ranked_and_the_count_says_more(
    client, site, settings, publish, monkeypatch, way
):
    from dateline.search import selectors

    monkeypatch.setattr(selectors, "MAX_RESULTS", 3)
    if way is not None:
        monkeypatch.setattr(selectors, "_way", lambda *args: way)
    settings.DATELINE_LISTING_PAGE_SIZE = 2
    oldest = publish(site["home"], "Wheat harvest begins")  # a headline match, but too old
    stories = [publish(site["home"], f"Story {n}", text="The wheat is in.") for n in range(3)]
    headline = publish(site["home"], "Wheat prices fall")
    for days, page in enumerate([oldest, *stories, headline]):
        page.first_published_at = timezone.now() - dt.timedelta(days=10 - days)
        page.save_revision().publish()
    if connection.vendor == "postgresql":
        # The statistics the newest rows are found by (else every match is read).
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE dateline_search_searchentry")

    response = client.get("/search/", {"q": "wheat"})
    html = response.content.decode()
    assert "More than 3 results for “wheat”: the newest 3 are shown" in html
    assert "page 1 of 2" in html
    assert titles(response) == ["Wheat prices fall", "Story 2"]
    assert titles(client.get("/search/", {"q": "wheat", "page": 2})) == ["Story 1"]
    # Narrowed below the cap, the count is exact again.
    narrowed = client.get("/search/", {"q": "wheat harvest"}).content.decode()
    assert "1 result for “wheat harvest”" in narrowed


def test_each_result_shows_type_date_tags_and_highlighted_snippet(client, site, publish):
    publish(
        site["home"],
        "Water talks resume",
        text="Farmers along the river say the dispute over water has lasted a decade.",
        terms=[site["caucasus"], site["armenia"], site["politics"]],
    )
    html = client.get("/search/", {"q": "dispute"}).content.decode()
    result = html[html.index('class="search-result"') :]
    assert "Article" in result
    assert '<time datetime="' in result
    assert ">Armenia</a>" in result and ">Politics</a>" in result
    assert "over water has lasted" in result and "<mark>dispute</mark>" in result


def test_phrase_or_and_exclusion(client, site, publish):
    publish(site["home"], "Water dispute deepens")
    publish(site["home"], "Dispute over water rights")
    publish(site["home"], "Glacier survey begins")
    assert titles(client.get("/search/", {"q": '"water dispute"'})) == ["Water dispute deepens"]
    assert set(titles(client.get("/search/", {"q": "glacier or rights"}))) == {
        "Dispute over water rights",
        "Glacier survey begins",
    }
    assert titles(client.get("/search/", {"q": "water -rights"})) == ["Water dispute deepens"]


def test_pages_are_searched_and_the_type_filter_narrows(client, site, publish):
    publish(site["home"], "Harvest festival in Kakheti")
    page = StandardPageFactory(
        parent=site["home"], title="Harvest guide", slug="guide", intro="Our harvest guide."
    )
    page.save_revision().publish()
    assert set(titles(client.get("/search/", {"q": "harvest"}))) == {
        "Harvest festival in Kakheti",
        "Harvest guide",
    }
    assert titles(client.get("/search/", {"q": "harvest", "type": "article"})) == [
        "Harvest festival in Kakheti"
    ]
    assert titles(client.get("/search/", {"q": "harvest", "type": "page"})) == ["Harvest guide"]


def test_place_and_topic_filters_combine(client, site, publish):
    publish(site["home"], "Election in Yerevan", terms=[site["caucasus"], site["armenia"]])
    publish(site["home"], "Election in Tbilisi", terms=[site["caucasus"], site["georgia"]])
    publish(
        site["home"],
        "Election in Almaty",
        terms=[site["central_asia"], site["kazakhstan"], site["politics"]],
    )
    publish(site["home"], "Election in Gyumri", terms=[site["armenia"], site["politics"]])
    get = lambda **params: set(titles(client.get("/search/", {"q": "election", **params})))  # noqa: E731
    assert get(place="armenia") == {"Election in Yerevan", "Election in Gyumri"}
    # A region covers its places even where the article is tagged with the place only.
    assert get(place="caucasus") == {
        "Election in Yerevan",
        "Election in Tbilisi",
        "Election in Gyumri",
    }  # noqa: E501
    assert get(topic="politics") == {"Election in Almaty", "Election in Gyumri"}
    assert get(place="caucasus", topic="politics") == {"Election in Gyumri"}


def test_date_range_filter(client, site, publish):
    old = publish(site["home"], "Border talks in 2021")
    new = publish(site["home"], "Border talks in 2024")
    for page, year in ((old, 2021), (new, 2024)):
        page.first_published_at = timezone.make_aware(dt.datetime(year, 6, 1, 12))
        page.save_revision().publish()
    get = lambda **params: titles(client.get("/search/", {"q": "border", **params}))  # noqa: E731
    assert get(**{"from": "2023-01-01"}) == ["Border talks in 2024"]
    assert get(to="2021-06-01") == ["Border talks in 2021"]
    assert get(**{"from": "2021-06-01", "to": "2021-06-01"}) == ["Border talks in 2021"]


def test_filters_stay_in_the_form_and_the_page_links(client, site, settings, publish):
    settings.DATELINE_LISTING_PAGE_SIZE = 2
    for n in range(5):
        publish(site["home"], f"Grain prices rise {n}", terms=[site["caucasus"]])
    params = {"q": "grain", "place": "caucasus", "type": "article", "from": "2000-01-01"}
    response = client.get("/search/", params)
    html = response.content.decode()
    assert "5 results for “grain”" in html
    assert '<option value="caucasus" selected>' in html
    assert '<option value="article" selected>' in html
    assert 'value="2000-01-01"' in html
    next_link = re.search(r'<a rel="next" href="([^"]+)"', html).group(1)
    assert next_link == (
        "/search/?q=grain&amp;place=caucasus&amp;type=article&amp;from=2000-01-01&amp;page=2"
    )
    second = client.get(next_link.replace("&amp;", "&"))
    assert len(second.context["items"]) == 2
    assert set(titles(second)).isdisjoint(titles(response))


def test_editions_are_searched_apart(client, site, publish):
    from tests.helpers.factories import make_russian_edition

    ru = make_russian_edition(site)
    publish(site["home"], "Karabakh ceasefire holds")
    publish(ru["home"], "Перемирие в Карабахе соблюдается")
    assert titles(client.get("/search/", {"q": "ceasefire"})) == ["Karabakh ceasefire holds"]
    assert titles(client.get("/ru/search/", {"q": "перемирие"})) == [
        "Перемирие в Карабахе соблюдается"
    ]
    assert titles(client.get("/ru/search/", {"q": "ceasefire"})) == []


def test_editors_promotions_come_first(client, site, publish):
    publish(site["home"], "Glacier survey begins")
    guide = StandardPageFactory(parent=site["home"], title="Our climate desk", slug="climate")
    query = Query.get("Glacier")
    SearchPromotion.objects.create(query=query, page=guide, description="All our climate work.")
    SearchPromotion.objects.create(
        query=query, external_link_url="https://example.org/glaciers", external_link_text="Atlas"
    )
    html = client.get("/search/", {"q": "  GLACIER "}).content.decode()
    promoted = html[html.index("Recommended by our editors") : html.index("search-results")]
    assert "Our climate desk" in promoted and "All our climate work." in promoted
    assert 'href="https://example.org/glaciers"' in promoted
    other = client.get("/search/", {"q": "survey"}).content.decode()
    assert "Recommended by our editors" not in other


def test_no_results_says_so_and_suggests_a_spelling(client, site, publish):
    publish(site["home"], "Karabakh ceasefire holds")
    html = client.get("/search/", {"q": "Karabkh"}).content.decode()
    assert "Nothing matched “Karabkh”." in html
    assert 'Did you mean <a href="/search/?q=karabakh">karabakh</a>?' in html
    assert 'href="/regions/caucasus/"' in html and 'href="/topics/politics/"' in html


def test_no_results_with_filters_offers_the_unfiltered_search(client, site, publish):
    publish(site["home"], "Karabakh ceasefire holds", terms=[site["armenia"]])
    html = client.get("/search/", {"q": "ceasefire", "place": "kazakhstan"}).content.decode()
    assert "Nothing matched" in html
    assert '<a href="/search/?q=ceasefire">Search again without the filters</a>' in html
    assert "Did you mean" not in html


def test_query_count_does_not_grow_with_results(client, site, publish):
    """One result or a full page of articles and videos, each with places and topics: the
    same queries. The search's own are six: the edition, its menus (both cached outside
    tests), the index, the results, their tags and the editors' promotions."""
    from dateline.search.views import search_context
    from tests.helpers.media_factories import MediaSectionPageFactory, VideoPageFactory

    section = MediaSectionPageFactory(parent=site["home"], title="Video", slug="video")
    terms = [site["caucasus"], site["armenia"], site["politics"]]
    params = {"q": "railway", "place": "caucasus"}

    def queries(count: int, expected: int) -> tuple[int, int]:
        for n in range(count):
            publish(site["home"], f"Railway link {n}", terms=terms, authors=[site["author"]])
            video = VideoPageFactory(
                parent=section, title=f"Railway video {n}", slug=f"v{count}-{n}", terms=terms
            )
            video.save_revision().publish()
        client.get("/search/", params)  # content types
        with CaptureQueriesContext(connection) as request_queries:
            response = client.get("/search/", params)
        items = response.context["items"]
        assert len(items) == expected
        assert all([tag.title for tag in item.tags] == ["Caucasus", "Armenia", "Politics"]
                   for item in items)  # fmt: skip
        with CaptureQueriesContext(connection) as own_queries:
            search_context(RequestFactory().get("/search/", params))
        return len(request_queries), len(own_queries)

    few = queries(1, expected=2)
    many = queries(5, expected=12)
    assert few == many
    assert many[1] == 6


def test_opensearch_description_and_link(client, site):
    response = client.get("/opensearch.xml")
    assert response["Content-Type"].startswith("application/opensearchdescription+xml")
    xml = response.content.decode()
    assert 'template="http://127.0.0.1:8000/search/?q={searchTerms}"' in xml
    assert "<Language>en</Language>" in xml
    html = client.get("/search/").content.decode()
    assert (
        '<link rel="search" type="application/opensearchdescription+xml" title="Dateline" '
        'href="/opensearch.xml">' in html
    )


def test_bulk_inserted_articles_need_the_rebuild_command(client, site):
    from django.core.management import call_command

    from dateline.news.services import generate_articles

    generate_articles(20, seed=3)  # rows written directly, without Wagtail's signals
    assert client.get("/search/", {"q": "officials"}).context["total"] == 0
    call_command("rebuild_search_index", verbosity=0)
    assert client.get("/search/", {"q": "officials"}).context["total"] > 10
    assert SearchEntry.objects.filter(page__articlepage__isnull=False).count() == 20


def test_a_storys_places_and_topics_are_searched(client, site, publish):
    from tests.helpers.factories import PlacePageFactory

    karabakh = PlacePageFactory(parent=site["caucasus"], title="Nagorno Karabakh", slug="nk")
    publish(site["home"], "Talks resume in Brussels", text="The enclave's future is on the table.",
            terms=[karabakh, site["politics"]])  # fmt: skip
    publish(site["home"], "Budget passes", text="Parliament voted late.")
    assert titles(client.get("/search/", {"q": "Karabakh"})) == ["Talks resume in Brussels"]
    assert titles(client.get("/search/", {"q": "politics brussels"})) == [
        "Talks resume in Brussels"
    ]


def test_the_page_title_names_the_query_and_the_filters_fold_on_a_phone(client, site, publish):
    publish(site["home"], "Glaciers retreat in Tajikistan")
    html = client.get("/search/", {"q": "glaciers"}).content.decode()
    assert re.search(r"<title>“glaciers” — search \| [^<]+</title>", html)
    # Folded unless a filter is in use (dateline.js unfolds it on a wide screen).
    assert '<details class="search-filters-panel" data-open-wide>' in html
    filtered = client.get("/search/", {"q": "glaciers", "topic": "politics"}).content.decode()
    assert '<details class="search-filters-panel" data-open-wide open>' in filtered


def test_the_opensearch_short_name_fits_sixteen_characters(client, site):
    from dateline.core.models import SiteSettings

    settings_row = SiteSettings.for_site(site["home"].get_site())
    settings_row.name = "Borderland Ledger"
    settings_row.save()
    xml = client.get("/opensearch.xml").content.decode()
    assert "<ShortName>Borderland</ShortName>" in xml
