"""Publish storm: the soak's mixed traffic at 64 connections while the desk publishes a live
update every 30 s and a new story every 2 minutes (both editions), first against gunicorn
behind the shipped edge cache (Varnish, deploy/varnish/dateline.vcl), then against gunicorn
alone.

Per minute it prints requests/s, p50/p95/p99/max latency, 5xx, 4xx, timeouts (wrk's, over
--timeout) and other socket errors, the RSS of gunicorn's workers (and of varnishd), and
each publish's delay until the change is visible to a reader: the live update on the
story's page, the new story on its edition's home page, polled every 50 ms through the
target (the edge, or gunicorn alone). Targets: 0 5xx, 0 timeouts, p99 under 100 ms behind
the edge and under 400 ms on gunicorn alone, every publish visible within 2 s, memory flat.

The site is set up like bench/soak.py's (production settings, PostgreSQL, Redis, 2 gunicorn
workers, a task worker that mails the signups' confirmations to an SMTP sink), on its own
database, built once:

    .venv/bin/python bench/storm.py --build-only          # outside the bench lock
    flock /tmp/dateline-bench.lock .venv/bin/python bench/storm.py [--minutes 10]

The desk's publishes run in this process (Django set up with the servers' settings), so
they purge Varnish exactly as a publish in the admin does (FRONTEND_CACHE_BACKEND=varnish).
Needs wrk and varnishd (Debian's wrk and varnish). --targets edge or gunicorn runs one.
"""

import argparse
import json
import logging
import os
import secrets
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

from edge import Varnish
from newsletter import Sink, free_port
from pages import BIN, ROOT, Server, TaskWorker, build
from soak import LUA, PATHS, WRK, gunicorn_rss

DEFAULT_DATABASE = "postgres://postgres@127.0.0.1:5432/dateline_storm"
DEFAULT_CACHE = "redis://127.0.0.1:6379/4"
HOST = "127.0.0.1"  # the Site's hostname (DATELINE_BASE_URL): what purges name
LIVE_UPDATE_EVERY = 30
NEW_STORY_EVERY = 120
VISIBLE_WITHIN = 2.0


def storm_lua() -> str:
    """The soak's traffic, as nginx would send it (Host and X-Forwarded-Proto), with wrk's
    timeouts counted apart from other socket errors."""
    text = LUA.replace(
        'wrk.headers["X-Forwarded-Proto"] = "https"',
        f'wrk.headers["X-Forwarded-Proto"] = "https"\nwrk.headers["Host"] = "{HOST}"',
    )
    text = text.replace('"errors": %%d}', '"errors": %%d, "timeouts": %%d}')
    text = text.replace(
        "summary.errors.write + summary.errors.timeout))",
        "summary.errors.write, summary.errors.timeout))",
    )
    assert text.count("timeouts") == 1 and '"Host"' in text, "bench/soak.py's script has moved"
    return text % {"paths": ", ".join(json.dumps(path) for path in PATHS)}


def fetch(base: str, path: str) -> str | None:
    """The page as a reader behind nginx gets it, or None if the server did not answer."""
    request = urllib.request.Request(
        base + path, headers={"Host": HOST, "X-Forwarded-Proto": "https"}
    )
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.read().decode(errors="replace")
    except urllib.error.HTTPError as error:
        return error.read().decode(errors="replace")
    except OSError:
        return None


class Desk(threading.Thread):
    """Publishes on schedule and times each change until a reader sees it at ``base``."""

    def __init__(self, base: str, duration: float):
        super().__init__(daemon=True)
        self.base, self.duration = base, duration
        self.story, self.user = desk_story(), desk_user()
        self.events: list[tuple[float, str, float]] = []  # (when, what, seconds to visible)
        self.stopping = threading.Event()

    def run(self) -> None:
        started = time.monotonic()
        next_update, next_story = started + 5, started + 15
        while not self.stopping.is_set() and time.monotonic() - started < self.duration:
            now = time.monotonic()
            if now >= next_update:
                self._live_update()
                next_update += LIVE_UPDATE_EVERY
            elif now >= next_story:
                for edition in ("en", "ru"):
                    self._new_story(edition)
                next_story += NEW_STORY_EVERY
            else:
                self.stopping.wait(min(next_update, next_story) - now)

    def _live_update(self) -> None:
        from dateline.news.services import post_live_update

        headline = f"Storm update {secrets.token_hex(4)}"
        post_live_update(self.story, self.user, headline=headline, body=f"<p>{headline}.</p>")
        self._time_until_visible("live update", self.story.url, headline)

    def _new_story(self, edition: str) -> None:
        from wagtail.models import Page

        from dateline.news.models import ArticlePage

        model = ArticlePage.objects.live().filter(locale__language_code=edition)
        source = model.order_by("-pk").first()
        if source is None:
            return
        home = Page.objects.get(locale=source.locale, depth=2)
        title = f"Storm story {secrets.token_hex(4)}"
        update = {"title": title, "slug": title.lower().replace(" ", "-")}
        story = source.copy(to=home, update_attrs=update, keep_live=False)
        story.save_revision().publish()
        self._time_until_visible(f"new story ({edition})", home.url, title)

    def _time_until_visible(self, what: str, path: str, text: str) -> None:
        published = time.monotonic()
        while time.monotonic() - published < 30:
            body = fetch(self.base, path)
            if body and text in body:
                break
            time.sleep(0.05)
        self.events.append((time.time(), what, time.monotonic() - published))


