"""Read replicas: which database a query goes to (``DATABASE_REPLICA_URLS``).

Only an anonymous reader's GET or HEAD of a public address may read from a replica
(``ReplicaReadsMiddleware`` says so for the request); writes, the admin and its previews,
logged-in requests, reads inside a transaction, the task worker and task code use the
primary, as does anything outside a request.

A replica is used only once it has replayed the last publish. Every bump of the page
cache's generations (``core.pagecache.generations.bump``, after the publish's commit) first
records the primary's WAL position here; a request's first read asks the replica how far it
has replayed and uses the primary while it is behind, down or not a standby at all. A
request that reads a newer generation from the cache decides again before its next read,
so nothing it stores under that generation comes from before the publish.
"""

import contextlib
import logging
import random
import time
from contextvars import ContextVar
from dataclasses import dataclass, field
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.db import DEFAULT_DB_ALIAS, Error, connections
from django.http import HttpRequest

log = logging.getLogger(__name__)

# The primary's WAL position (bytes) at the last publish, and the lock of its updates.
POSITION_KEY = "dateline:replicas:published-position"
POSITION_LOCK_KEY = "dateline:replicas:published-position:lock"
# Addresses whose requests never read from a replica: the admin, its previews and logins.
PRIMARY_PREFIXES = ("/admin/",)


@dataclass
class _Reads:
    """One request's choice: the database it reads from, once decided (None until then),
    and the replicas it has already found up."""

    alias: str | None = None
    checked: set[str] = field(default_factory=set)


_request_reads: ContextVar[_Reads | None] = ContextVar("dateline_replica_reads", default=None)
# How many tasks are running in this context (ImmediateBackend runs them inside a request).
_tasks_running: ContextVar[int] = ContextVar("dateline_tasks_running", default=0)
# alias -> monotonic time before which it is not tried again, after a failure.
_down_until: dict[str, float] = {}
# alias -> the furthest WAL position this process has seen it replay (it only grows).
_replayed: dict[str, int] = {}


def replicas() -> list[str]:
    return settings.DATELINE_DATABASE_REPLICAS


def may_read_from_replica(request: HttpRequest) -> bool:
    """An anonymous reader's GET or HEAD of a public address (no session cookie: editors,
    and readers with a session, read their own writes from the primary)."""
    return (
        request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and not request.path_info.startswith(PRIMARY_PREFIXES)
    )


class ReplicaReadsMiddleware:
    """Lets the reads of the requests ``may_read_from_replica`` allows go to a replica."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest):
        if not replicas() or not may_read_from_replica(request):
            return self.get_response(request)
        token = _request_reads.set(_Reads())
        try:
            return self.get_response(request)
        finally:
            _request_reads.reset(token)


def primary_database(view):
    """For a view whose reads must see the newest writes (a link that confirms what was
    just written, like a newsletter confirmation): every read of it goes to the primary."""

    @wraps(view)
    def wrapped(*args, **kwargs):
        token = _request_reads.set(None)
        try:
            return view(*args, **kwargs)
        finally:
            _request_reads.reset(token)

    return wrapped


def task_started(**kwargs) -> None:
    """Task code reads from the primary, even when a task runs inside a reader's request."""
    _tasks_running.set(_tasks_running.get() + 1)


def task_finished(**kwargs) -> None:
    _tasks_running.set(max(0, _tasks_running.get() - 1))


class ReplicaRouter:
    """``DATABASE_ROUTERS``' one router when there are replicas."""

    def db_for_read(self, model, **_hints):
        reads = _request_reads.get()
        if reads is None or _tasks_running.get() or connections[DEFAULT_DB_ALIAS].in_atomic_block:
            return DEFAULT_DB_ALIAS
        if reads.alias is None:
            reads.alias = choose_database(reads.checked)
        return reads.alias

    def db_for_write(self, model, **_hints):
        return DEFAULT_DB_ALIAS

    def allow_relation(self, _obj1, _obj2, **_hints):
        return True  # replicas hold the same rows as the primary

    def allow_migrate(self, db, _app_label, **_hints):
        return db == DEFAULT_DB_ALIAS


