"""Real `dateline worker` processes SIGKILLed mid-send and started again.

The SMTP sink (aiosmtpd, in this process) kills the worker that is talking to it at chosen
points of the SMTP dialogue, so each kill lands exactly where the test says:

- at RCPT: the message was never handed over;
- in DATA, after the final dot, before the server's 250: the server has kept the message
  but the worker never learns it. This is the window no SMTP client can close (the Two
  Generals problem; docs/decisions.md, "The in-flight window");
- at MAIL of the next message: the previous message was accepted.

A worker records its send log once per group of messages (here a whole batch of BATCH), so
a kill leaves that group's rows ``sending``: each is sent again, flagged doubtful, and
those the server had already accepted arrive twice. Two workers run at once, and each one
killed is replaced at once. Every subscriber must have the issue; a second copy is allowed
only for a reader flagged doubtful, only among the last BATCH messages of a killed worker,
and it must be the same message (same Message-ID and text; the MIME boundary and Date are
the sending worker's).
"""

import collections
import email
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller
from django.db import connection

from dateline.newsletter import tasks
from tests.helpers.mail import text_of
from tests.helpers.servers import free_port

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

SUBSCRIBERS = 30
BATCH = 5
# (SMTP step, number of messages the sink has accepted, at least, when the kill happens)
KILLS = [("RCPT", 3), ("DATA", 8), ("MAIL", 15), ("DATA", 22)]
DATELINE = Path(sys.executable).parent / "dateline"


class KillingSink:
    """An SMTP server that SIGKILLs, at the planned steps, the worker it is talking to (each
    worker sends from its own address, so the envelope says which one it is)."""

    def __init__(self, kills):
        self.kills = list(kills)
        self.messages: list[tuple[str, email.message.Message]] = []
        self.pids: dict[str, int] = {}
        self.killed_in_data: list[str] = []
        # Each worker's recipients, in the order it handed them over (by sender address).
        self.sent_by: dict[str, list[str]] = collections.defaultdict(list)
        self.killed: list[str] = []
        self.lock = threading.Lock()

    def _kill_if_planned(self, step: str, accepted: int, sender: str) -> bool:
        with self.lock:
            # At or after the planned count: two workers talk at once, so the sink may go
            # from 3 accepted messages to 5 between one worker's RCPT and the next.
            due = self.kills and self.kills[0][0] == step and accepted >= self.kills[0][1]
            if due and sender in self.pids:
                self.kills.pop(0)
                os.kill(self.pids.pop(sender), signal.SIGKILL)
                self.killed.append(sender)
                return True
        return False

    async def handle_MAIL(self, server, session, envelope, address, mail_options):
        self._kill_if_planned("MAIL", len(self.messages), address)
        envelope.mail_from = address
        return "250 OK"

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        self._kill_if_planned("RCPT", len(self.messages), envelope.mail_from)
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        # The message is kept before the answer, as a real server writes it to disk first.
        with self.lock:
            index = len(self.messages)
            for rcpt in envelope.rcpt_tos:
                self.messages.append((rcpt, email.message_from_bytes(envelope.content)))
                self.sent_by[envelope.mail_from].append(rcpt)
        if self._kill_if_planned("DATA", index, envelope.mail_from):
            self.killed_in_data.extend(envelope.rcpt_tos)
        return "250 Message accepted"


@pytest.fixture
def worker_database(tmp_path):
    """(DATABASE_URL for worker processes, a function running SQL there)."""
    if connection.vendor == "postgresql":
        config = connection.settings_dict
        host = config["HOST"] or "127.0.0.1"
        auth = config["USER"] + (f":{config['PASSWORD']}" if config["PASSWORD"] else "")
        url = f"postgres://{auth}@{host}:{config['PORT'] or 5432}/{config['NAME']}"

        def sql(query):
            with connection.cursor() as cursor:
                cursor.execute(query)
                return cursor.fetchall()

        yield url, sql
        return
    # The SQLite test database lives in this process's memory: workers get a copy on disk.
    path = tmp_path / "workers.sqlite3"

    def copy():
        target = sqlite3.connect(path)
        connection.ensure_connection()
        connection.connection.backup(target)
        # As `migrate` leaves a deployed database: in WAL mode before any worker opens it.
        target.execute("PRAGMA journal_mode=WAL")
        target.close()

    def sql(query):
        db = sqlite3.connect(path, timeout=30)
        try:
            return db.execute(query).fetchall()
        finally:
            db.close()

    yield f"sqlite:///{path}", sql, copy


def spawn_worker(env, sender: str, log: Path) -> subprocess.Popen:
    command = [str(DATELINE), "worker", "--no-reload", "--no-startup-delay", "--no-periodic"]
    with log.open("wb") as output:
        return subprocess.Popen(
            [*command, "--interval", "0.2"],
            env={**env, "NEWSLETTER_FROM_EMAIL": sender},
            stdout=output,
            stderr=subprocess.STDOUT,
        )


