"""Each worker's own copies of the entries it read last from the shared cache."""

import threading
import time
from collections import OrderedDict

from django.conf import settings


class LocalCopies:
    """The entries this process read from the shared cache last, kept in its own memory.

    Every key of ours holds its edition's generation, so a copy is exactly as current as
    the generation this process last read (within DATELINE_GENERATION_MEMO_SECONDS), and
    the hottest pages and header parts cost no round trip to Redis. A copy never outlives
    the shared entry (each entry carries its expiry time); at most
    DATELINE_LOCAL_CACHE_ENTRIES are kept, the least recently used going first. Threads of
    a worker share it, hence the lock.
    """

    def __init__(self):
        self._entries: OrderedDict[str, tuple[float, object]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: str, default=None):
        with self._lock:
            found = self._entries.get(key)
            if found is None:
                return default
            if found[0] <= time.time():
                del self._entries[key]
                return default
            self._entries.move_to_end(key)
            return found[1]

    def put(self, key: str, value, expires: float) -> None:
        size = settings.DATELINE_LOCAL_CACHE_ENTRIES
        if size <= 0 or expires <= time.time():
            return
        with self._lock:
            self._entries[key] = (expires, value)
            self._entries.move_to_end(key)
            while len(self._entries) > size:
                self._entries.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()


local_copies = LocalCopies()
# Answers the shared cache never keeps (a search: any words make a new address), which this
# worker keeps for the short while the view lets an edge keep them (middleware.py).
worker_only_copies = LocalCopies()


class _NoCopies:
    """Stands in for local_copies while the shared cache cannot be read."""

    def get(self, key: str, default=None):
        return default

    def put(self, key: str, value, expires: float) -> None:
        pass


NO_COPIES = _NoCopies()
