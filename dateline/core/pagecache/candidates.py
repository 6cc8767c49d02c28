"""Which requests the page cache may answer or store, and the key of each one's page."""

import hashlib
import re

from django.conf import settings
from django.http import HttpRequest
from django.utils.http import urlencode
from django.utils.translation import get_language_from_path

from .conf import PREFIX
from .generations import ALL_EDITIONS, edition_of_path

# Query parameters that change what a page shows; a page number is the only one.
PAGE_PARAM = "page"
# Campaign parameters added by newsletters and social networks: they change nothing on the
# page, so a link shared with them is served from the same entry.
TRACKING_PARAM = re.compile(r"^(utm_[a-z]+|fbclid|gclid|mc_cid|mc_eid)$")
# Addresses that list the pages of every edition (the API, the sitemaps): kept like pages,
# with every query parameter in the key, under a generation that any edition's bump retires.
SHARED_PREFIXES = ("api/v2/", "sitemap", "news-sitemap")
# Addresses that are never pages of an edition, or must never be shared between readers.
EXCLUDED_PREFIXES = (
    "admin/",
    "documents/",
    "media/",
    "static/",
    "api/",
    "audience/",
    "live/",
    "newsletter/",
    "newsletter-unsubscribe/",
    "anymail/",
    "republish/",
    "feeds/chapters/",
    "robots.txt",
    "opensearch.xml",
)


def cache_edition(request: HttpRequest) -> str:
    """Whose generation keys the request's page: its edition's, or ALL_EDITIONS for an
    address that lists every edition's pages."""
    if request.path_info.lstrip("/").startswith(SHARED_PREFIXES):
        return ALL_EDITIONS
    return edition_of_path(request.path_info)


def is_candidate(request: HttpRequest, edition: str) -> bool:
    """Whether the request may be answered from, or stored in, the shared cache."""
    if request.method not in ("GET", "HEAD"):
        return False
    if settings.SESSION_COOKIE_NAME in request.COOKIES:
        # Editors, and readers with a session (a password-protected page, a message).
        return False
    return edition == ALL_EDITIONS or not _address(request).startswith(EXCLUDED_PREFIXES)


def cache_key_query(request: HttpRequest, shared: bool) -> str | None:
    """The part of the query string that belongs in the key, or None if not cacheable.

    Tracking parameters are dropped. On a page of an edition only a page number (digits)
    changes what it shows, and any other parameter (a search, a filter) makes the request
    uncacheable; on a shared address (the API, a sitemap part) every parameter is a
    question of its own, kept in a fixed order.
    """
    kept = []
    for name, values in sorted(request.GET.lists()):
        if TRACKING_PARAM.match(name):
            continue
        if shared:
            kept.extend(urlencode({name: value}) for value in values)
            continue
        if name != PAGE_PARAM or len(values) != 1 or not values[0].isdigit():
            return None
        kept.append(f"{PAGE_PARAM}={int(values[0])}")
    return "&".join(kept)


def page_key(request: HttpRequest, query: str, edition: str, current_generation: int) -> str:
    """The cache key of a page: its edition's generation, host, path and query."""
    address = f"{request.get_host()}{request.path_info}?{query}"
    digest = hashlib.md5(address.encode(), usedforsecurity=False).hexdigest()
    return f"{PREFIX}:page:{edition}:{current_generation}:{digest}"


def _address(request: HttpRequest) -> str:
    """The path without its leading slash and its edition's prefix."""
    path = request.path_info.lstrip("/")
    edition = get_language_from_path(request.path_info)
    if edition and edition != settings.LANGUAGE_CODE:
        path = path[len(edition) + 1 :]
    return path
