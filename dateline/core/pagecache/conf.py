"""The page cache's settings, and the prefix of its keys."""

from django.conf import settings

# Every entry of ours starts with this, so that a shared Redis can tell them apart.
PREFIX = "pagecache"


def enabled() -> bool:
    return settings.DATELINE_PAGE_CACHE


def page_seconds() -> int:
    return settings.DATELINE_PAGE_CACHE_SECONDS
