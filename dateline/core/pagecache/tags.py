"""Tags: what a stored page or part was made from, and whether any of it changed since.

Every entry records the tags it depends on ("page:12", the story with id 12 as its cards
show it; "list:7", the stories listed under or tagged with page 7; ...: ``dependencies``
names them), each with the reading of one shared *clock* taken before its data was read.
A change moves the clock forward and writes the new reading into each tag it touches
(``bump_tags``). An entry is current while none of its tags was moved past the reading it
was made at: a render that started before a commit, and so may hold data from before it,
is retired by that commit's bump, as the edition's generation in the key did before.

Tags declared while an entry is computed are collected for every entry being computed at
that moment (``collecting``): a page is tagged with what its stored parts (cards, lists)
were tagged with, so that it goes when one of them does.
"""

import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from django.core.cache import cache

from .. import replicas
from .conf import PREFIX, memo_seconds

CLOCK_KEY = f"{PREFIX}:clock"
# A tag outlives every entry that may carry it (pages and parts are kept minutes).
TAG_SECONDS = 24 * 60 * 60
# What clock() answers when the cache does not: nothing is stored then.
UNKNOWN_CLOCK = 0


def _tag_key(tag: str) -> str:
    return f"{PREFIX}:tag:{tag}"


def clock() -> int:
    """The shared clock's reading now (one cache round trip; read afresh for each render)."""
    value = cache.get(CLOCK_KEY)
    if value is None:
        # Start from the wall clock (in milliseconds: readings must stay exact as floats,
        # which some backends' INCR goes through), not from 1: a clock lost with some
        # entries kept must not go back to readings those entries were made at.
        cache.add(CLOCK_KEY, int(time.time() * 1000), timeout=None)
        value = cache.get(CLOCK_KEY, UNKNOWN_CLOCK)
    # What this render reads from now on is stored as of this reading: it must not come
    # from a replica that is behind the change that moved the clock (core/replicas.py).
    replicas.decide_again()
    return value


# tag -> (the clock reading of its last bump, when this process read it).
_recent_versions: dict[str, tuple[int, float]] = {}


def versions(tags: Iterable[str]) -> dict[str, int]:
    """When each tag was last bumped (0: not in living memory), kept in this process for
    ``DATELINE_GENERATION_MEMO_SECONDS`` like the generations: another process's bump shows
    here within that second, this process's own at once."""
    memo = memo_seconds()
    now = time.monotonic()
    found, wanted = {}, []
    for tag in tags:
        recent = _recent_versions.get(tag)
        if recent is not None and now - recent[1] < memo:
            found[tag] = recent[0]
        else:
            wanted.append(tag)
    if wanted:
        stored = cache.get_many([_tag_key(tag) for tag in wanted])
        for tag in wanted:
            found[tag] = stored.get(_tag_key(tag), 0)
            _recent_versions[tag] = (found[tag], now)
    return found


def is_current(entry_tags: dict[str, int]) -> bool:
    """Whether no tag of an entry was bumped after the reading it was made at."""
    if not entry_tags:
        return True
    current = versions(entry_tags)
    return all(current[tag] <= made_at for tag, made_at in entry_tags.items())


def bump_tags(tags: Iterable[str]) -> None:
    """Retire every entry that depends on any of these tags."""
    tags = set(tags)
    if not tags:
        return
    # First, as for a generation: a render that reads the new clock must find replicas
    # held to this position.
    replicas.record_publish()
    try:
        reading = int(cache.incr(CLOCK_KEY))
    except ValueError:  # no clock yet: any later reading retires what was made before
        clock()
        reading = int(cache.incr(CLOCK_KEY))
    cache.set_many({_tag_key(tag): reading for tag in tags}, TAG_SECONDS)
    for tag in tags:
        _recent_versions.pop(tag, None)


def forget_versions() -> None:
    _recent_versions.clear()


# The entries being computed by this thread, innermost last: each a dict tag -> reading.
_collecting = threading.local()


class Collector(dict):
    """The tags of one entry being computed, and the clock reading it started at."""

    def __init__(self, started: int):
        super().__init__()
        self.started = started

    def add(self, tags: dict[str, int]) -> None:
        for tag, made_at in tags.items():
            reading = min(made_at, self.started)
            self[tag] = min(self.get(tag, reading), reading)


@contextmanager
def collecting(started: int) -> Iterator[Collector]:
    """Collect the tags declared until the block ends (``depends_on``, ``carry``)."""
    collector = Collector(started)
    stack = _stack()
    stack.append(collector)
    try:
        yield collector
    finally:
        # By identity: collectors are dicts, and two with the same tags are equal.
        del stack[next(i for i, c in enumerate(stack) if c is collector)]


def _stack() -> list[Collector]:
    stack = getattr(_collecting, "stack", None)
    if stack is None:
        stack = _collecting.stack = []
    return stack


def depends_on(*tags: str) -> None:
    """Declare that what is being computed now shows what these tags name."""
    for collector in _stack():
        collector.add(dict.fromkeys(tags, collector.started))


def carry(entry_tags: dict[str, int]) -> None:
    """A stored part used by what is being computed: that inherits the part's tags."""
    if entry_tags:
        for collector in _stack():
            collector.add(entry_tags)
