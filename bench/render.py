"""What a page costs to render when it is not in the page cache, in-process.

Usage: .venv/bin/python bench/render.py [--articles 20000] [--repeat 100]
       [--profile article] [--http]
       (DATABASE_URL=postgres://... and CACHE_URL=redis://... override the defaults below)

Builds the database on first use (migrate, load_demo, generate_articles) and reuses it
afterwards. Renders through Django's test client (the whole middleware stack, no HTTP
server), with DEBUG off, and prints milliseconds per render (p50, p95) and SQL queries per
render for:

- uncached: the page cache switched off (DATELINE_PAGE_CACHE=0), so every render builds
  the whole page, header, footer, menus and Popular included: the home page, an article
  of the demo (lead image, body images, tags, related stories), a generated article, a
  region listing and a topic listing, the same page ``--repeat`` times;
- first render: the page cache on, what the edition's pages share already cached (after a
  render of the home page), and each render a different generated article never shown
  before, whose related stories' cards may not be kept yet either;
- after publish: the page cache on, each generated article shown once, then published
  again (a new revision, as an editor's correction), then rendered: what the first
  reader after a publish costs, with what the publish left alone still kept (the related
  stories' cards, header, footer). The target of #17: p50 <= 15 ms.

``--profile NAME`` profiles ``--repeat`` uncached renders of that page (home, article,
generated, listing, topic), or ``first`` or ``published`` renders as above, with cProfile,
and prints the functions that take the most time.
``--http`` also serves the site with gunicorn (the project's gunicorn settings, 2 workers,
page cache off) and drives the article, the home page and the listing with wrk (2 threads,
32 connections, ``--duration`` seconds): requests/s, p50/p99 and timeouts.
"""

import argparse
import cProfile
import os
import pstats
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
DEFAULT_DATABASE = "postgres://postgres@127.0.0.1:5432/dateline_renderbench"
DEFAULT_CACHE = "redis://127.0.0.1:6379/3"
DEMO_ARTICLE = "/azerbaijan-launches-offensive-in-nagorno-karabakh/"
PAGES = {
    "home": "/",
    "article": DEMO_ARTICLE,
    "generated": None,  # the newest generated article, found after the build
    "listing": "/regions/caucasus/",
    "topic": "/topics/politics/",
}


def environment(args) -> dict:
    env = dict(os.environ)
    env.update(
        DATABASE_URL=os.environ.get("DATABASE_URL") or DEFAULT_DATABASE,
        CACHE_URL=os.environ.get("CACHE_URL") or DEFAULT_CACHE,
        DATELINE_VAR_DIR=args.var_dir,
        DATELINE_SETTINGS="dev",
        DJANGO_SETTINGS_MODULE="dateline.settings.dev",
        DEBUG="0",
        ALLOWED_HOSTS="127.0.0.1,localhost,testserver",
        PYTHONUNBUFFERED="1",
        PYTHONPATH=str(ROOT),
    )
    env.pop("REDIS_URL", None)
    return env


def create_database(url: str) -> None:
    """Create the benchmark's own PostgreSQL database if it does not exist yet."""
    if not url.startswith("postgres"):
        return
    from urllib.parse import urlsplit

    import psycopg

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    with psycopg.connect(parts._replace(path="/postgres").geturl(), autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            conn.execute(f'CREATE DATABASE "{name}"')


def build(articles: int) -> None:
    from django.core.management import call_command
    from django.db import connection

    from dateline.news.models import ArticlePage

    call_command("migrate", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    if not ArticlePage.objects.exists():
        call_command("load_demo", verbosity=0)
    missing = articles - ArticlePage.objects.count()
    if missing > 0:
        print(f"generating {missing} articles (once; this takes a while)...", flush=True)
        call_command("generate_articles", count=missing, verbosity=0)
        if connection.vendor == "postgresql":
            # Bulk inserts leave the planner's statistics saying the tables are empty.
            connection.cursor().execute("ANALYZE")


def generated_articles(count: int) -> list[str]:
    return [article.url for article in newest_articles(count)]


def newest_articles(count: int) -> list:
    from wagtail.models import Locale

    from dateline.news.models import ArticlePage

    english = Locale.objects.get(language_code="en")
    return list(ArticlePage.objects.live().filter(locale=english).order_by("-pk")[:count])


class QueryCounter:
    def __init__(self):
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)


def render(client, url: str) -> tuple[float, int, float]:
    """One render: milliseconds, SQL queries, and this process's CPU milliseconds (which
    other processes on a busy machine do not inflate as much as they do the clock's)."""
    from django.db import connection

    counter = QueryCounter()
    with connection.execute_wrapper(counter):
        start, cpu = time.perf_counter(), time.process_time()
        response = client.get(url)
        elapsed = (time.perf_counter() - start) * 1000
        cpu = (time.process_time() - cpu) * 1000
    if response.status_code != 200:
        sys.exit(f"{url} answered {response.status_code}")
    return elapsed, counter.count, cpu


def percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(pct / 100 * (len(ordered) - 1)))]


