"""Send one newsletter issue to 100,000 confirmed subscribers with two workers.

Usage: .venv/bin/python bench/newsletter.py [--subscribers 100000] [--workers 2] [--kill] [--reuse]
       DATABASE_URL=postgres://postgres@127.0.0.1:5432/dateline_bench_newsletter ...

Builds a fresh database (SQLite under --var-dir unless DATABASE_URL is set: migrate, the
demo newsroom, N confirmed subscribers; --reuse keeps the last run's if it has N), starts an
SMTP sink (aiosmtpd) on 127.0.0.1 in this process, queues the demo's sample issue and runs
``dateline worker`` processes until it is sent. Prints messages per second and total time,
and checks that every subscriber got exactly one message. With --kill, one worker is
SIGKILLed a third of the way through and a fresh one started: the check must still pass. A
second copy is allowed only for a reader whose row the send log marks doubtful (the worker
died inside the group of NEWSLETTER_COMMIT_EVERY messages it had not yet recorded) and only
if it has the same Message-ID; such copies are counted and printed.
"""

import argparse
import collections
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


MESSAGE_ID = re.compile(rb"^Message-ID: *(<[^>]*>)", re.IGNORECASE | re.MULTILINE)


class Sink:
    def __init__(self):
        self.count = collections.Counter()
        self.message_ids = collections.defaultdict(set)
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):
        found = MESSAGE_ID.search(envelope.content)
        with self.lock:
            for rcpt in envelope.rcpt_tos:
                self.count[rcpt] += 1
                self.message_ids[rcpt].add(found.group(1) if found else b"")
        return "250 OK"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def reusable(subscribers: int) -> bool:
    """The database holds the demo and exactly the subscribers this run asks for."""
    from django.db.utils import DatabaseError

    from dateline.newsletter.models import NewsletterIssuePage, Subscriber

    try:
        return (
            Subscriber.objects.filter(status=Subscriber.Status.CONFIRMED).count() == subscribers
            and NewsletterIssuePage.objects.live().exists()
        )
    except DatabaseError:  # not migrated yet
        return False


