"""Dateline's own checks for ``dateline check --deploy``: a read replica that is not one, a
bucket that takes no write."""

from django.conf import settings
from django.core.checks import Tags, Warning, register
from django.db import Error, connections

from .object_storage import remote_storages, write_problem


@register(deploy=True)
def check_read_replicas(**kwargs) -> list[Warning]:
    """Each of DATABASE_REPLICA_URLS must answer and be a standby (in recovery); replicas
    need a cache that every app server shares, where publishes record their position."""
    warnings = []
    replicas = settings.DATELINE_DATABASE_REPLICAS
    for number, alias in enumerate(replicas, start=1):
        connection = connections[alias]
        try:
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_is_in_recovery()")
                recovering = cursor.fetchone()[0]
        except Error as error:
            warnings.append(
                Warning(
                    f"Read replica {number} of DATABASE_REPLICA_URLS cannot be reached: "
                    f"{str(error).strip().splitlines()[0] if str(error).strip() else error!r}",
                    hint="Pages read from the primary while it is down. Check the address, "
                    "pg_hba.conf on the replica, and that the replica's PostgreSQL runs.",
                    id="dateline.W001",
                )
            )
            continue
        finally:
            connection.close()
        if not recovering:
            warnings.append(
                Warning(
                    f"Read replica {number} of DATABASE_REPLICA_URLS is not a standby "
                    "(pg_is_in_recovery() is false): it is not replicating from the primary, "
                    "so Dateline never reads from it.",
                    hint="Point it at a streaming-replication standby (pg_basebackup -R), "
                    "or remove it from DATABASE_REPLICA_URLS (e.g. after a failover).",
                    id="dateline.W002",
                )
            )
    backend = settings.CACHES["default"]["BACKEND"]
    if replicas and backend.endswith(("LocMemCache", "DummyCache")):
        warnings.append(
            Warning(
                "DATABASE_REPLICA_URLS is set but the cache is this process's own memory: "
                "other app servers would not know a publish happened and could serve a "
                "page from a replica that is behind it.",
                hint="Set CACHE_URL=redis://... on every app server.",
                id="dateline.W003",
            )
        )
    return warnings


@register(Tags.files, deploy=True)
def check_storage_writable(**kwargs) -> list[Warning]:
    """Each bucket in use takes a write and a delete."""
    warnings = []
    for alias, storage in remote_storages().items():
        problem = write_problem(storage)
        if problem:
            bucket = getattr(storage, "bucket_name", "?")
            warnings.append(
                Warning(
                    f"Uploads cannot be written to the bucket {bucket!r} "
                    f"(storage {alias!r}): {problem}",
                    hint="Check DATELINE_MEDIA_S3_BUCKET, DATELINE_MEDIA_S3_ENDPOINT and the "
                    "credentials (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY): the key needs "
                    "to put, get and delete objects (docs/deploy.md).",
                    id="dateline.W101",
                )
            )
    return warnings
