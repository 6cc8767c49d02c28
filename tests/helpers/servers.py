"""Real servers of the fault tests' own: a PostgreSQL cluster, a Redis server, gunicorn and
`dateline worker` processes, each on a free port and a temporary directory, stopped and
started by the test. The machine's shared PostgreSQL (5432) and Redis (6379) are never
touched, except to read the test database that pytest-django made.
"""

import contextlib
import json
import os
import shutil
import socket
import sqlite3
import subprocess
import sys
import tempfile
import urllib.error
import urllib.request
from contextlib import closing
from pathlib import Path

from django.db import connection

from .waiting import wait_until

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
PG_BIN = Path("/usr/lib/postgresql/15/bin")
# Variables that would point a server at the developer's own data or settings.
LEAKY_ENV = ("DJANGO_SETTINGS_MODULE", "DATABASE_URL", "CACHE_URL", "REDIS_URL", "MEDIA_ROOT")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def server_env(**extra: str) -> dict:
    env = {key: value for key, value in os.environ.items() if key not in LEAKY_ENV}
    env.update(PYTHONPATH=str(ROOT), PYTHONUNBUFFERED="1", **extra)
    return env


class SharedDatabase:
    """The test database as other processes can open it: on PostgreSQL, pytest-django's
    test database itself; on SQLite, a file copy of its in-memory one, made by
    :meth:`publish` with SQLite's backup API (call it after writing)."""

    def __init__(self, directory: Path):
        self.sqlite_path = None
        settings = connection.settings_dict
        if connection.vendor == "sqlite":
            directory.mkdir(parents=True, exist_ok=True)
            self.sqlite_path = directory / "dateline.sqlite3"
            self.url = f"sqlite:///{self.sqlite_path}"
        else:
            self.url = (
                f"postgres://{settings['USER']}:{settings['PASSWORD'] or ''}@"
                f"{settings['HOST'] or 'localhost'}:{settings['PORT'] or 5432}/{settings['NAME']}"
            )

    def publish(self) -> None:
        if self.sqlite_path:
            connection.ensure_connection()
            with closing(sqlite3.connect(self.sqlite_path)) as target:
                connection.connection.backup(target)

    def query(self, sql: str, params=()) -> list[tuple]:
        """Read what the other processes wrote (``%s`` placeholders)."""
        if not self.sqlite_path:
            with connection.cursor() as cursor:
                cursor.execute(sql, params)
                return cursor.fetchall()
        with closing(sqlite3.connect(self.sqlite_path)) as db:
            return db.execute(sql.replace("%s", "?"), params).fetchall()

    def json(self, value):
        return json.loads(value) if isinstance(value, str) else value


def _as_postgres_user(args: list[str]) -> list[str]:
    # PostgreSQL refuses to run as root; CI and this machine run the tests as root.
    if os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--", *args]
    return args


class OwnPostgres:
    """A PostgreSQL cluster of our own (initdb in a temporary directory, its own port)."""

    def __init__(self):
        self.port = free_port()
        self.directory = Path(tempfile.mkdtemp(prefix="dateline-faults-pg-"))
        self.data = self.directory / "data"
        if os.geteuid() == 0:
            shutil.chown(self.directory, "postgres", "postgres")
        self._run(
            [str(PG_BIN / "initdb"), "-D", str(self.data), "-U", "postgres", "--auth=trust",
             "--no-sync", "-E", "UTF8", "--locale=C.UTF-8"]
        )  # fmt: skip
        self.start()

    def _run(self, args: list[str]) -> None:
        subprocess.run(_as_postgres_user(args), check=True, capture_output=True, timeout=120)

    def url(self, name: str) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/{name}"

    def start(self) -> None:
        options = f"-p {self.port} -c listen_addresses=127.0.0.1 -k {self.directory} -c fsync=off"
        self._run(
            [str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-o", options, "-w", "-t", "60",
             "-l", str(self.directory / "server.log"), "start"]
        )  # fmt: skip

    def stop(self) -> None:
        self._run([str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-m", "fast", "-w", "stop"])

    def copy_of(self, source_url: str, name: str) -> str:
        """A copy of the database at ``source_url`` (pg_dump | pg_restore); its URL."""
        dump = subprocess.run(
            ["pg_dump", "-Fc", "--no-owner", source_url],
            check=True, capture_output=True, timeout=120,
        )  # fmt: skip
        self._run([str(PG_BIN / "createdb"), "-h", "127.0.0.1", "-p", str(self.port), name])
        subprocess.run(
            ["pg_restore", "--no-owner", "-d", self.url(name)],
            input=dump.stdout, check=True, capture_output=True, timeout=120,
        )  # fmt: skip
        return self.url(name)

    def destroy(self) -> None:
        with contextlib.suppress(subprocess.CalledProcessError):  # already stopped
            self.stop()
        shutil.rmtree(self.directory, ignore_errors=True)


class OwnRedis:
    """A Redis server of our own: no persistence, its own port."""

    def __init__(self):
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process = None
        self.start()

    def start(self) -> None:
        self.process = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1",
             "--save", "", "--appendonly", "no"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        wait_until(self._answers, 20, f"redis-server on port {self.port}")

    def _answers(self) -> bool:
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=1) as sock:
                sock.sendall(b"PING\r\n")
                return sock.recv(16).startswith(b"+PONG")
        except OSError:
            return False

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(10)


class Gunicorn:
    """The site served by gunicorn with the fault tests' settings (tests/helpers/
    fault_settings.py: the test settings with the page cache on)."""

    def __init__(self, env: dict, log: Path, workers: int = 2):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = log
        with log.open("wb") as out:
            self.process = subprocess.Popen(
                [str(BIN / "gunicorn"), "dateline.wsgi", "--bind", f"127.0.0.1:{self.port}",
                 "--workers", str(workers), "--no-control-socket", "--timeout", "60"],
                env=env, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT,
            )  # fmt: skip
        wait_until(self._answers, 180, "gunicorn to answer")

    def _answers(self) -> bool:
        if self.process.poll() is not None:
            raise AssertionError(f"gunicorn exited:\n{self.log.read_text(errors='replace')}")
        try:
            self.get("/robots.txt")
            return True
        except OSError:
            return False

    def get(self, path: str) -> tuple[int, dict, str]:
        """(status, headers, body) of a GET, whatever the status."""
        try:
            with urllib.request.urlopen(self.url + path, timeout=30) as response:
                return response.status, dict(response.headers), response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, dict(error.headers), error.read().decode()

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
