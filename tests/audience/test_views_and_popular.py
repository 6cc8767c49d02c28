import datetime as dt

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from dateline.audience import selectors, services
from dateline.audience.models import DailyViews, PageView
from dateline.news.models import ArticleAuthor
from tests.helpers.factories import (
    AuthorPageFactory,
    make_articles,
    make_russian_edition,
    translate,
)

pytestmark = pytest.mark.django_db

BROWSER = (
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/120 Safari/537.36"
)


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()
    yield
    cache.clear()


def beacon(client, page_id, agent=BROWSER, ip="203.0.113.7"):
    return client.post("/audience/views/", {"page": page_id}, HTTP_USER_AGENT=agent, REMOTE_ADDR=ip)


def test_beacon_appends_a_view_with_nothing_about_the_reader(client, site, settings):
    settings.DATELINE_VIEW_AGGREGATE_SECONDS = 3600
    cache.add(services.SCHEDULE_KEY, 1, 3600)  # no aggregation during this test
    article = make_articles(site, 1)[0]
    response = beacon(client, article.pk)
    assert response.status_code == 204
    assert "Set-Cookie" not in response.headers and not response.cookies
    view = PageView.objects.get()
    assert view.page_id == article.pk
    assert {f.name for f in PageView._meta.get_fields()} == {"id", "page", "viewed_at"}


def test_reloads_count_once_and_other_readers_count(client, site):
    cache.add(services.SCHEDULE_KEY, 1, 3600)
    article = make_articles(site, 1)[0]
    for _ in range(5):
        beacon(client, article.pk)
    assert PageView.objects.count() == 1
    beacon(client, article.pk, ip="198.51.100.4")
    beacon(client, article.pk, agent=BROWSER.replace("120", "121"))
    assert PageView.objects.count() == 3


def test_the_repeat_filter_keeps_no_address_anywhere(client, site):
    cache.add(services.SCHEDULE_KEY, 1, 3600)
    article = make_articles(site, 1)[0]
    beacon(client, article.pk, ip="203.0.113.99")
    keys = list(cache._cache.keys()) if hasattr(cache, "_cache") else []
    assert keys and not any("203.0.113.99" in str(key) for key in keys)
    assert not any("203.0.113.99" in str(value) for value in PageView.objects.values())


@pytest.mark.parametrize(
    "agent",
    [
        "",
        "Googlebot/2.1 (+http://www.google.com/bot.html)",
        "Mozilla/5.0 (compatible; bingbot/2.0)",
        "facebookexternalhit/1.1",
        "curl/8.5.0",
        "python-requests/2.31",
        "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 HeadlessChrome/120.0 Safari/537.36",
    ],
)
def test_robots_are_not_counted(client, site, agent):
    article = make_articles(site, 1)[0]
    assert beacon(client, article.pk, agent=agent).status_code == 204
    assert PageView.objects.count() == 0


def test_beacon_rejects_bad_input_clearly(client, site):
    assert client.get("/audience/views/").status_code == 405
    response = client.post("/audience/views/", {"page": "<script>"}, HTTP_USER_AGENT=BROWSER)
    assert response.status_code == 400
    assert b"number" in response.content
    assert client.post("/audience/views/", {}, HTTP_USER_AGENT=BROWSER).status_code == 400


def test_aggregation_folds_the_log_into_daily_totals_and_empties_it(client, site):
    cache.add(services.SCHEDULE_KEY, 1, 3600)
    first, second = make_articles(site, 2)
    for n in range(3):
        beacon(client, first.pk, ip=f"203.0.113.{n}")
    beacon(client, second.pk)
    beacon(client, 987654)  # a story that does not exist
    assert services.aggregate_views() == 4
    assert PageView.objects.count() == 0
    today = timezone.localdate()
    assert DailyViews.objects.get(page=first, date=today).views == 3
    beacon(client, first.pk, ip="203.0.113.200")
    services.aggregate_views()
    assert DailyViews.objects.get(page=first, date=today).views == 4


def test_beacon_schedules_aggregation_in_the_background(client, site, settings):
    # Where the worker would run it, the immediate backend runs the task at once.
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    article = make_articles(site, 1)[0]
    beacon(client, article.pk)
    assert DailyViews.objects.get(page=article).views == 1
    beacon(client, article.pk, ip="198.51.100.1")
    assert PageView.objects.count() == 1  # not again within DATELINE_VIEW_AGGREGATE_SECONDS


