"""One render per page at a time: when a stored page is missing, past its time or retired
by a publish, one request renders it while the others get the copy there was, or, with no
copy at all, wait for that one render instead of all rendering at once.

The render holds a lock in the shared cache (``cache.add``: Redis ``SET NX PX``, or local
memory's own) for at most ``DATELINE_PAGE_CACHE_STALE_SECONDS``, the bound on how stale a
copy may be served:

- a page past its time (kept that much longer in the cache) is served to the others while
  one request renders it;
- a page a publish retired is rendered afresh by the first request after the publish; only
  requests that come while that render runs get the old copy, so a reader who asks after a
  publish never gets the old page once a render has finished (or its lock has lapsed);
- a page with no copy (never stored, its edition's generation moved) is waited for, for
  the same bound at most, then rendered by the waiter itself.
"""

import time

from django.core.cache import cache

from .conf import page_seconds, stale_seconds
from .tags import is_current

FRESH, STALE, RETIRED = "fresh", "stale", "retired"
# How often a waiting request looks for the page being rendered.
POLL_SECONDS = 0.02


def state_of(entry: dict | None) -> str | None:
    """FRESH, STALE (past its time), RETIRED (a tag of it was bumped), or None."""
    if entry is None:
        return None
    if not is_current(entry.get("tags", {})):
        return RETIRED
    return FRESH if entry.get("expires", 0) > time.time() else STALE


def lookup(key: str, local) -> tuple[dict | None, str | None]:
    """The stored page under ``key``: this worker's copy if current, else the shared one."""
    entry = local.get(key)
    if entry is not None and state_of(entry) == FRESH:
        return entry, FRESH
    entry = cache.get(key)
    state = state_of(entry)
    if state == FRESH:
        local.put(key, entry, entry["expires"])
    return entry, state


def lock_key(key: str) -> str:
    return f"{key}:rendering"


def take_lock(key: str) -> bool:
    """Whether this request is the one to render ``key`` (for at most the stale bound)."""
    return cache.add(lock_key(key), 1, timeout=max(stale_seconds(), 1))


def release_lock(key: str) -> None:
    cache.delete(lock_key(key))


def wait_for(key: str, local) -> dict | None:
    """The page another request is rendering, once stored; None if its render ended
    without storing one (a 404, an error) or took longer than the bound."""
    deadline = time.monotonic() + stale_seconds()
    while time.monotonic() < deadline:
        time.sleep(POLL_SECONDS)
        entry, state = lookup(key, local)
        if state == FRESH:
            return entry
        if cache.get(lock_key(key)) is None:
            entry, state = lookup(key, local)
            return entry if state == FRESH else None
    return None


def store(key: str, entry: dict, local) -> None:
    """Keep a rendered page: fresh for the page cache's TTL, then servable for the stale
    bound while one request renders it again."""
    cache.set(key, entry, page_seconds() + stale_seconds())
    local.put(key, entry, entry["expires"])