def report(name: str, mode: str, results: list[tuple[float, int, float]]) -> None:
    timings = [r[0] for r in results]
    cpu = [r[2] for r in results]
    print(
        f"{name:10} {mode:14} {percentile(timings, 50):>8.1f} {percentile(timings, 95):>8.1f}"
        f" {percentile(cpu, 50):>8.1f} {statistics.mean(r[1] for r in results):>8.1f}"
        f" {len(results):>7}",
        flush=True,
    )


def uncached(client, name: str, url: str, repeat: int) -> None:
    from django.conf import settings

    settings.DATELINE_PAGE_CACHE = False
    for _ in range(3):  # renditions, template compilation, content types
        render(client, url)
    results = [render(client, url) for _ in range(repeat)]
    report(name, "uncached", results)


def first_renders(client, paths: list[str]) -> None:
    """Each render a different article, the edition's shared parts cached."""
    from django.conf import settings
    from django.core.cache import cache

    settings.DATELINE_PAGE_CACHE = True
    cache.clear()
    for path in paths[:3]:  # renditions of the generated articles' shared images
        render(client, path)
    render(client, "/")
    results = [render(client, path) for path in paths[3:]]
    settings.DATELINE_PAGE_CACHE = False
    report("generated", "first render", results)


def after_publish(client, count: int, profiler: cProfile.Profile | None = None) -> list:
    """Each article rendered, published again, then rendered and measured: a reader's
    request right after a publish. The publish runs the site's own invalidation (its
    signal handlers), outside the measurement."""
    from django.conf import settings
    from django.core.cache import cache

    settings.DATELINE_PAGE_CACHE = True
    cache.clear()
    render(client, "/")
    articles = newest_articles(count + 3)[3:]
    results = []
    for article in articles:
        render(client, article.url)
        article.save_revision().publish()
        if profiler:
            profiler.enable()
        results.append(render(client, article.url))
        if profiler:
            profiler.disable()
    settings.DATELINE_PAGE_CACHE = False
    return results


def profile(client, urls: list[str], lines: int, out: str | None) -> None:
    """cProfile of renders of ``urls``: the same page uncached, or (``first``) a different
    article each time with the edition's shared parts cached."""
    from django.conf import settings
    from django.core.cache import cache

    profiler = cpu_profiler()
    first = len(set(urls)) > 1
    settings.DATELINE_PAGE_CACHE = first
    cache.clear()
    for url in urls[:3] if first else urls[:1] * 3:
        render(client, url)
    if first:
        render(client, "/")
        urls = urls[3:]
    profiler.enable()
    for url in urls:
        client.get(url)
    profiler.disable()
    settings.DATELINE_PAGE_CACHE = False
    what = "first renders of generated articles" if first else f"uncached renders of {urls[0]}"
    print_profile(profiler, f"{len(urls)} {what}", lines, out)


def profile_after_publish(client, count: int, lines: int, out: str | None) -> None:
    profiler = cpu_profiler()
    after_publish(client, count, profiler)
    print_profile(profiler, f"{count} first renders after a publish", lines, out)


def cpu_profiler() -> cProfile.Profile:
    # This process's CPU time, not the clock's: on a busy machine the clock counts the
    # other processes' turns too. Time spent waiting for the database is left out.
    return cProfile.Profile(time.process_time)


