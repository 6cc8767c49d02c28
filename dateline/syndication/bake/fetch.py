"""Where the mirror gets what an address serves: pages, listings, feeds and sitemaps from
Django's test client (the real URL conf, templates and middleware, in-process), static
files from the collected files or the finders, media files from the storage (a folder or
a bucket: read through the storage, never from MEDIA_ROOT directly)."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.files.storage import default_storage
from django.test import Client

from dateline.core import object_storage

from .files import COMPRESSED_SUFFIXES


class SiteClient:
    """Renders addresses of the site at ``root_url`` as a reader's browser would ask."""

    def __init__(self, root_url: str):
        self.root_url = root_url
        self.client = Client(raise_request_exception=False)

    def get(self, url: str):
        host = urlsplit(self.root_url)
        return self.client.get(url, HTTP_HOST=host.netloc, secure=host.scheme == "https")


def is_static(path: str) -> bool:
    return path.startswith(settings.STATIC_URL)


# Where the mirror serves media: MEDIA_URL, or with media in a bucket (an absolute
# MEDIA_URL), this path, so that a mirror never sends readers to the bucket's host.
MIRROR_MEDIA_PATH = "/media/"


def media_path_prefix() -> str:
    media_url = settings.MEDIA_URL
    return MIRROR_MEDIA_PATH if media_url.startswith(("http:", "https:")) else media_url


def is_media(path: str) -> bool:
    return path.startswith(media_path_prefix())


def media_address(absolute: str) -> str | None:
    """The mirror's address for a media file linked at ``absolute`` in the bucket (or its
    CDN), or None if ``absolute`` is not there."""
    media_url = settings.MEDIA_URL
    if not media_url.startswith(("http:", "https:")) or not absolute.startswith(media_url):
        return None
    name = absolute[len(media_url) :].split("?")[0].split("#")[0]
    return MIRROR_MEDIA_PATH + name


def static_file(url: str) -> Path | None:
    """The static file served at ``url``: the collected copy, else what the finders find."""
    collected = _collected(url)
    source = collected if collected.is_file() else finders.find(static_name(url))
    return Path(source) if source else None


def compressed_copies(url: str) -> list[tuple[str, Path]]:
    """The collected compressed copies of the static file at ``url``, by their address."""
    collected = _collected(url)
    copies = []
    for suffix in COMPRESSED_SUFFIXES:
        copy = collected.with_name(collected.name + suffix)
        if copy.is_file():
            copies.append((url + suffix, copy))
    return copies


def static_name(url: str) -> str:
    """The static file's name (its path below STATIC_ROOT) for the address ``url``."""
    return unquote(url[len(settings.STATIC_URL) :].split("?")[0])


def _collected(url: str) -> Path:
    return Path(settings.STATIC_ROOT) / static_name(url)


def media_name(url: str) -> str:
    """The storage's name for the media file the mirror serves at ``url``."""
    return unquote(url[len(media_path_prefix()) :].split("?")[0])


def media_file(url: str) -> tuple[str, int, float] | None:
    """(name, size, modification time) of the media file served at ``url`` in the default
    storage (local disk or a bucket), or None when there is no such file."""
    name = media_name(url)
    found = object_storage.stat(default_storage, name) if name else None
    return (name, *found) if found else None
