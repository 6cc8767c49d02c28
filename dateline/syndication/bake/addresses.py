"""The mirror's address-to-file scheme: which address, and which file, serves what the
main site serves at an address (docs/decisions.md and docs/deploy.md explain why)."""

from __future__ import annotations

import functools
import hashlib
import posixpath
import re
from urllib.parse import parse_qsl, unquote

from django.conf import settings

PAGINATION_PARAMS = {"page", "p"}


def mirror_path(path: str, query: str = "") -> str:
    """The address at which the mirror serves what the main site serves at path?query."""
    if query:
        params = parse_qsl(query, keep_blank_values=True)
        if len(params) == 1 and params[0][0] in PAGINATION_PARAMS and params[0][1].isdigit():
            suffix = params[0][1]
            if int(suffix) <= 1:
                return mirror_path(path)
        else:
            suffix = "q" + hashlib.sha1(query.encode()).hexdigest()[:10]
        # A dot never occurs in a page slug, so "page.2/" cannot collide with a child page.
        if path.endswith("/"):
            return f"{path}page.{suffix}/"
        stem, dot, ext = path.rpartition(".")
        return f"{stem}.{suffix}.{ext}" if dot and "/" not in ext else f"{path}.{suffix}"
    if is_feed(path):
        return path + "index.xml"
    return path


def file_for(path: str) -> str:
    """The file, relative to the output folder, that a static host serves at ``path``."""
    relative = posixpath.normpath("/" + unquote(path)).lstrip("/")
    if path.endswith("/") or relative in ("", "."):
        relative = posixpath.join("" if relative == "." else relative, "index.html")
    return relative


def split_url(url: str) -> tuple[str, str]:
    """An address's path and its query (without the question mark)."""
    path, _mark, query = url.partition("?")
    return path, query


def is_feed(path: str) -> bool:
    """Whether ``path`` is a feed of some edition. Feeds live at addresses ending in "/"; a
    static host would serve `index.html` there as HTML, so a feed is written as `index.xml`
    and linked by that name."""
    codes = tuple(code for code, _name in settings.LANGUAGES)
    return _feed_address(codes).match(path) is not None


@functools.cache
def _feed_address(language_codes: tuple[str, ...]) -> re.Pattern:
    # Every edition's prefix from settings.LANGUAGES (the default edition has none).
    editions = "|".join(re.escape(code) for code in language_codes)
    return re.compile(rf"^(/({editions}))?/feeds/(rss|atom|podcast)/(.+/)?$")