def desk_story():
    """The live story the desk updates: the newest English article, made live once."""
    from dateline.news.models import ArticlePage

    story = ArticlePage.objects.live().filter(locale__language_code="en").order_by("-pk").first()
    if not story.is_live:
        story.is_live = True
        story.save_revision().publish()
    return story


def desk_user():
    from django.contrib.auth import get_user_model

    users = get_user_model().objects
    return users.filter(is_superuser=True).first() or users.create_superuser("storm-desk")


def run_target(name: str, env: dict, args, workdir: Path) -> dict:
    """Minutes of traffic and publishing against one target; its figures."""
    # Without Varnish, the desk's purges find nobody listening: not worth a line each.
    logging.getLogger("dateline.edge").disabled = name != "edge"
    server = Server(env, args.workers, workdir / f"gunicorn-{name}.log")
    worker = TaskWorker(env, workdir / f"worker-{name}.log")
    varnish = Varnish(server.port, args.varnish_port, workdir / "edge") if name == "edge" else None
    base = varnish.url if varnish else server.url
    script = workdir / "storm.lua"
    script.write_text(storm_lua())
    try:
        desk = Desk(base, args.minutes * 60)
        for path in [*PATHS, desk.story.url]:  # what each page costs once, and the caches filled
            fetch(base, path)
        workers = lambda: [mb for pid, mb in gunicorn_rss(server.process.pid).items()  # noqa: E731
                           if pid != server.process.pid]  # fmt: skip
        start_rss = sum(workers())
        print(f"\n== {name}: {base} (gunicorn workers {start_rss:.0f} MB at the start)")
        print("minute  req/s  p50 ms  p95 ms  p99 ms  max ms  5xx  4xx  timeouts  errors"
              "  workers MB  varnish MB  publishes: seconds to visible")  # fmt: skip
        desk.start()
        minutes = []
        for minute in range(1, args.minutes + 1):
            began = time.time()
            out = subprocess.run(
                [WRK, "-t", "2", "-c", str(args.connections), "-d", "60s",
                 "--timeout", f"{args.timeout}s", "-s", str(script), base],
                capture_output=True, text=True, check=True,
            ).stdout  # fmt: skip
            r = json.loads(next(x for x in out.splitlines() if x.startswith("SOAK "))[5:])
            r["rss"] = sum(workers())
            r["events"] = [e for e in desk.events if began <= e[0] < time.time()]
            minutes.append(r)
            shown = ", ".join(f"{what} {delay:.2f}" for _, what, delay in r["events"])
            edge_mb = f"{varnish.rss_mb():>10.0f}" if varnish else f"{'-':>10}"
            print(
                f"{minute:>6}  {r['requests'] / 60:>5.0f}  {r['p50']:>6.1f}  {r['p95']:>6.1f}  "
                f"{r['p99']:>6.1f}  {r['max']:>6.0f}  {r['fivexx']:>3}  {r['fourxx']:>3}  "
                f"{r['timeouts']:>8}  {r['errors']:>6}  {r['rss']:>10.0f}  {edge_mb}  {shown}",
                flush=True,
            )
        desk.stopping.set()
        desk.join(60)
        return {"minutes": minutes, "events": desk.events, "start_rss": start_rss}
    finally:
        if varnish:
            varnish.stop()
        worker.stop()
        server.stop()


