"""Databases: the primary (``DATABASE_URL``) and its read replicas (``DATABASE_REPLICA_URLS``).

Readers' pages may be read from a replica; everything else uses the primary
(core/replicas.py, docs/deploy.md "Read replicas").
"""

import os

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from .environment import VAR_DIR, env_int, env_list

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{VAR_DIR / 'dateline.sqlite3'}",
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers and the task workers share the file with the web process. A writer
    # waits up to `timeout` seconds for another's lock (Python's default is 5): a worker
    # starting while others write, on a busy machine, must wait, not die.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 30,
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0

# Read replicas: PostgreSQL standbys of the primary (streaming replication), comma-separated.
# Each becomes the alias replica_1, replica_2, ...; a request that may read from one picks
# one at random among those that are up and have replayed the last publish.
DATABASE_REPLICA_URLS = env_list("DATABASE_REPLICA_URLS")
# Seconds to wait for a replica's connection, and to leave one alone after it failed (its
# readers go to the primary meanwhile).
DATABASE_REPLICA_CONNECT_TIMEOUT = env_int("DATABASE_REPLICA_CONNECT_TIMEOUT", 2)
DATABASE_REPLICA_RETRY_SECONDS = env_int("DATABASE_REPLICA_RETRY_SECONDS", 10)
DATELINE_DATABASE_REPLICAS: list[str] = []
for _number, _url in enumerate(DATABASE_REPLICA_URLS, start=1):
    _replica = dj_database_url.parse(_url, conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60))
    if _replica["ENGINE"] != "django.db.backends.postgresql" or (
        DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql"
    ):
        raise ImproperlyConfigured(
            "DATABASE_REPLICA_URLS: read replicas are PostgreSQL standbys of a PostgreSQL "
            f"DATABASE_URL; replica {_number} is {_url.split(':', 1)[0]}://..."
        )
    _replica["OPTIONS"] = {
        **_replica.get("OPTIONS", {}),
        "connect_timeout": DATABASE_REPLICA_CONNECT_TIMEOUT,
    }
    # The test suite never makes a database of its own for a replica.
    _replica["TEST"] = {"MIRROR": "default"}
    DATABASES[f"replica_{_number}"] = _replica
    DATELINE_DATABASE_REPLICAS.append(f"replica_{_number}")
DATABASE_ROUTERS = ["dateline.core.replicas.ReplicaRouter"] if DATELINE_DATABASE_REPLICAS else []
