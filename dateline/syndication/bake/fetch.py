"""Where the mirror gets what an address serves: pages, listings, feeds and sitemaps from
Django's test client (the real URL conf, templates and middleware, in-process), static
files from the collected files or the finders, media files from the storage."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.files.storage import default_storage
from django.test import Client

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


def is_media(path: str) -> bool:
    return path.startswith(settings.MEDIA_URL)


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


def media_file(url: str) -> Path | bytes | None:
    """The media file served at ``url``: its path, or its bytes when the storage has no
    paths (e.g. object storage), or None when there is no such file."""
    name = unquote(url[len(settings.MEDIA_URL) :].split("?")[0])
    if not default_storage.exists(name):
        return None
    try:
        return Path(default_storage.path(name))
    except NotImplementedError:
        with default_storage.open(name) as handle:
            return handle.read()
