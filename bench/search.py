"""Search latency at 100,000 articles: p50/p95/max and SQL queries per request.

Usage: .venv/bin/python bench/search.py [--articles 100000] [--repeat 3] [--build-only]
       (DATABASE_URL defaults to postgres://postgres@127.0.0.1:5432/dateline_searchbench)

Builds the database on first use (migrate, load_demo, generate_articles, then
rebuild_search_index, since generated articles bypass Wagtail's signals) and reuses it
afterwards. Runs a fixed mix of queries (one word, two words, a phrase, with and without
filters, English and Russian) through the real view with Django's test client, once to
warm up and then ``--repeat`` times, and prints the figures. Target: p95 under 50 ms.

Three figures per run: the whole request; "search work", the view's own work without the
page template (parsing, the index query, loading the results, snippets, promotions, "did
you mean"), timed by calling ``search_context``; and "page minus chrome", the request less
the median time of the empty search (``?q=``), which renders the same header and footer
(the "chrome") and search form with no query. Results are never cached: a request with a
search in it is never answered from the page cache, and each one searches the index.
"""

import argparse
import gc
import os
import statistics
import sys
import time
from pathlib import Path

# (edition prefix, query string). Generated articles use the words of
# dateline/news/services.py (SUBJECTS, VERBS, SENTENCES); the demo adds real stories.
QUERIES = [
    # one word
    ("", "q=border"),
    ("", "q=pipeline"),
    ("", "q=glacier"),
    ("", "q=protests"),
    ("", "q=election"),
    ("", "q=remittances"),
    ("", "q=harvest"),
    ("", "q=earthquake"),
    ("", "q=officials"),
    ("", "q=water"),
    ("", "q=prices"),
    ("", "q=Karabakh"),
    ("", "q=offensives"),
    ("", "q=ceasefire"),
    ("", "q=journalists"),
    ("", "q=hydropower"),
    # two words
    ("", "q=border+talks"),
    ("", "q=gas+pipeline"),
    ("", "q=currency+slide"),
    ("", "q=student+protest"),
    ("", "q=press+freedom"),
    ("", "q=power+cuts"),
    ("", "q=migrant+workers"),
    ("", "q=opposition+rally"),
    ("", "q=grain+prices"),
    ("", "q=Karabakh+exodus"),
    # phrases
    ("", "q=%22water+dispute%22"),
    ("", "q=%22customs+union%22"),
    ("", "q=%22independent+investigation%22"),
    ("", "q=%22central+market%22"),
    ("", "q=%22spark+protests%22"),
    # with filters
    ("", "q=border&place=caucasus"),
    ("", "q=election&place=kazakhstan"),
    ("", "q=water&topic=environment"),
    ("", "q=protests&place=central-asia&topic=politics"),
    ("", "q=pipeline&type=article&from=2022-01-01&to=2023-12-31"),
    ("", "q=prices&sort=newest"),
    ("", "q=officials&sort=newest&place=eastern-europe"),
    ("", "q=glacier&from=2024-01-01"),
    ("", "q=ceasefire+monitors&type=article"),
    ("", "q=border&page=3"),
    ("", "q=rally&topic=society&sort=newest"),
    # OR, exclusion, misspelling, nothing found
    ("", "q=dam+or+glacier"),
    ("", "q=protest+-student"),
    ("", "q=pipline"),
    ("", "q=zzyzx"),
    # Russian edition
    ("/ru", "q=Карабаха"),
    ("/ru", "q=наступление"),
    ("/ru", "q=Армения"),
    ("/ru", "q=беженцы+Армения"),
    ("/ru", "q=%22Нагорный+Карабах%22"),
    ("/ru", "q=перемирие&place=caucasus"),
    ("/ru", "q=выборы"),
    ("/ru", "q=Карабах&sort=newest"),
]


