"""SQL queries, median time and size of each feed, sitemap and API listing, with the demo
plus generated articles.

Usage: .venv/bin/python bench/syndication.py [--articles 20000] [--var-dir /tmp/dateline-bench]
       DATABASE_URL=postgres://postgres@127.0.0.1:5432/dateline_bench .venv/bin/python ...

Shares its database with bench/queries.py (same --var-dir). Each address is fetched once to
warm image renditions, then N times through Django's test client (no HTTP server, no cache).
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from queries import QueryCounter  # noqa: E402

URLS = [
    ("RSS, edition", "/feeds/rss/"),
    ("Atom, region", "/feeds/atom/regions/caucasus/"),
    ("RSS, author", "/feeds/rss/authors/nino-beridze/"),
    ("RSS, blog", "/feeds/rss/blogs/kitchen-table/"),
    ("podcast feed", "/feeds/podcast/podcasts/the-weekly-ledger/"),
    ("sitemap index", "/sitemap.xml"),
    ("sitemap, part 1", "/sitemap-en.xml"),
    ("news sitemap", "/news-sitemap-en.xml"),
    ("API, 20 articles", "/api/v2/articles/?fields=authors,lead_image"),
    ("API, by place", "/api/v2/articles/?place=armenia"),
    ("episode page", "/podcasts/the-weekly-ledger/weekly-ledger-ceasefires-and-elections/"),
    ("visual story", "/visual-stories/a-winter-on-the-aral-sea/"),
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=20_000)
    parser.add_argument("--var-dir", default="/tmp/dateline-bench")
    parser.add_argument("--repeat", type=int, default=10)
    args = parser.parse_args()

    os.environ["DATELINE_VAR_DIR"] = args.var_dir
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dateline.settings.dev")
    os.environ["DEBUG"] = "0"
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections, connection
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
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    client = Client()
    print(f"{connection.vendor}, {ArticlePage.objects.count()} articles")
    print(f"{'address':18} {'status':>6} {'queries':>8} {'median ms':>10} {'KB':>7}")
    for name, url in URLS:
        client.get(url)
        queries: list[str] = []
        with connection.execute_wrapper(QueryCounter(queries)):
            response = client.get(url)
        timings = []
        for _ in range(args.repeat):
            start = time.perf_counter()
            client.get(url)
            timings.append((time.perf_counter() - start) * 1000)
        size = len(response.content) / 1024
        print(
            f"{name:18} {response.status_code:>6} {len(queries):>8} "
            f"{statistics.median(timings):>10.1f} {size:>7.1f}"
        )


if __name__ == "__main__":
    main()