def print_profile(profiler: cProfile.Profile, what: str, lines: int, out: str | None) -> None:
    if out:
        profiler.dump_stats(out)
    stats = pstats.Stats(profiler).strip_dirs()
    print(f"\n{what}, by own time:")
    stats.sort_stats("tottime").print_stats(lines)
    print("by cumulative time:")
    stats.sort_stats("cumulative").print_stats(lines)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wrk(url: str, duration: int) -> str:
    out = subprocess.run(
        [shutil.which("wrk") or "/usr/bin/wrk", "-t2", "-c32", f"-d{duration}s", "--latency",
         "--timeout", "2s", url],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    p50 = re.search(r"\s50%\s+(\S+)", out).group(1)
    p99 = re.search(r"\s99%\s+(\S+)", out).group(1)
    timeouts = re.search(r"timeout (\d+)", out)
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return (
        f"{rps:>8.1f} req/s  p50 {p50:>8}  p99 {p99:>8}  timeouts "
        f"{timeouts.group(1) if timeouts else 0}  non-2xx {non2xx.group(1) if non2xx else 0}"
    )


def throughput(env: dict, pages: dict, duration: int) -> None:
    """gunicorn, 2 workers, page cache off, under wrk."""
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(
        [str(BIN / "gunicorn"), "dateline.wsgi", "-c", "python:dateline.gunicorn_config",
         "--bind", f"127.0.0.1:{port}", "--workers", "2", "--no-control-socket",
         "--access-logfile", "/dev/null"],
        env={**env, "DATELINE_PAGE_CACHE": "0"}, cwd=ROOT,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        deadline = time.time() + 240
        while True:
            try:
                with urllib.request.urlopen(url + "/robots.txt", timeout=2):
                    break
            except OSError:
                if time.time() > deadline:
                    sys.exit("gunicorn did not answer")
                time.sleep(0.2)
        print(f"\ngunicorn (2 workers, page cache off), wrk -t2 -c32 -d{duration}s:")
        for name in ("article", "home", "listing"):
            for _ in range(4):  # both workers: templates compiled, renditions made
                urllib.request.urlopen(url + pages[name], timeout=60).read()
            print(f"{name:10} {wrk(url + pages[name], duration)}", flush=True)
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=60)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=100)
    parser.add_argument("--var-dir", default="/tmp/dateline-renderbench")
    parser.add_argument(
        "--profile",
        choices=sorted([*PAGES, "first", "published"]),
        help="profile this page instead",
    )
    parser.add_argument("--profile-out", help="also write the profile's stats to this file")
    parser.add_argument("--lines", type=int, default=40, help="profile lines to print")
    parser.add_argument("--http", action="store_true", help="also measure through gunicorn")
    parser.add_argument("--duration", type=int, default=10, help="seconds per wrk run")
    args = parser.parse_args()

    env = environment(args)
    os.environ.update(env)
    sys.path.insert(0, str(ROOT))
    create_database(env["DATABASE_URL"])
    import django

    django.setup()
    from django.conf import settings
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections, connection
    from django.test import Client

    build(args.articles)
    # One connection for the whole run, as a gunicorn worker keeps it (CONN_MAX_AGE).
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    paths = generated_articles(args.repeat + 3)
    pages = {name: path or paths[0] for name, path in PAGES.items()}
    client = Client()
    settings.DATELINE_PAGE_CACHE = False
    if args.profile == "published":
        profile_after_publish(client, args.repeat, args.lines, args.profile_out)
        return
    if args.profile:
        urls = paths[1:] if args.profile == "first" else [pages[args.profile]] * args.repeat
        profile(client, urls, args.lines, args.profile_out)
        return
    print(
        f"{connection.vendor}, {len(generated_articles(10**7))} English articles live, "
        f"cache {env['CACHE_URL']}; ms per render through the test client"
    )
    print(
        f"{'page':10} {'mode':14} {'p50 ms':>8} {'p95 ms':>8} {'CPU p50':>8} {'queries':>8}"
        f" {'renders':>7}"
    )
    for name, url in pages.items():
        uncached(client, name, url, args.repeat)
    first_renders(client, paths[1:])
    report("generated", "after publish", after_publish(client, args.repeat))
    if args.http:
        throughput(env, pages, args.duration)


if __name__ == "__main__":
    main()
