"""The page cache's settings, and the prefix of its keys."""

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

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


# Set while answering the edge cache (``exact_reads``): see memo_seconds().
_exact = ContextVar("dateline_pagecache_exact", default=False)


def memo_seconds() -> float:
    """How long this process trusts its last reading of a generation or a tag:
    ``DATELINE_GENERATION_MEMO_SECONDS``, or not at all while answering the edge cache,
    which would keep a copy retired in that second for its whole ``s-maxage``."""
    return 0 if _exact.get() else settings.DATELINE_GENERATION_MEMO_SECONDS


@contextmanager
def exact_reads() -> Iterator[None]:
    token = _exact.set(True)
    try:
        yield
    finally:
        _exact.reset(token)