def views(article, count, days_ago=0):
    DailyViews.objects.create(
        page=article, date=timezone.localdate() - dt.timedelta(days=days_ago), views=count
    )


def test_popular_is_the_weeks_most_read_in_the_edition_with_authors(client, site):
    other_author = AuthorPageFactory(parent=site["authors"], title="Lilit Hakobyan")
    a, b, c, old = make_articles(site, 4)
    ArticleAuthor.objects.create(page=b, author=other_author, sort_order=1)
    views(a, 10)
    views(b, 30, days_ago=6)
    views(c, 5)
    views(c, 4, days_ago=1)
    views(old, 500, days_ago=7)  # eight days ago: outside the week
    popular = selectors.popular_articles(site["home"].locale, days=7)
    assert popular == [b, a, c]
    assert [p.view_count for p in popular] == [30, 10, 9]

    html = client.get("/").content.decode()
    rail = html[html.index('id="popular-title"') :]
    assert rail.index(b.title) < rail.index(a.title) < rail.index(c.title)
    assert old.title not in rail
    assert "Nino Beridze, Lilit Hakobyan" in rail


def test_popular_on_articles_keeps_to_the_readers_edition(client, site):
    english = make_articles(site, 1)[0]
    ru = make_russian_edition(site)
    russian = translate(english, ru["ru"], title="Русская история")
    views(english, 3)
    views(russian, 2)
    assert selectors.popular_articles(ru["home"].locale) == [russian]
    html = client.get(russian.url).content.decode()
    rail = html[html.index('id="popular-title"') :]
    assert "Русская история" in rail and english.title not in rail


def test_unpublished_stories_leave_popular(site):
    a, b = make_articles(site, 2)
    views(a, 10)
    views(b, 5)
    a.unpublish()
    assert selectors.popular_articles(site["home"].locale) == [b]


def test_popular_runs_a_fixed_number_of_queries(site):
    articles = make_articles(site, 2)
    for n, article in enumerate(articles):
        views(article, n + 1)
    with CaptureQueriesContext(connection) as few:
        selectors.popular_articles(site["home"].locale)
    for n, article in enumerate(make_articles(site, 6)):
        views(article, n + 10)
    with CaptureQueriesContext(connection) as many:
        assert len(selectors.popular_articles(site["home"].locale)) == 5
    assert len(many) == len(few) <= 6


def test_article_pages_carry_the_beacon_and_previews_do_not(client, site):
    article = make_articles(site, 1)[0]
    html = client.get(article.url).content.decode()
    assert f'data-view-beacon="/audience/views/" data-page="{article.pk}"' in html
    assert "audience/beacon.js" in html
    assert "data-view-beacon" not in client.get("/").content.decode()


def test_editors_see_the_counts_in_the_admin(admin_client, site):
    a, b = make_articles(site, 2)
    views(a, 12)
    views(b, 40, days_ago=20)
    html = admin_client.get("/admin/audience/most-read/").content.decode()
    week = html[html.index("Last 7 days") : html.index("Last 30 days")]
    month = html[html.index("Last 30 days") :]
    assert a.title in week and "12" in week and b.title not in week
    assert month.index(b.title) < month.index(a.title) and "40" in month
    assert "/admin/audience/most-read/" in admin_client.get("/admin/").content.decode()


def test_readers_cannot_see_the_admin_counts(client, site):
    response = client.get("/admin/audience/most-read/")
    assert response.status_code == 302
    assert response["Location"] == "/admin/login/?next=/admin/audience/most-read/"


def test_the_workers_prune_daily_totals_past_the_retention_once_a_day(site, settings):
    from dateline.core import periodic

    settings.DATELINE_VIEW_RETENTION_DAYS = 30
    a, b = make_articles(site, 2)
    views(a, 5, days_ago=31)
    views(b, 6, days_ago=45)
    views(a, 7, days_ago=30)
    views(b, 8)
    assert periodic.registered()["prune_daily_views"].every == dt.timedelta(days=1)
    now = timezone.now()
    assert "prune_daily_views" in periodic.run_due(now)
    kept = sorted(DailyViews.objects.values_list("views", flat=True))
    assert kept == [7, 8]
    assert "prune_daily_views" not in periodic.run_due(now + dt.timedelta(hours=23))
    assert "prune_daily_views" in periodic.run_due(now + dt.timedelta(hours=24))