def test_workers_killed_at_each_step_of_smtp_then_restarted(
    settings, make_issue, subscribers, worker_database, tmp_path
):
    url, sql, *copy = worker_database
    subscribers(SUBSCRIBERS)
    issue = make_issue()
    tasks.queue_issue(issue)
    if copy:
        copy[0]()

    sink = KillingSink(KILLS)
    controller = Controller(sink, hostname="127.0.0.1", port=free_port())
    controller.start()
    leaky = ("DJANGO_SETTINGS_MODULE", "CACHE_URL", "REDIS_URL", "MEDIA_ROOT", "STATIC_ROOT")
    env = {key: value for key, value in os.environ.items() if key not in leaky}
    env.update(
        DATELINE_SETTINGS="dev",
        DEBUG="0",
        DATABASE_URL=url,
        DATELINE_VAR_DIR=str(tmp_path / "var"),
        MEDIA_ROOT=str(settings.MEDIA_ROOT),  # the stories' images, for the email
        EMAIL_URL=f"smtp://127.0.0.1:{controller.port}",
        DATELINE_BASE_URL="https://news.example.org",
        NEWSLETTER_BATCH_SIZE=str(BATCH),
        NEWSLETTER_COMMIT_EVERY=str(BATCH),
        # Long enough that a live worker never loses a batch on a busy machine; a dead
        # worker's rows wait this long before another worker takes them.
        NEWSLETTER_CLAIM_SECONDS="20",
    )

    def unsent() -> int:
        query = "SELECT COUNT(*) FROM newsletter_delivery WHERE status IN ('pending', 'sending')"
        return sql(query)[0][0]

    workers: list[tuple[subprocess.Popen, Path]] = []

    def start_worker() -> None:
        sender = f"worker{len(workers)}@news.example.org"
        log = tmp_path / f"worker-{len(workers)}.log"
        worker = spawn_worker(env, sender, log)
        sink.pids[sender] = worker.pid
        workers.append((worker, log))

    # Two workers at once; each one killed is replaced by a fresh one at once, which starts
    # while the other carries on (a worker takes seconds to start on a busy machine).
    deadline = time.monotonic() + 600
    dead: set[int] = set()
    try:
        start_worker()
        start_worker()
        while unsent() and time.monotonic() < deadline:
            for worker, log in list(workers):
                if worker.poll() is not None and worker.pid not in dead:
                    assert worker.returncode == -signal.SIGKILL, log.read_text()[-3000:]
                    dead.add(worker.pid)
                    start_worker()
            time.sleep(0.3)
    finally:
        for worker, _ in workers:
            if worker.poll() is None:
                worker.terminate()
        for worker, _ in workers:
            try:
                worker.wait(timeout=60)
            except subprocess.TimeoutExpired:
                worker.kill()
                worker.wait()
        controller.stop()
        shutil.rmtree(tmp_path / "var", ignore_errors=True)

    assert not sink.kills, f"kill points never reached: {sink.kills}"
    assert len(dead) == len(KILLS)
    assert unsent() == 0, "the restarted workers left readers without the issue"

    by_recipient = collections.defaultdict(list)
    for rcpt, message in sink.messages:
        by_recipient[rcpt].append((message["Message-ID"], text_of(message)))
    expected = {f"reader{n}@example.org" for n in range(SUBSCRIBERS)}
    assert set(by_recipient) == expected, "every subscriber got the issue"
    twice = {rcpt for rcpt, copies in by_recipient.items() if len(copies) > 1}
    # A reader whose message was kept in the unknown window got a second copy...
    assert len(sink.killed_in_data) == 2
    assert set(sink.killed_in_data) <= twice
    # ...and a second copy went only to the unrecorded group of a killed worker...
    last_group_of_killed = {
        rcpt for sender in sink.killed for rcpt in sink.sent_by[sender][-BATCH:]
    }
    assert twice <= last_group_of_killed
    for rcpt in twice:
        copies = by_recipient[rcpt]
        # ...and is the same message (same Message-ID and text): mail programs show one.
        assert len(set(copies)) == 1, f"{rcpt} got two different messages"
    message_ids = [copies[0][0] for copies in by_recipient.values()]
    assert len(set(message_ids)) == SUBSCRIBERS

    rows = sql(
        "SELECT s.email, d.status, d.doubtful FROM newsletter_delivery d "
        "JOIN newsletter_subscriber s ON s.id = d.subscriber_id"
    )
    assert {status for _, status, _ in rows} == {"sent"}
    # The send log flags every reader who may hold two copies, and at most a batch per kill.
    doubtful = {address for address, _, doubtful in rows if doubtful}
    assert twice <= doubtful
    assert len(doubtful) <= len(KILLS) * BATCH
