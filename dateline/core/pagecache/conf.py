"""The page cache's settings, and the prefix of its keys."""

from django.conf import settings

# Every entry of ours starts with this, so that a shared Redis can tell them apart.
PREFIX = "pagecache"


def enabled() -> bool:
    return settings.DATELINE_PAGE_CACHE


def page_seconds() -> int:
    return settings.DATELINE_PAGE_CACHE_SECONDS


def stale_seconds() -> int:
    """How long past its time a page may still be served while one request re-renders it,
    and the longest one render holds the others back (its lock's lifetime)."""
    return settings.DATELINE_PAGE_CACHE_STALE_SECONDS
