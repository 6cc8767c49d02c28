"""The podcast feed, as podcast apps read it: podcastparser, then each field one by one."""

import io
import json
import uuid

import podcastparser
import pytest
from lxml import etree

from dateline.syndication.feeds import podcast_guid
from tests.helpers.media_factories import (
    PodcastEpisodePageFactory,
    PodcastSeriesPageFactory,
    make_media,
    two_second_mp3,
)

pytestmark = pytest.mark.django_db
FEED_URL = "/feeds/podcast/podcasts/weekly/"
NS = {
    "itunes": "http://www.itunes.com/dtds/podcast-1.0.dtd",
    "podcast": "https://podcastindex.org/namespace/1.0",
    "content": "http://purl.org/rss/1.0/modules/content/",
    "atom": "http://www.w3.org/2005/Atom",
}


@pytest.fixture
def podcast(site):
    media = make_media(site)
    series = PodcastSeriesPageFactory(
        parent=media["podcasts"], title="The Weekly", slug="weekly",
        description="Every Friday, the week's news.", category="News/Politics", explicit=False,
        hosts="Nino Beridze",
    )  # fmt: skip
    first = PodcastEpisodePageFactory(
        parent=series, slug="first", title="First episode", season_number=1, episode_number=1,
        terms=[site["armenia"]],
    )  # fmt: skip
    second = PodcastEpisodePageFactory(
        parent=series, slug="second", title="Second episode", season_number=1, episode_number=2,
        explicit=True,
        chapters=[("chapter", {"start": "0:00", "title": "Hello"}),
                  ("chapter", {"start": "0:01", "title": "News"})],
    )  # fmt: skip
    return {"series": series, "first": first, "second": second}


def test_podcastparser_reads_the_series_and_its_episodes(client, podcast):
    response = client.get(FEED_URL)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/rss+xml; charset=utf-8"
    parsed = podcastparser.parse(f"http://testserver{FEED_URL}", io.BytesIO(response.content))
    assert parsed["title"] == "The Weekly"
    assert parsed["description"] == "Every Friday, the week's news."
    assert parsed["link"] == "http://localhost/podcasts/weekly/"
    assert parsed["cover_url"].startswith("http://localhost/")
    assert parsed["cover_url"].endswith(".jpg")
    assert parsed["itunes_owner"] == {"name": "The Newsroom", "email": "podcasts@example.org"}
    assert parsed["itunes_categories"] == [["News", "Politics"]]
    assert parsed["explicit"] is False
    assert parsed["language"] == "en"
    assert parsed["type"] == "episodic"
    episodes = parsed["episodes"]
    assert [e["title"] for e in episodes] == ["Second episode", "First episode"]
    second = episodes[0]
    assert second["guid"] == str(podcast["second"].guid)
    assert second["link"] == "http://localhost/podcasts/weekly/second/"
    assert second["total_time"] == 2
    assert second["number"] == 2 and second["season"] == 1
    assert second["explicit"] is True
    assert second["published"] == int(podcast["second"].first_published_at.timestamp())
    [enclosure] = second["enclosures"]
    assert enclosure["url"] == f"http://localhost{podcast['second'].audio.file.url}"
    assert enclosure["file_size"] == len(two_second_mp3())
    assert enclosure["mime_type"] == "audio/mpeg"


def channel_and_items(client):
    root = etree.fromstring(client.get(FEED_URL).content)
    channel = root.find("channel")
    return root, channel, channel.findall("item")


