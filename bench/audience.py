"""What reader counting costs: the beacon's append, folding the log, and Popular.

Usage: .venv/bin/python bench/audience.py [--views 100000] [--var-dir /tmp/dateline-audience]
       DATABASE_URL=postgres://postgres@127.0.0.1:5432/dateline_audiencebench .venv/bin/python ...

Builds the demo on first use. Prints: the median time of one beacon request (bot check,
repeat filter in the cache, one INSERT) through Django's test client; how fast
`aggregate_views` folds N appended views into daily totals; and the queries and median
time of the Popular selector over those totals.
"""

import argparse
import os
import random
import statistics
import sys
import time
from pathlib import Path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--views", type=int, default=100_000)
    parser.add_argument("--beacons", type=int, default=2_000)
    parser.add_argument("--var-dir", default="/tmp/dateline-audience")
    args = parser.parse_args()

    os.environ["DATELINE_VAR_DIR"] = args.var_dir
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dateline.settings.dev")
    os.environ["DEBUG"] = "0"
    # The bench folds explicitly; beacons must not schedule it.
    os.environ["DATELINE_VIEW_AGGREGATE_SECONDS"] = "86400"
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    import django

    django.setup()
    from django.conf import settings
    from django.core.cache import cache
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from wagtail.models import Locale

    from dateline.audience import selectors, services
    from dateline.audience.models import PageView
    from dateline.news.models import ArticlePage

    call_command("migrate", verbosity=0)
    if not ArticlePage.objects.exists():
        call_command("load_demo", verbosity=0)
    settings.ALLOWED_HOSTS = ["*"]
    cache.add(services.SCHEDULE_KEY, 1, 86400)
    services.aggregate_views()
    ids = list(ArticlePage.objects.live().values_list("pk", flat=True))
    rng = random.Random(0)
    client = Client()
    agent = "Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0"

    timings = []
    for n in range(args.beacons):
        start = time.perf_counter()
        client.post(
            "/audience/views/",
            {"page": rng.choice(ids)},
            HTTP_USER_AGENT=agent,
            REMOTE_ADDR=f"10.{n // 65536 % 256}.{n // 256 % 256}.{n % 256}",
        )
        timings.append((time.perf_counter() - start) * 1000)
    print(f"{connection.vendor}, {len(ids)} live articles")
    print(
        f"beacon: median {statistics.median(timings):.2f} ms, p95 "
        f"{statistics.quantiles(timings, n=20)[18]:.2f} ms over {args.beacons} requests"
    )

    PageView.objects.bulk_create(
        (PageView(page_id=rng.choice(ids)) for _ in range(args.views)), batch_size=5000
    )
    total = PageView.objects.count()
    start = time.perf_counter()
    folded = services.aggregate_views()
    seconds = time.perf_counter() - start
    print(
        f"aggregate: {folded} of {total} views folded in {seconds:.2f} s "
        f"({folded / seconds:,.0f} views/s)"
    )

    locale = Locale.get_default()
    with CaptureQueriesContext(connection) as queries:
        selectors.popular_articles(locale)
    runs = []
    for _ in range(50):
        start = time.perf_counter()
        selectors.popular_articles(locale)
        runs.append((time.perf_counter() - start) * 1000)
    print(f"popular_articles: {len(queries)} queries, median {statistics.median(runs):.2f} ms")


if __name__ == "__main__":
    main()
