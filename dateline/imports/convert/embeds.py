"""Embed blocks: YouTube and Vimeo videos by their watch address, other pages by theirs,
Ghost's bookmark cards, and audio and video players as links to their files."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

from .text import text_of

YOUTUBE_HOSTS = ("youtube.com", "youtube-nocookie.com", "youtu.be")
VIMEO_HOSTS = ("vimeo.com", "player.vimeo.com")
YOUTUBE_ID_PATHS = ("/embed/", "/shorts/", "/v/", "/live/")


def video_url(url: str) -> tuple[str, str] | None:
    """(watch address, provider) of a YouTube or Vimeo address or embed, else None."""
    parts = urlsplit(url if "//" in url else f"https://{url}")
    host = (parts.hostname or "").lower().removeprefix("www.").removeprefix("m.")
    if host in YOUTUBE_HOSTS:
        video_id = _youtube_id(host, parts)
        if video_id:
            return f"https://www.youtube.com/watch?v={video_id}", "YouTube"
    if host in VIMEO_HOSTS:
        numbers = [p for p in parts.path.split("/") if p.isdigit()]
        if numbers:
            return f"https://vimeo.com/{numbers[0]}", "Vimeo"
    return None


def _youtube_id(host: str, parts) -> str:
    if host == "youtu.be":
        return parts.path.strip("/")
    if parts.path.startswith(YOUTUBE_ID_PATHS):
        return parts.path.split("/")[2]
    return parse_qs(parts.query).get("v", [""])[0]


def host_of(url: str) -> str:
    return (urlsplit(url).hostname or "").removeprefix("www.")


def embed_block(url: str, caption: str) -> dict | None:
    """An embed of ``url`` (a video by its watch address), or None if there is no address."""
    url = url.strip()
    if not url:
        return None
    video = video_url(url)
    if video:
        watch, provider = video
        return {"url": watch, "title": caption, "description": "", "provider": provider}
    if not url.startswith(("http://", "https://")):
        url = "https://" + url.lstrip("/")
    return {"url": url, "title": caption, "description": "", "provider": host_of(url)}


def bookmark_block(link) -> dict | None:
    """A Ghost bookmark card (its link element) as an embed with its title and summary."""

    def part(name):
        found = link.find_class(name)
        return text_of(found[0]) if found else ""

    url = link.get("href") or ""
    if not url:
        return None
    return {
        "url": url,
        "title": part("kg-bookmark-title"),
        "description": part("kg-bookmark-description"),
        "provider": part("kg-bookmark-publisher") or host_of(url),
    }


def player_source(el) -> str:
    """The file an <audio> or <video> plays: its src, or its first <source>."""
    src = el.get("src") or ""
    if not src:
        source = el.find(".//source")
        src = source.get("src") if source is not None else ""
    return src


def player_block(src: str, tag: str, caption: str, document) -> dict:
    """An audio or video file as an embed naming the imported document (or the old file)."""
    label = "Audio" if tag == "audio" else "Video"
    url = document.url if document is not None else src
    title = caption or (document.title if document is not None else src.rsplit("/", 1)[-1])
    return {"url": url, "title": title, "description": "", "provider": label}