def summarize(name: str, figures: dict, p99_target: float) -> list[tuple[str, bool]]:
    minutes, events = figures["minutes"], figures["events"]
    delays = [delay for _, _, delay in events]
    fivexx = sum(m["fivexx"] for m in minutes)
    timeouts = sum(m["timeouts"] for m in minutes)
    worst_p99 = max(m["p99"] for m in minutes)
    change = minutes[-1]["rss"] - figures["start_rss"]
    rate = sum(m["requests"] for m in minutes) / (60 * len(minutes))
    print(f"{name}: {rate:.0f} req/s, worst minute's p99 {worst_p99:.1f} ms, {fivexx} 5xx, "
          f"{timeouts} timeouts, {len(delays)} publishes (slowest visible after "
          f"{max(delays, default=0):.2f} s), gunicorn workers' RSS {change:+.0f} MB")  # fmt: skip
    return [
        (f"{name}: 0 5xx", fivexx == 0),
        (f"{name}: 0 timeouts", timeouts == 0),
        (f"{name}: p99 under {p99_target:.0f} ms every minute", worst_p99 < p99_target),
        (f"{name}: every publish visible within {VISIBLE_WITHIN:.0f} s",
         bool(delays) and max(delays) <= VISIBLE_WITHIN),
    ]  # fmt: skip


def environment(args, smtp_port: int) -> dict:
    env = dict(os.environ)
    env.pop("REDIS_URL", None)
    env.update(
        DATABASE_URL=os.environ.get("DATABASE_URL") or DEFAULT_DATABASE,
        CACHE_URL=os.environ.get("CACHE_URL") or DEFAULT_CACHE,
        DATELINE_VAR_DIR=args.var_dir,
        PYTHONUNBUFFERED="1",
    )
    build({**env, "DATELINE_SETTINGS": "dev", "DEBUG": "0", "ALLOWED_HOSTS": HOST},
          args.articles)  # fmt: skip
    # What the build queued (search and reference indexing), worked off as on a site whose
    # worker keeps up: the run's worker then has only the run's own tasks. Confirmations an
    # earlier run left queued were that run's readers': dropped, not mailed.
    dev = {**env, "DATELINE_SETTINGS": "dev", "DEBUG": "0"}
    forget = ("from django_tasks_db.models import DBTaskResult; DBTaskResult.objects.filter("
              "status='READY', task_path__endswith='send_signup_notice').delete()")  # fmt: skip
    subprocess.run([str(BIN / "dateline"), "shell", "-v0", "-c", forget],
                   env=dev, cwd=ROOT, check=True)  # fmt: skip
    subprocess.run(
        [str(BIN / "dateline"), "worker", "--batch", "--no-reload", "--no-startup-delay",
         "--no-periodic", "--verbosity", "0"],
        env=dev, cwd=ROOT, check=True,
    )  # fmt: skip
    env.update(
        DATELINE_SETTINGS="production",
        DJANGO_SETTINGS_MODULE="dateline.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS=f"{HOST},localhost",
        DATELINE_BASE_URL=f"https://{HOST}",
        SECURE_SSL_REDIRECT="0",
        EMAIL_URL=f"smtp://127.0.0.1:{smtp_port}",
        NEWSLETTER_SIGNUP_RATE_IP="100000000",
        LOG_LEVEL="WARNING",
        FRONTEND_CACHE_BACKEND="varnish",
        FRONTEND_CACHE_LOCATION=f"http://127.0.0.1:{args.varnish_port}",
    )
    return env


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=int, default=10, help="per target")
    parser.add_argument("--targets", default="edge,gunicorn")
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--timeout", type=int, default=2, help="wrk's request timeout, s")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--articles", type=int, default=20_000)
    parser.add_argument("--var-dir", default="/tmp/dateline-storm")
    parser.add_argument("--build-only", action="store_true")
    args = parser.parse_args()
    args.varnish_port = free_port()
    sink = Sink()
    smtp_port = free_port()
    env = environment(args, smtp_port)
    if args.build_only:
        return
    from aiosmtpd.controller import Controller

    controller = Controller(sink, hostname="127.0.0.1", port=smtp_port)
    controller.start()
    os.environ.update(env)
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from dateline.home.services import match_site_to_base_url

    match_site_to_base_url()  # page URLs, and so purges, name https://127.0.0.1/
    workdir = Path(tempfile.mkdtemp(prefix="dateline-storm-"))
    print(f"PostgreSQL {env['DATABASE_URL'].rsplit('/', 1)[-1]}, Redis {env['CACHE_URL']}, "
          f"{args.workers} gunicorn workers, wrk {args.connections} connections, "
          f"{args.minutes} min per target; logs in {workdir}")  # fmt: skip
    checks = []
    try:
        for name in args.targets.split(","):
            figures = run_target(name, env, args, workdir)
            checks += summarize(name, figures, 100 if name == "edge" else 400)
    finally:
        controller.stop()
        print(f"confirmation emails received by the SMTP sink: {sum(sink.count.values())}")
    print()
    for label, ok in checks:
        print(f"{'PASS' if ok else 'MISS'}  {label}")
    sys.exit(0 if all(ok for _, ok in checks) else 1)


if __name__ == "__main__":
    main()
