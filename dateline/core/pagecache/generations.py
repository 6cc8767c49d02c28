"""The generation of each edition: the number in every key of the page cache, which a
publish bumps to retire all of that edition's entries at once."""

import time
from collections.abc import Iterable

from django.conf import settings
from django.core.cache import cache
from django.utils.translation import get_language_from_path

from .. import replicas
from .conf import PREFIX, memo_seconds
from .local import NO_COPIES, local_copies, worker_only_copies
from .tags import forget_versions

# The generation of the addresses that list the pages of every edition (the API, the
# sitemaps): every edition's bump retires them too.
ALL_EDITIONS = "*"


def editions() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


def edition_of_path(path: str) -> str:
    """The language code of the edition an address belongs to, from its prefix alone."""
    return get_language_from_path(path) or settings.LANGUAGE_CODE


def _generation_key(edition: str) -> str:
    return f"{PREFIX}:generation:{edition}"


# edition -> (generation, when it was read): see generation().
_recent_generations: dict[str, tuple[int, float]] = {}
# What generation() answers when the shared cache does not (Redis is down): nothing is
# stored then, and no worker's own copy is used, since no publish could retire it.
UNKNOWN_GENERATION = 0


def generation(edition: str) -> int:
    """The current generation of an edition's cached pages.

    Kept in this process for ``DATELINE_GENERATION_MEMO_SECONDS`` (1 s by default), so that
    a stored page costs one cache round trip, not two: another process's publish shows
    here within that second, this process's own at once (bump() forgets the memo).
    """
    now = time.monotonic()
    recent = _recent_generations.get(edition)
    if recent is not None and now - recent[1] < memo_seconds():
        return recent[0]
    key = _generation_key(edition)
    value = cache.get(key)
    if value is None:
        # Start from the clock, not from 1: if the cache dropped this key but kept some
        # pages, a restart at 1 could bring back pages of an earlier generation 1.
        cache.add(key, time.time_ns(), timeout=None)
        value = cache.get(key, UNKNOWN_GENERATION)
    if value != UNKNOWN_GENERATION:
        _recent_generations[edition] = (value, now)
    # Anything this request reads from now on may be stored under this generation: it must
    # not come from a replica that is behind the publish that made it (core/replicas.py).
    replicas.decide_again()
    return value


def forget_generations(**kwargs) -> None:
    """Drop this process's memo of the generations and its local copies: when the cache
    itself changes (tests switch it with override_settings), they would otherwise outlive
    the values they copied. A flushed production cache costs one extra miss per page."""
    _recent_generations.clear()
    forget_versions()
    local_copies.clear()
    worker_only_copies.clear()


def copies_for(current_generation: int):
    """This worker's copies, or none while the generation cannot be read."""
    return NO_COPIES if current_generation == UNKNOWN_GENERATION else local_copies


def bump(edition_codes: Iterable[str]) -> None:
    """Retire every cached page and chrome entry of these editions, and the addresses that
    list every edition's pages."""
    # First: a request that reads the new generation must find replicas held to this
    # position, or it could store a page from before the change under it.
    replicas.record_publish()
    for edition in {*edition_codes, ALL_EDITIONS}:
        _recent_generations.pop(edition, None)
        key = _generation_key(edition)
        try:
            cache.incr(key)
        except ValueError:  # no such key yet: any new value retires nothing, but is new
            cache.set(key, time.time_ns(), timeout=None)


def bump_all() -> None:
    bump(editions())