class QueryCounter:
    def __init__(self):
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(share * len(ordered) + 0.5) - 1))
    return ordered[index]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--var-dir", default="/tmp/dateline-searchbench")
    parser.add_argument(
        "--build-only",
        action="store_true",
        help="create and fill the database, then stop (run this outside the bench lock)",
    )
    args = parser.parse_args()

    os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/dateline_searchbench")
    os.environ["DATELINE_VAR_DIR"] = args.var_dir
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dateline.settings.dev")
    os.environ["DEBUG"] = "0"
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    _create_database(os.environ["DATABASE_URL"])
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections, connection
    from django.test import Client, RequestFactory
    from django.utils import translation

    from dateline.news.models import ArticlePage
    from dateline.search.models import SearchEntry
    from dateline.search.views import search_context

    call_command("migrate", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    if not ArticlePage.objects.exists():
        call_command("load_demo", verbosity=0)
    missing = args.articles - ArticlePage.objects.count()
    if missing > 0:
        call_command("generate_articles", count=missing, verbosity=1)
    if SearchEntry.objects.count() < ArticlePage.objects.live().count():
        started = time.perf_counter()
        call_command("rebuild_search_index", verbosity=1)
        print(f"indexed in {time.perf_counter() - started:.0f} s")
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    if args.build_only:
        print(f"built: {ArticlePage.objects.count()} articles")
        return
    settings.ALLOWED_HOSTS = ["*"]
    # What start-up left (Django, Wagtail, and here the migrations' state too: about 250,000
    # objects) is frozen, as dateline/wsgi.py does in a worker: else Python's first full
    # garbage collection walks it all in the middle of some request (about 100 ms here).
    gc.collect()
    gc.freeze()
    # One connection for the whole run, so that the counter sees each request's queries.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    client = Client()
    print(
        f"{connection.vendor}, {ArticlePage.objects.count()} articles, "
        f"{SearchEntry.objects.count()} indexed pages, {len(QUERIES)} queries "
        f"x {args.repeat} runs"
    )

    # "?q=" (an empty search) so that the page cache, which keeps the bare /search/ page,
    # does not answer: a parameter other than a page number makes a request uncacheable.
    chrome = _median_ms(client, "/search/?q=", args.repeat * 5)
    ru_chrome = _median_ms(client, "/ru/search/?q=", args.repeat * 5)
    factory = RequestFactory()
    timings: list[float] = []
    unchromed: list[float] = []
    work: list[float] = []
    per_request: list[int] = []
    slowest: list[tuple[float, str]] = []
    for prefix, query in QUERIES:
        url = f"{prefix}/search/?{query}"
        client.get(url)  # warm-up: renditions, content types, plans
        counter = QueryCounter()
        with connection.execute_wrapper(counter):
            status = client.get(url).status_code
        if status not in (200, 404):
            raise SystemExit(f"{url}: HTTP {status}")
        per_request.append(counter.count)
        for _ in range(args.repeat):
            started = time.perf_counter()
            client.get(url)
            elapsed = (time.perf_counter() - started) * 1000
            timings.append(elapsed)
            unchromed.append(elapsed - (ru_chrome if prefix else chrome))
            slowest.append((elapsed, url))
        with translation.override("ru" if prefix else "en"):
            for _ in range(args.repeat):
                request = factory.get(url)
                started = time.perf_counter()
                search_context(request)
                work.append((time.perf_counter() - started) * 1000)

    print(f"empty search page (the chrome and the form), median ms: {chrome:.1f} (en), "
          f"{ru_chrome:.1f} (ru)")  # fmt: skip
    _report("latency ms, whole request:", timings)
    _report("latency ms, page minus chrome:", unchromed)
    _report("latency ms, search work (no template):", work)
    print(f"SQL queries per request: min {min(per_request)}  "
          f"median {statistics.median(per_request):.0f}  max {max(per_request)}")  # fmt: skip
    print("slowest:")
    for elapsed, url in sorted(slowest, reverse=True)[:5]:
        print(f"  {elapsed:7.1f} ms  {url}")


def _median_ms(client, url: str, times: int) -> float:
    client.get(url)
    timings = []
    for _ in range(times):
        started = time.perf_counter()
        client.get(url)
        timings.append((time.perf_counter() - started) * 1000)
    return statistics.median(timings)


def _report(label: str, timings: list[float]) -> None:
    print(f"{label:40} p50 {statistics.median(timings):6.1f}  "
          f"p95 {percentile(timings, 0.95):6.1f}  max {max(timings):6.1f}")  # fmt: skip


def _create_database(url: str) -> None:
    """Create the benchmark's own PostgreSQL database if it does not exist yet."""
    if not url.startswith("postgres"):
        return
    from urllib.parse import urlsplit, urlunsplit

    import psycopg

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    admin = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if not exists:
            conn.execute(f'CREATE DATABASE "{name}"')


if __name__ == "__main__":
    main()
