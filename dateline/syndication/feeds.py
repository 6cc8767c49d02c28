"""RSS 2.0, Atom 1.0 and podcast RSS documents.

Django's feed generators write RSS and Atom; the two subclasses below add the full story
(``content:encoded`` in RSS, ``<content>`` in Atom). The podcast feed follows Apple's
podcast RSS requirements and the Podcast Index ``podcast:`` namespace.
"""

import re
import uuid
from dataclasses import dataclass, field

from django.utils import feedgenerator
from django.utils.xmlutils import SimplerXMLGenerator

ITUNES_NS = "http://www.itunes.com/dtds/podcast-1.0.dtd"
PODCAST_NS = "https://podcastindex.org/namespace/1.0"
CONTENT_NS = "http://purl.org/rss/1.0/modules/content/"
ATOM_NS = "http://www.w3.org/2005/Atom"
# The Podcast Index's namespace for podcast:guid (uuid v5 of the feed URL without scheme).
PODCAST_GUID_NAMESPACE = uuid.UUID("ead4c236-bf58-58c6-a2c6-a6b28d128cb6")

_RELATIVE_URL = re.compile(r'(\s(?:href|src)=")/(?!/)')


def absolute_urls(html: str, base_url: str) -> str:
    """Make root-relative links and image sources absolute: feed readers and partner sites
    resolve them against their own host otherwise."""
    return _RELATIVE_URL.sub(lambda m: f"{m.group(1)}{base_url}/", html)


class FullTextRss(feedgenerator.Rss201rev2Feed):
    def rss_attributes(self):
        return {**super().rss_attributes(), "xmlns:content": CONTENT_NS}

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        if item.get("content"):
            handler.addQuickElement("content:encoded", item["content"])


class FullTextAtom(feedgenerator.Atom1Feed):
    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        if item.get("content"):
            handler.addQuickElement("content", item["content"], {"type": "html"})


FEED_FORMATS = {"rss": FullTextRss, "atom": FullTextAtom}


def podcast_guid(feed_url: str) -> str:
    """The Podcast Index GUID of a feed: stable for as long as its address is."""
    bare = re.sub(r"^[a-zA-Z]+://", "", feed_url).rstrip("/")
    return str(uuid.uuid5(PODCAST_GUID_NAMESPACE, bare))


@dataclass
class PodcastChannel:
    title: str
    link: str
    feed_url: str
    description: str
    language: str
    author: str
    owner_name: str
    owner_email: str
    image_url: str
    categories: list[str]
    explicit: bool
    copyright: str
    guid: str
    last_build: object = None
    items: list[dict] = field(default_factory=list)


def _rfc2822(value) -> str:
    return feedgenerator.rfc2822_date(value)


def write_podcast_feed(channel: PodcastChannel, outfile) -> None:
    """Write ``channel`` as podcast RSS: RSS 2.0 with the itunes and podcast namespaces.

    Each item dict has title, link, guid, pubdate, description, content (HTML show notes),
    enclosure_url, enclosure_length, enclosure_type, duration ("HH:MM:SS"), and optionally
    season, episode, episode_type, explicit, image_url, transcript_url, chapters_url.
    """
    handler = SimplerXMLGenerator(outfile, "utf-8", short_empty_elements=True)
    handler.startDocument()
    handler.startElement(
        "rss",
        {
            "version": "2.0",
            "xmlns:itunes": ITUNES_NS,
            "xmlns:podcast": PODCAST_NS,
            "xmlns:content": CONTENT_NS,
            "xmlns:atom": ATOM_NS,
        },
    )
    handler.startElement("channel", {})
    q = handler.addQuickElement
    q("atom:link", None, {"href": channel.feed_url, "rel": "self", "type": "application/rss+xml"})
    q("title", channel.title)
    q("link", channel.link)
    q("description", channel.description)
    q("language", channel.language)
    if channel.copyright:
        q("copyright", channel.copyright)
    if channel.last_build:
        q("lastBuildDate", _rfc2822(channel.last_build))
    q("generator", "Dateline")
    if channel.image_url:
        handler.startElement("image", {})
        q("url", channel.image_url)
        q("title", channel.title)
        q("link", channel.link)
        handler.endElement("image")
        q("itunes:image", None, {"href": channel.image_url})
    q("itunes:author", channel.author)
    q("itunes:summary", channel.description)
    handler.startElement("itunes:owner", {})
    q("itunes:name", channel.owner_name)
    q("itunes:email", channel.owner_email)
    handler.endElement("itunes:owner")
    if channel.categories:
        handler.startElement("itunes:category", {"text": channel.categories[0]})
        for sub in channel.categories[1:2]:
            q("itunes:category", None, {"text": sub})
        handler.endElement("itunes:category")
    q("itunes:explicit", "true" if channel.explicit else "false")
    q("itunes:type", "episodic")
    q("podcast:locked", "no", {"owner": channel.owner_email})
    q("podcast:guid", channel.guid)
    for item in channel.items:
        _write_episode(handler, item)
    handler.endElement("channel")
    handler.endElement("rss")


def _write_episode(handler, item: dict) -> None:
    q = handler.addQuickElement
    handler.startElement("item", {})
    q("title", item["title"])
    q("link", item["link"])
    q("guid", item["guid"], {"isPermaLink": "false"})
    q("pubDate", _rfc2822(item["pubdate"]))
    q("description", item["description"])
    if item.get("content"):
        q("content:encoded", item["content"])
    q(
        "enclosure",
        None,
        {
            "url": item["enclosure_url"],
            "length": str(item["enclosure_length"]),
            "type": item["enclosure_type"],
        },
    )
    q("itunes:title", item["title"])
    q("itunes:summary", item["description"])
    q("itunes:duration", item["duration"])
    q("itunes:episodeType", item.get("episode_type") or "full")
    if item.get("season"):
        q("itunes:season", str(item["season"]))
        q("podcast:season", str(item["season"]))
    if item.get("episode"):
        q("itunes:episode", str(item["episode"]))
        q("podcast:episode", str(item["episode"]))
    q("itunes:explicit", "true" if item.get("explicit") else "false")
    if item.get("image_url"):
        q("itunes:image", None, {"href": item["image_url"]})
    if item.get("transcript_url"):
        q("podcast:transcript", None, {"url": item["transcript_url"], "type": "text/html"})
    if item.get("chapters_url"):
        q(
            "podcast:chapters",
            None,
            {"url": item["chapters_url"], "type": "application/json+chapters"},
        )
    handler.endElement("item")
