"""The page cache during a run: editions retired in batches, not on every publish."""

from __future__ import annotations

import contextlib

from django.db import transaction

from dateline.core import pagecache
from dateline.core.pagecache.generations import bump
from dateline.core.pagecache.invalidation import editions_showing

CACHE_BATCH = 200  # published items between two page-cache generation bumps


class BatchedInvalidation:
    """While a run publishes, collect the editions to retire instead of retiring them on
    every publish; retire them once every ``CACHE_BATCH`` items and at the end."""

    def __init__(self):
        self.editions: set[str] = set()
        self.pending = 0

    def collect(self, page) -> None:
        self.editions |= editions_showing(page)

    def flush(self, items: int = 1, force: bool = False) -> None:
        self.pending += items
        if self.editions and (force or self.pending >= CACHE_BATCH):
            editions, self.editions, self.pending = self.editions, set(), 0
            transaction.on_commit(lambda: bump(editions))

    @contextlib.contextmanager
    def active(self):
        original = pagecache.invalidate_page
        pagecache.invalidate_page = self.collect
        try:
            yield self
        finally:
            pagecache.invalidate_page = original
            self.flush(0, force=True)
