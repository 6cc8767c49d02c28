"""The cache Wagtail keeps image renditions in (``CACHES["renditions"]``): the default
cache, without storing again what was just read from it.

Wagtail 8.0 writes every rendition it found in the cache back to the cache: ``get_renditions``
(``{% picture %}``, ``{% srcset_image %}``) marks only prefetched renditions as already
kept, and ``get_rendition`` (``{% image %}``) stores whatever it found. So each image tag
cost a read and a write on every render: on a story page after a publish, the lead image's
six renditions were pickled and sent to Redis again, a third of the picture tag's time.
Here a rendition read from the cache is marked, and storing a marked one does nothing.
Wagtail fixed this after 8.0.1 (wagtail/wagtail#14541); this goes with that release.
"""

import contextlib

from django.core.cache import caches
from django.core.cache.backends.base import DEFAULT_TIMEOUT, BaseCache

# Wagtail's own mark for a rendition it does not need to store again.
_KEPT = "_from_cache"


class RenditionCache(BaseCache):
    """A view of the cache alias named by ``LOCATION`` (``default``) for renditions."""

    def __init__(self, location: str, params: dict):
        super().__init__(params)
        self._alias = location or "default"

    @property
    def _cache(self) -> BaseCache:
        return caches[self._alias]

    def get(self, key, default=None, version=None):
        value = self._cache.get(key, default, version=version)
        if value is not default:
            _mark_kept(value)
        return value

    def get_many(self, keys, version=None):
        found = self._cache.get_many(keys, version=version)
        for value in found.values():
            _mark_kept(value)
        return found

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        if not getattr(value, _KEPT, False):
            self._cache.set(key, value, timeout, version=version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        new = {key: value for key, value in data.items() if not getattr(value, _KEPT, False)}
        return self._cache.set_many(new, timeout, version=version) if new else []

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._cache.add(key, value, timeout, version=version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._cache.touch(key, timeout, version=version)

    def delete(self, key, version=None):
        return self._cache.delete(key, version=version)

    def delete_many(self, keys, version=None):
        return self._cache.delete_many(keys, version=version)

    def clear(self):
        return self._cache.clear()


def _mark_kept(value) -> None:
    with contextlib.suppress(AttributeError):  # not a rendition: nothing Wagtail stores
        setattr(value, _KEPT, True)
