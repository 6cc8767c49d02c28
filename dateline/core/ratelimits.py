"""Counting hits against a limit in the cache, by a hash of who or what is counted.

The cache holds a keyed hash of the address (or email), never the value itself, and forgets
it after the window (docs/deploy.md, "Client addresses").
"""

import hashlib
import hmac

from django.conf import settings
from django.core.cache import cache


def over_limit(scope: str, identity: str, limit: tuple[int, int]) -> bool:
    """Count one more hit by ``identity`` in ``scope``; True once it passes ``limit`` =
    (count, seconds)."""
    count, seconds = limit
    digest = hmac.new(settings.SECRET_KEY.encode(), identity.encode(), hashlib.sha256).hexdigest()
    key = f"{scope}:{digest}"
    if cache.add(key, 1, seconds):
        return count < 1
    try:
        return cache.incr(key) > count
    except ValueError:  # expired between add and incr
        cache.add(key, 1, seconds)
        return count < 1
