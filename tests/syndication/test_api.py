"""The read-only API at /api/v2/ for partners and apps."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests.helpers.factories import ArticlePageFactory, ImageFactory, make_articles
from tests.helpers.media_factories import (
    PodcastEpisodePageFactory,
    PodcastSeriesPageFactory,
    make_media,
)

pytestmark = pytest.mark.django_db


def get(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, response.content[:500]
    return response.json()


def test_articles_list_with_the_fields_a_partner_needs(client, site):
    older, newer = make_articles(site, 2)
    data = get(client, "/api/v2/articles/")
    assert data["meta"]["total_count"] == 2
    first = data["items"][0]
    assert first["title"] == newer.title
    assert first["url"] == f"http://localhost{newer.url}"
    assert first["standfirst"] == newer.standfirst
    assert [p["title"] for p in first["places"]] == ["Caucasus", "Armenia"]
    assert [t["slug"] for t in first["topics"]] == ["politics"]
    assert first["meta"]["type"] == "news.ArticlePage"
    detail = get(client, f"/api/v2/articles/{newer.pk}/")
    assert detail["authors"][0]["name"] == "Nino Beridze"
    assert detail["lead_image"]["url"].startswith("http://")
    assert detail["body"][0]["type"] == "paragraph"
    assert detail["republishable"] is True


def test_articles_are_paginated_and_listing_queries_stay_flat(client, site):
    make_articles(site, 3)

    def queries(url):
        client.get(url)  # the first request makes the images' renditions
        with CaptureQueriesContext(connection) as captured:
            client.get(url)
        return len(captured)

    data = get(client, "/api/v2/articles/?limit=2&offset=2&fields=authors,lead_image")
    assert data["meta"]["total_count"] == 3 and len(data["items"]) == 1
    few = queries("/api/v2/articles/?fields=authors,lead_image")
    make_articles(site, 5)
    assert queries("/api/v2/articles/?fields=authors,lead_image") == few
    assert get(client, "/api/v2/articles/?limit=500", status=400)["message"]


def test_articles_filter_by_place_topic_and_date(client, site):
    may = timezone.make_aware(dt.datetime(2024, 5, 10, 12))
    june = timezone.make_aware(dt.datetime(2024, 6, 10, 12))
    in_armenia = ArticlePageFactory(
        parent=site["home"], terms=[site["armenia"]], first_published_at=may
    )
    in_kazakhstan = ArticlePageFactory(
        parent=site["home"], terms=[site["kazakhstan"], site["unrest"]], first_published_at=june
    )

    def titles(query):
        return [item["title"] for item in get(client, f"/api/v2/articles/?{query}")["items"]]

    assert titles("place=armenia") == [in_armenia.title]
    assert titles("place=caucasus") == [in_armenia.title], "a region includes its places"
    assert titles(f"place={site['kazakhstan'].pk}") == [in_kazakhstan.title]
    assert titles("topic=politics") == [in_kazakhstan.title], "a topic includes its collections"
    assert titles("published_after=2024-06-01") == [in_kazakhstan.title]
    assert titles("published_before=2024-05-31") == [in_armenia.title]
    assert titles("locale=en&place=armenia&published_after=2024-01-01") == [in_armenia.title]


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("published_after=yesterday", "published_after must be a date written YYYY-MM-DD"),
        ("place=atlantis", "No place is called “atlantis”"),
        ("topic=9999999", "No topic is called “9999999”"),
        ("colour=red", "query parameter is not an operation or a recognised field: colour"),
        ("search=water&search_operator=maybe", "search_operator must be “and” or “or”"),
        ("body=water", "Items cannot be filtered by body."),
        ("first_published_at=yesterday", "“yesterday” is not a possible first_published_at"),
        ("lead_image=" + "9" * 30, "is not a possible lead_image"),
        ("place=arm%00enia", "place cannot contain a NUL character"),
    ],
)
def test_bad_filters_get_a_clear_400(client, site, query, message):
    data = get(client, f"/api/v2/articles/?{query}", status=400)
    assert message in data["message"]


def test_find_and_other_addresses_answer_in_json(client, site):
    [article] = make_articles(site, 1)
    response = client.get(f"/api/v2/articles/find/?id={article.pk}")
    assert response.status_code == 302 and response["Location"].endswith(f"/{article.pk}/?")
    assert (
        "id must be a page's number"
        in get(client, "/api/v2/articles/find/?id=null", 400)["message"]
    )
    assert "NUL" in get(client, "/api/v2/articles/find/?html_path=/a%00b/", 400)["message"]
    assert "openapi.json" in get(client, "/api/v2/articles/-1/", 404)["message"]
    # A number too big for any database id is no page, not a server error.
    too_big = "58284389869149773558200105852469248"
    assert "openapi.json" in get(client, f"/api/v2/articles/{too_big}/", 404)["message"]
    assert "openapi.json" in get(client, f"/api/v2/episodes/{too_big}/", 404)["message"]
    refused = client.post("/api/v2/articles/")
    assert refused.status_code == 405 and "POST" in refused.json()["message"]
    # A browser asking for HTML still gets JSON (the site's CSP would break DRF's HTML view).
    from_browser = client.get("/api/v2/articles/", headers={"Accept": "text/html,*/*;q=0.8"})
    assert from_browser.status_code == 200
    assert from_browser["Content-Type"] == "application/json"


def test_episodes_expose_their_audio(client, site):
    media = make_media(site)
    series = PodcastSeriesPageFactory(parent=media["podcasts"])
    episode = PodcastEpisodePageFactory(
        parent=series, terms=[site["armenia"]], lead_image=ImageFactory()
    )
    data = get(client, "/api/v2/episodes/?place=armenia")
    [item] = data["items"]
    assert item["title"] == episode.title
    assert item["audio"]["url"] == f"http://localhost{episode.audio.file.url}"
    assert item["audio"]["type"] == "audio/mpeg" and item["audio"]["duration"] == 2
    detail = get(client, f"/api/v2/episodes/{episode.pk}/")
    assert detail["guid"] == str(episode.guid)
    assert detail["transcript"] == episode.transcript


def test_terms_list_the_taxonomy(client, site):
    data = get(client, "/api/v2/terms/?limit=50")
    titles = {item["title"] for item in data["items"]}
    assert {"Caucasus", "Armenia", "Politics", "Kyrgyzstan 2020 unrest"} <= titles
    assert "Regions" not in titles and "About us" not in titles
    regions = get(client, "/api/v2/terms/?type=taxonomy.RegionPage")
    assert {item["title"] for item in regions["items"]} == {"Caucasus", "Central Asia"}


def test_api_is_read_only(client, site):
    article = make_articles(site, 1)[0]
    assert client.post("/api/v2/articles/", {"title": "x"}).status_code == 405
    assert client.delete(f"/api/v2/articles/{article.pk}/").status_code == 405


def test_drafts_are_not_in_the_api(client, site):
    draft = ArticlePageFactory(parent=site["home"])
    draft.unpublish()
    assert get(client, "/api/v2/articles/")["meta"]["total_count"] == 0
    get(client, f"/api/v2/articles/{draft.pk}/", status=404)