def test_channel_fields_one_by_one(client, podcast):
    root, channel, _ = channel_and_items(client)
    assert root.get("version") == "2.0"
    self_link = channel.find("atom:link", NS)
    assert self_link.get("rel") == "self"
    assert self_link.get("href") == f"http://testserver{FEED_URL}"
    assert channel.findtext("title") == "The Weekly"
    assert channel.findtext("language") == "en"
    assert channel.findtext("itunes:author", namespaces=NS) == "Nino Beridze"
    image = channel.find("itunes:image", NS).get("href")
    assert image.startswith("http://localhost/media/") and image.endswith(".jpg")
    assert channel.find("image").findtext("url") == image
    category = channel.find("itunes:category", NS)
    assert category.get("text") == "News"
    assert category.find("itunes:category", NS).get("text") == "Politics"
    assert channel.findtext("itunes:explicit", namespaces=NS) == "false"
    assert channel.findtext("itunes:owner/itunes:email", namespaces=NS) == "podcasts@example.org"
    assert channel.findtext("podcast:locked", namespaces=NS) == "no"
    guid = channel.findtext("podcast:guid", namespaces=NS)
    assert uuid.UUID(guid).version == 5
    assert guid == podcast_guid(f"http://testserver{FEED_URL}")


def test_item_fields_one_by_one(client, podcast):
    _, _, items = channel_and_items(client)
    second, first = items
    episode = podcast["second"]
    assert second.findtext("title") == "Second episode"
    guid = second.find("guid")
    assert guid.text == str(episode.guid) and guid.get("isPermaLink") == "false"
    enclosure = second.find("enclosure")
    assert enclosure.get("url").startswith("http://localhost/media/documents/")
    assert enclosure.get("length") == str(len(two_second_mp3()))
    assert enclosure.get("type") == "audio/mpeg"
    assert second.findtext("itunes:duration", namespaces=NS) == "00:00:02"
    assert second.findtext("itunes:episode", namespaces=NS) == "2"
    assert second.findtext("itunes:season", namespaces=NS) == "1"
    assert second.findtext("itunes:episodeType", namespaces=NS) == "full"
    assert second.findtext("itunes:explicit", namespaces=NS) == "true"
    assert first.findtext("itunes:explicit", namespaces=NS) == "false"
    notes = second.findtext("content:encoded", namespaces=NS)
    assert 'href="http://localhost/about/"' in notes, "links in show notes must be absolute"
    transcript = second.find("podcast:transcript", NS)
    assert transcript.get("url") == "http://localhost/podcasts/weekly/second/#transcript"
    chapters = second.find("podcast:chapters", NS)
    assert chapters.get("type") == "application/json+chapters"
    assert first.find("podcast:chapters", NS) is None, "no chapter marks, no chapters link"
    data = json.loads(client.get(chapters.get("url").replace("http://testserver", "")).content)
    assert data == {"version": "1.2.0", "chapters": [
        {"startTime": 0, "title": "Hello"}, {"startTime": 1, "title": "News"}]}  # fmt: skip


def test_guids_stay_when_an_episode_is_retitled_and_moved(client, podcast):
    before = {i.findtext("title"): i.findtext("guid") for i in channel_and_items(client)[2]}
    episode = podcast["first"]
    episode.title = "First episode, corrected"
    episode.slug = "first-corrected"
    episode.save_revision().publish()
    after = {i.findtext("title"): i.findtext("guid") for i in channel_and_items(client)[2]}
    assert after["First episode, corrected"] == before["First episode"]


def test_unknown_podcast_and_episode_are_readable_404s(client, podcast):
    response = client.get("/feeds/podcast/podcasts/nothing/")
    assert response.status_code == 404
    assert "There is no podcast at this address" in response.content.decode()
    assert client.get("/feeds/podcast/about/").status_code == 404
    response = client.get("/feeds/chapters/999999.json")
    assert response.status_code == 404
    assert "There is no episode with the number 999999" in response.content.decode()


def test_series_page_announces_its_podcast_feed(client, podcast):
    html = client.get("/podcasts/weekly/").content.decode()
    head = html[: html.index("</head>")]
    assert f'title="The Weekly (podcast feed)" href="{FEED_URL}"' in head
    assert f'<a href="{FEED_URL}" type="application/rss+xml">' in html