def choose_database(checked: set[str]) -> str:
    """A replica that is up and has replayed the last publish, or the primary.

    A replica is asked once per request (which also finds out whether it is up); a second
    choice in the same request trusts what it said, as replay only goes forward.
    """
    required = published_position()
    if required is None:
        return DEFAULT_DB_ALIAS
    candidates = list(replicas())
    random.shuffle(candidates)
    for alias in candidates:
        if alias in checked and _replayed.get(alias, -1) >= required:
            return alias
        position = replayed_position(alias)
        if position >= 0:
            checked.add(alias)
        if position >= required:
            return alias
    return DEFAULT_DB_ALIAS


def replayed_position(alias: str) -> int:
    """How far ``alias`` has replayed the primary's WAL; -1 if it is down, or is not a
    standby (then it is not a replica of this primary: never read from it)."""
    if _down_until.get(alias, 0) > time.monotonic():
        return -1
    connection = connections[alias]
    # A kept connection may have been cut since (the replica restarted): one more try on a
    # new connection before the replica is left alone for a while.
    for _attempt in range(2):
        try:
            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT pg_is_in_recovery(), pg_last_wal_replay_lsn() - '0/0'::pg_lsn"
                )
                recovering, position = cursor.fetchone()
        except Error:
            with contextlib.suppress(Error):
                connection.close()
            continue
        if not recovering or position is None:
            return -1
        _replayed[alias] = max(_replayed.get(alias, -1), int(position))
        return int(position)
    log.warning("Read replica %s is unreachable; reading from the primary.", alias)
    _down_until[alias] = time.monotonic() + settings.DATABASE_REPLICA_RETRY_SECONDS
    return -1


def primary_position() -> int:
    with connections[DEFAULT_DB_ALIAS].cursor() as cursor:
        cursor.execute("SELECT pg_current_wal_lsn() - '0/0'::pg_lsn")
        return int(cursor.fetchone()[0])


def published_position() -> int | None:
    """The primary's WAL position at the last publish; None when the cache cannot say
    (the primary is used then). A cache that lost it (flushed) starts from the primary's
    position now, which is never too early."""
    try:
        position = cache.get(POSITION_KEY)
        if position is None:
            cache.add(POSITION_KEY, primary_position(), timeout=None)
            position = cache.get(POSITION_KEY)
    except Exception:  # the cache (Redis) is down: nothing says which replica is current
        log.warning("Cannot read the last publish's position; reading from the primary.")
        return None
    return position


def record_publish() -> None:
    """Raise the published position to the primary's position now. Called after a
    publish's commit, before the page cache's generations move on.

    Done by every process on PostgreSQL, replicas configured in it or not: a worker's
    scheduled publish, or an import, must hold the web servers' replicas back too.
    """
    if connections[DEFAULT_DB_ALIAS].vendor != "postgresql":
        return
    try:
        position = primary_position()
        # The cache has no atomic maximum: a short lock keeps a slower, older publish from
        # writing its lower position over a newer one's.
        deadline = time.monotonic() + 2
        while not cache.add(POSITION_LOCK_KEY, 1, timeout=5) and time.monotonic() < deadline:
            time.sleep(0.01)
        try:
            if (cache.get(POSITION_KEY) or 0) < position:
                cache.set(POSITION_KEY, position, timeout=None)
        finally:
            cache.delete(POSITION_LOCK_KEY)
    except Exception:  # the cache is down: readers use the primary until it is back
        log.warning("Could not record the publish's position for the replicas.", exc_info=True)


def decide_again() -> None:
    """The request has read a newer state of the cache (a generation): its next read
    chooses its database again, against the position recorded before that generation."""
    reads = _request_reads.get()
    if reads is not None:
        reads.alias = None
