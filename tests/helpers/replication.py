"""PostgreSQL streaming replication of the tests' own: a primary cluster (OwnPostgres), a
standby made from it with ``pg_basebackup -R``, and what the tests do to them (pause the
standby's replay, write behind the app's back, run Django code as another process would)."""

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import psycopg

from .servers import PG_BIN, ROOT, OwnPostgres, free_port, server_env
from .waiting import wait_until


class Standby(OwnPostgres):
    """A hot standby of ``primary``, streaming from it, on a port of its own."""

    def __init__(self, primary: OwnPostgres):
        self.port = free_port()
        self.directory = Path(tempfile.mkdtemp(prefix="dateline-replica-pg-"))
        self.data = self.directory / "data"
        if os.geteuid() == 0:
            shutil.chown(self.directory, "postgres", "postgres")
        # -R writes primary_conninfo and standby.signal: the copy starts as a standby.
        self._run(
            [str(PG_BIN / "pg_basebackup"), "-h", "127.0.0.1", "-p", str(primary.port),
             "-U", "postgres", "-D", str(self.data), "-R", "-X", "stream", "--no-sync",
             "--checkpoint=fast"]
        )  # fmt: skip
        self.start()

    def sql(self, statement: str, database: str = "postgres") -> list[tuple]:
        return run_sql(self.url(database), statement)

    def pause_replay(self) -> None:
        self.sql("SELECT pg_wal_replay_pause()")

    def resume_replay(self) -> None:
        self.sql("SELECT pg_wal_replay_resume()")

    def caught_up_with(self, primary: OwnPostgres) -> None:
        """Wait until the standby has replayed everything the primary has written."""
        [(target,)] = run_sql(primary.url("postgres"), "SELECT pg_current_wal_lsn()::text")
        wait_until(
            lambda: self.sql(f"SELECT pg_last_wal_replay_lsn() >= '{target}'::pg_lsn")[0][0],
            60,
            "the standby to replay the primary's writes",
        )


def run_sql(url: str, statement: str, params=()) -> list[tuple]:
    with psycopg.connect(url, autocommit=True) as connection:
        cursor = connection.execute(statement, params)
        return cursor.fetchall() if cursor.description else []


def run_django(env: dict, code: str) -> str:
    """Run ``code`` with Django set up by ``env`` (another process, like `dateline shell`);
    what it prints."""
    script = "import django\ndjango.setup()\n" + code
    result = subprocess.run(
        [sys.executable, "-c", script], env=env, cwd=ROOT, capture_output=True, text=True,
        timeout=300,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    return result.stdout


def replica_env(primary_url: str, replica_urls: list[str], **extra: str) -> dict:
    return server_env(
        DJANGO_SETTINGS_MODULE="tests.helpers.replica_settings",
        DATABASE_URL=primary_url,
        DATABASE_REPLICA_URLS=",".join(replica_urls),
        DATABASE_REPLICA_RETRY_SECONDS="2",
        **extra,
    )
