"""RSS 0.9x/1.0/2.0 and Atom feeds, read by feedparser, in any encoding.

A feed that declares no encoding and is not UTF-8 is most often Russian in Windows-1251 or
KOI8-R: the two are told apart by which letters come out lower case (running text is
mostly lower case; read in the wrong one of the two, it comes out mostly capitals).
"""

from __future__ import annotations

import datetime as dt
import re
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import feedparser

from .sources import Author, Item, SourceError
from .wordpress import normalise_url

DECLARED = re.compile(rb"^\s*<\?xml[^>]*encoding=[\"']([A-Za-z0-9._\-]+)[\"']")
FETCH_TIMEOUT = 30
FETCH_LIMIT = 20 * 1024 * 1024


@dataclass
class Read:
    site_url: str = ""
    items: list[Item] = field(default_factory=list)
    authors: dict[str, Author] = field(default_factory=dict)
    links: dict[str, str] = field(default_factory=dict)


def decode(data: bytes) -> str:
    """The feed's text: its declared encoding, else UTF-8, else the likelier of Windows-1251
    and KOI8-R."""
    text = _as_declared(data)
    if text is not None:
        return text
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return _likelier_cyrillic(data)


def _as_declared(data: bytes) -> str | None:
    declared = DECLARED.match(data)
    if not declared:
        return None
    try:
        return data.decode(declared.group(1).decode())
    except (LookupError, UnicodeDecodeError):
        return None


def _likelier_cyrillic(data: bytes) -> str:
    """Windows-1251 or KOI8-R, whichever reads as more lower-case letters."""
    best, best_score = "", -1.0
    for encoding in ("cp1251", "koi8-r"):
        text = data.decode(encoding, errors="replace")
        score = _lower_share(text)
        if score > best_score:
            best, best_score = text, score
    return best


def _lower_share(text: str) -> float:
    letters = [c for c in text if "\u0400" <= c <= "\u04ff"]
    lower = sum(1 for c in letters if c.islower())
    return lower / len(letters) if letters else 0


def _fetch(location: str) -> bytes:
    if re.match(r"^https?://", location):
        request = urllib.request.Request(location, headers={"User-Agent": "Dateline importer"})
        try:
            with urllib.request.urlopen(request, timeout=FETCH_TIMEOUT) as response:
                data = response.read(FETCH_LIMIT + 1)
        except (OSError, ValueError) as error:
            raise SourceError(f"{location}: cannot be fetched: {error}") from None
        if len(data) > FETCH_LIMIT:
            raise SourceError(f"{location}: larger than {FETCH_LIMIT // 1024 // 1024} MB")
        return data
    try:
        return Path(location).read_bytes()
    except OSError as error:
        raise SourceError(f"{location}: cannot be read: {error}") from None


def _parse(location: str):
    text = decode(_fetch(location))
    text = re.sub(r"^\s*<\?xml[^>]*\?>", '<?xml version="1.0" encoding="utf-8"?>', text, count=1)
    parsed = feedparser.parse(
        text.encode("utf-8"), response_headers={"content-type": "application/xml; charset=utf-8"}
    )
    if parsed.bozo and not parsed.entries:
        error = parsed.get("bozo_exception")
        line = getattr(error, "getLineNumber", lambda: None)()
        where = f" line {line}:" if line else ""
        raise SourceError(f"{location}: not a feed that can be read:{where} {error}")
    return parsed


def _date(struct) -> dt.datetime | None:
    if not struct:
        return None
    return dt.datetime(*struct[:6], tzinfo=dt.UTC)


def read(location: str, max_pages: int = 20) -> Read:
    result = Read()
    seen_pages = set()
    page_location = location
    while page_location and page_location not in seen_pages and len(seen_pages) < max(1, max_pages):
        seen_pages.add(page_location)
        parsed = _parse(page_location)
        result.site_url = result.site_url or parsed.feed.get("link", "")
        for entry in parsed.entries:
            _add(result, _item(entry))
        page_location = _next_page(page_location, parsed.feed)
    return result


def _add(result: Read, item: Item | None) -> None:
    """An entry's item, unless it has no id or an earlier page had it."""
    if item is None or item.source_id in result.links.values():
        return
    result.items.append(item)
    if item.link:
        result.links[normalise_url(item.link)] = item.source_id
    for key in item.authors:
        result.authors.setdefault(key, Author(key=key, name=key))


def _next_page(page_location: str, feed) -> str | None:
    """The feed's "next" page (RFC 5005) when it is on the web; a file links no older pages
    we can reach."""
    following = [link.get("href") for link in feed.get("links", []) if link.get("rel") == "next"]
    if not following:
        return None
    next_location = urljoin(page_location, following[0])
    return next_location if re.match(r"^https?://", next_location) else None


def _item(entry) -> Item | None:
    source_id = entry.get("id") or entry.get("link") or entry.get("title")
    if not source_id:
        return None
    content = entry.get("content") or []
    link = entry.get("link", "")
    return Item(
        source_id=source_id[:255],
        kind="post",
        title=entry.get("title", ""),
        slug=_slug(link),
        html=(content[0].get("value") if content else entry.get("summary", "")) or "",
        excerpt=entry.get("summary", "") if content else "",
        published_at=_date(entry.get("published_parsed") or _updated(entry)),
        modified_at=_date(_updated(entry)),
        authors=_authors(entry),
        terms=_terms(entry),
        link=link,
    )


def _updated(entry):
    """The entry's own update time: feedparser's ``updated_parsed`` falls back on the
    publication time (with a warning) when the entry has none."""
    return entry.get("updated_parsed") if "updated" in entry else None


def _slug(link: str) -> str:
    """The last part of the entry's address, without an extension (``.html``)."""
    parts = [part for part in urlsplit(link).path.split("/") if part] if link else []
    return unquote(parts[-1]).rsplit(".", 1)[0] if parts else ""


def _authors(entry) -> list[str]:
    authors = [a.get("name") for a in entry.get("authors", []) if a.get("name")]
    if not authors and entry.get("author"):
        authors = [entry["author"]]
    return authors


def _terms(entry) -> list[tuple[str, str, str]]:
    return [
        ("tag", tag.get("term", ""), tag.get("label") or tag.get("term", ""))
        for tag in entry.get("tags", []) or []
        if tag.get("term")
    ]