def build_database(subscribers: int) -> None:
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection
    from wagtail.models import Locale

    from dateline.newsletter.models import Subscriber

    if connection.vendor == "postgresql":
        call_command("flush", interactive=False, verbosity=0)
    call_command("migrate", verbosity=0)
    call_command("load_demo", verbosity=0)
    Subscriber.objects.bulk_create(
        (
            Subscriber(email=f"reader{n}@example.org", status=Subscriber.Status.CONFIRMED)
            for n in range(subscribers)
        ),
        batch_size=5000,
    )
    # Every reader takes the site's main edition, the one whose issue is sent.
    edition = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
    Editions = Subscriber.editions.through
    Editions.objects.bulk_create(
        (
            Editions(subscriber_id=pk, locale_id=edition.pk)
            for pk in Subscriber.objects.values_list("pk", flat=True).iterator()
        ),
        batch_size=5000,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--subscribers", type=int, default=100_000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--var-dir", default="/tmp/dateline-bench-newsletter")
    parser.add_argument("--kill", action="store_true", help="kill a worker mid-way")
    parser.add_argument(
        "--reuse",
        action="store_true",
        help="keep the last run's database if it has the same subscribers: only the send "
        "log is written again (saves the minutes of setup)",
    )
    args = parser.parse_args()

    from aiosmtpd.controller import Controller

    sink = Sink()
    port = free_port()
    controller = Controller(sink, hostname="127.0.0.1", port=port)
    controller.start()

    var_dir = Path(args.var_dir)
    if not os.environ.get("DATABASE_URL") and not args.reuse:
        shutil.rmtree(var_dir, ignore_errors=True)
    var_dir.mkdir(parents=True, exist_ok=True)
    env = {
        **os.environ,
        "DATELINE_VAR_DIR": str(var_dir),
        "DJANGO_SETTINGS_MODULE": os.environ.get("DJANGO_SETTINGS_MODULE", "dateline.settings.dev"),
        "DEBUG": "0",
        "EMAIL_URL": f"smtp://127.0.0.1:{port}",
        "DATELINE_BASE_URL": "https://news.example.org",
        "NEWSLETTER_PARALLEL_TASKS": str(args.workers),
        # With --kill, the dead worker's claimed rows come free after 15 s.
        "NEWSLETTER_CLAIM_SECONDS": "15" if args.kill else "600",
    }
    os.environ.update(env)
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.db import connection

    from dateline.newsletter import selectors, tasks
    from dateline.newsletter.models import Delivery, NewsletterIssuePage

    t0 = time.perf_counter()
    if not (args.reuse and reusable(args.subscribers)):
        build_database(args.subscribers)
    issue = NewsletterIssuePage.objects.live().filter(locale__language_code="en").first()
    Delivery.objects.filter(issue=issue).delete()
    NewsletterIssuePage.objects.filter(pk=issue.pk).update(send_status="draft")
    setup = time.perf_counter() - t0
    print(
        f"database: {connection.vendor}; setup (demo + {args.subscribers} subscribers): "
        f"{setup:.1f} s"
    )

    # load_demo queued thousands of index updates (Wagtail's reference index, search) for the
    # workers; they are the demo's, not the send's: drop them so the clock measures sending.
    from django_tasks_db.models import DBTaskResult

    dropped, _ = DBTaskResult.objects.all().delete()
    print(f"queued demo tasks dropped before timing: {dropped}")

    start = time.perf_counter()
    total = tasks.queue_issue(issue)
    print(f"send log written and tasks queued: {time.perf_counter() - start:.1f} s", flush=True)
    dateline = str(ROOT / ".venv" / "bin" / "dateline")
    command = [dateline, "worker", "--no-reload", "--no-startup-delay", "--interval", "0.2"]

    def spawn():
        return subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL)

    workers = [spawn() for _ in range(args.workers)]
    killed = False
    first = None
    while True:
        time.sleep(1)
        progress = selectors.progress([issue.pk])[issue.pk]
        done = progress["sent"] + progress["failed"]
        elapsed = time.perf_counter() - start
        if first is None and done:
            first = elapsed
        print(
            f"  {elapsed:6.1f} s  sent {progress['sent']:>7}  remaining {progress['remaining']:>7}",
            flush=True,
        )
        if args.kill and not killed and done > total / 3:
            workers[0].send_signal(signal.SIGKILL)
            workers[0].wait()
            in_flight = selectors.progress([issue.pk])[issue.pk]["in_flight"]
            workers[0] = spawn()  # a restarted worker resumes the send
            killed = True
            print(
                f"  killed worker 1 (rows in flight just after: {in_flight}) "
                "and started a fresh one",
                flush=True,
            )
        if not progress["remaining"]:
            break
    elapsed = time.perf_counter() - start
    for worker in workers:
        worker.send_signal(signal.SIGTERM)
    for worker in workers:
        worker.wait(timeout=30)
    time.sleep(0.5)
    controller.stop()

    expected = {f"reader{n}@example.org" for n in range(args.subscribers)}
    received = sink.count
    missing = expected - set(received)
    twice = {address for address, n in received.items() if n > 1}
    different = {address for address, ids in sink.message_ids.items() if len(ids) > 1}
    doubtful = set(
        Delivery.objects.filter(issue=issue, doubtful=True).values_list(
            "subscriber__email", flat=True
        )
    )
    print(f"recipients: {total}; messages received by the sink: {sum(received.values())}")
    print(
        f"total time: {elapsed:.1f} s; {total / elapsed:.0f} messages/s with {args.workers} workers"
    )
    print(
        f"first message after {first:.1f} s; sending from then on: "
        f"{total / (elapsed - first):.0f} messages/s"
    )
    print(
        f"missing: {len(missing)}; received more than once: {len(twice)} "
        f"(with different Message-IDs: {len(different)}); rows marked doubtful: {len(doubtful)}"
    )
    ok = not missing and not different and twice <= doubtful
    if not ok:
        verdict = "FAILED"
    elif twice:
        verdict = (
            f"OK: every subscriber got the issue; {len(twice)} in the in-flight window got "
            "a second, identical copy (same Message-ID), as the send log says"
        )
    else:
        verdict = "OK: every subscriber got exactly one message"
    print("CHECK " + verdict)
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
