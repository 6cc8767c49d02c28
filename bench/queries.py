"""SQL queries and render time per public page, with the demo plus generated articles.

Usage: .venv/bin/python bench/queries.py [--articles 20000] [--var-dir /tmp/dateline-bench]
       DATABASE_URL=postgres://postgres@127.0.0.1:5432/dateline_bench .venv/bin/python ...

Builds the database on first use (migrate, load_demo, generate_articles) and reuses it
afterwards. Each page is rendered once to warm image renditions, then N times, through
Django's test client (no HTTP server). Figures: the queries of a render with no cache at
all ("uncached": the first page after a publish), of a render with the page not in the page
cache but what every page of the edition shares cached (header, footer, Popular: warmed
by the edition's other pages after a cache clear, so nothing of this page's own is left
over: "page cold", every other page after a publish), of a stored page ("hit"), and the
median render time with no cache.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

PAGES = [
    ("home", "/"),
    ("article", "/azerbaijan-launches-offensive-in-nagorno-karabakh/"),
    ("region listing", "/regions/caucasus/"),
    ("place listing", "/regions/caucasus/armenia/"),
    ("topic listing", "/topics/politics/"),
    ("author", "/authors/nino-beridze/"),
    ("Russian article", "/ru/azerbajdzhan-nachal-nastuplenie-v-nagornom-karabahe/"),
    ("footer page", "/about/"),
    ("collection", "/topics/politics/kazakhstans-bloody-january-2022/"),
    ("blog", "/blogs/kitchen-table/"),
    ("blog post", "/blogs/kitchen-table/supra-the-georgian-feast-and-its-toastmaster/"),
    ("podcast series", "/podcasts/the-weekly-ledger/"),
    ("podcast episode", "/podcasts/the-weekly-ledger/weekly-ledger-ceasefires-and-elections/"),
    ("video", "/video/glacier-survey-in-the-tien-shan/"),
    ("visual story", "/visual-stories/a-winter-on-the-aral-sea/"),
    ("media section", "/visual-stories/"),
    ("search page", "/search/"),
    ("feed", "/feeds/rss/"),
    ("Russian home", "/ru/"),
]


# Per edition: its home page and an article, both of which show the whole shared part.
EDITION_PAGES = {
    "en": ["/", "/azerbaijan-launches-offensive-in-nagorno-karabakh/"],
    "ru": ["/ru/", "/ru/azerbajdzhan-nachal-nastuplenie-v-nagornom-karabahe/"],
}


def edition_page(url: str) -> str:
    """Another page of ``url``'s edition, which fills the edition's shared cache entries
    (header, footer, menus, Popular) and nothing of ``url``'s own."""
    home, article = EDITION_PAGES["ru" if url.startswith("/ru/") else "en"]
    return article if url == home else home


class QueryCounter:
    """A database execute wrapper that records each statement's SQL."""

    def __init__(self, log: list[str]):
        self.log = log

    def __call__(self, execute, sql, params, many, context):
        self.log.append(sql)
        return execute(sql, params, many, context)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=20_000)
    parser.add_argument("--var-dir", default="/tmp/dateline-bench")
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()

    os.environ["DATELINE_VAR_DIR"] = args.var_dir
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dateline.settings.dev")
    os.environ["DEBUG"] = "0"
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    from dateline.news.models import ArticlePage

    call_command("migrate", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    if not ArticlePage.objects.exists():
        call_command("load_demo", verbosity=0)
    missing = args.articles - ArticlePage.objects.count()
    if missing > 0:
        call_command("generate_articles", count=missing, verbosity=1)
    settings.ALLOWED_HOSTS = ["*"]
    # Keep one connection for the whole run, so that the wrapper sees the page's queries.
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections

    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    client = Client()
    print(f"{connection.vendor}, {ArticlePage.objects.count()} articles")
    from django.core.cache import cache

    def count(url: str) -> tuple[int, int]:
        queries: list[str] = []
        with connection.execute_wrapper(QueryCounter(queries)):
            status = client.get(url).status_code
        return status, len(queries)

    print(
        f"{'page':18} {'status':>6} {'uncached':>9} {'page cold':>10} {'hit':>4} {'median ms':>10}"
    )
    for name, url in PAGES:
        settings.DATELINE_PAGE_CACHE = False
        client.get(url)
        status, uncached = count(url)
        settings.DATELINE_PAGE_CACHE = True
        cache.clear()
        client.get(edition_page(url))
        _, page_cold = count(url)
        _, hit = count(url)
        settings.DATELINE_PAGE_CACHE = False
        timings = []
        for _ in range(args.repeat):
            start = time.perf_counter()
            client.get(url)
            timings.append((time.perf_counter() - start) * 1000)
        print(
            f"{name:18} {status:>6} {uncached:>9} {page_cold:>10} {hit:>4}"
            f" {statistics.median(timings):>10.1f}"
        )


if __name__ == "__main__":
    main()
