"""Servers fail during the biggest story of the year: what readers get.

Each test serves a small newsroom with gunicorn, on a database and a Redis of its own
(tests/helpers/servers.py), and stops one of them under it. On PostgreSQL the database is a
cluster of the test's own, stopped with ``pg_ctl``; on SQLite the database file's folder
is moved away (a disk unmounted), which makes every new connection fail the same way.
"""

import re
import shutil

import pytest

from tests.helpers.factories import make_articles, make_site
from tests.helpers.servers import Gunicorn, OwnPostgres, OwnRedis, SharedDatabase, server_env
from tests.helpers.waiting import wait_until

pytestmark = [pytest.mark.faults, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


class Newsroom:
    """The test's content on a database that can be taken away and brought back."""

    def __init__(self, tmp_path):
        shared = SharedDatabase(tmp_path / "db")
        shared.publish()
        self.postgres = None
        self.sqlite_folder = None
        if shared.sqlite_path:
            self.sqlite_folder = shared.sqlite_path.parent
            self.url = shared.url
        else:
            self.postgres = OwnPostgres()
            self.url = self.postgres.copy_of(shared.url, "newsroom")

    def stop(self) -> None:
        if self.postgres:
            self.postgres.stop()
        else:
            self.sqlite_folder.rename(self.sqlite_folder.with_name("db-away"))

    def start(self) -> None:
        if self.postgres:
            self.postgres.start()
        else:
            self.sqlite_folder.with_name("db-away").rename(self.sqlite_folder)

    def destroy(self) -> None:
        if self.postgres:
            self.postgres.destroy()
        elif self.sqlite_folder:
            shutil.rmtree(self.sqlite_folder.with_name("db-away"), ignore_errors=True)


@pytest.fixture
def newsroom(tmp_path):
    site = make_site()
    [article] = make_articles(site, 1, title="Ceasefire agreed after a day of fighting")
    room = Newsroom(tmp_path)
    room.article_path = article.url_path.removeprefix(site["home"].url_path[:-1])
    yield room
    room.destroy()


@pytest.fixture
def redis():
    server = OwnRedis()
    yield server
    server.stop()


@pytest.fixture
def serve(tmp_path, redis):
    servers = []

    def start(newsroom, workers=2):
        env = server_env(
            DJANGO_SETTINGS_MODULE="tests.helpers.fault_settings",
            DATABASE_URL=newsroom.url,
            CACHE_URL=redis.url,
            MEDIA_ROOT=str(tmp_path / "media"),
        )
        servers.append(Gunicorn(env, tmp_path / "gunicorn.log", workers))
        return servers[-1]

    yield start
    for server in servers:
        server.stop()


def headline(body: str) -> str:
    return re.search(r"<h1[^>]*>(.*?)</h1>", body, re.S).group(1).strip()


def test_database_stops_pages_get_the_503_page_then_recover_by_themselves(newsroom, serve):
    site = serve(newsroom)
    assert site.get(newsroom.article_path)[0] == 200

    newsroom.stop()
    try:
        for _attempt in range(3):  # each gunicorn worker finds its connection broken
            status, headers, body = site.get("/about/")
            assert status == 503
            assert headers["Retry-After"] == "30"
            assert headline(body) == "Back in a moment"
            assert "Traceback" not in body and "OperationalError" not in body
        status, headers, body = site.get("/ru/about/")
        assert status == 503 and headline(body) == "Сайт скоро вернётся"
        assert '<html lang="ru">' in body
    finally:
        newsroom.start()

    # Nothing is restarted: the next requests reconnect by themselves.
    wait_until(lambda: site.get("/about/")[0] == 200, 30, "/about/ to recover")
    status, _headers, body = site.get("/about/")
    assert headline(body) == "About us"
    assert site.get(newsroom.article_path)[0] == 200


def test_database_stops_a_cached_page_is_still_served(newsroom, serve):
    site = serve(newsroom)
    # The first request of a new site creates its SiteSettings row, which (like any settings
    # change) retires every cached page once; from the second request on, pages are kept.
    for _warm_up in range(2):
        assert site.get(newsroom.article_path)[0] == 200
    status, headers, cached = site.get(newsroom.article_path)
    assert headers.get("X-Dateline-Cache") == "hit"
    newsroom.stop()
    try:
        assert site.get(newsroom.article_path)[::2] == (200, cached)
    finally:
        newsroom.start()


def test_redis_stops_pages_are_rendered_uncached(newsroom, serve, redis):
    # One worker, so that the wait below sees the only memo of the generation lapse.
    site = serve(newsroom, workers=1)
    for _warm_up in range(2):  # as above: the second request stores the article
        assert site.get(newsroom.article_path)[0] == 200
    assert site.get(newsroom.article_path)[1].get("X-Dateline-Cache") == "hit"
    redis.stop()
    # The worker trusts its last reading of the generation for a second (its own copy of
    # the article may serve meanwhile); after that, with no generation, nothing is kept.
    wait_until(
        lambda: site.get(newsroom.article_path)[1].get("X-Dateline-Cache") != "hit",
        10,
        "the worker to stop serving its own copy of the article",
    )
    paths = ["/", "/about/", "/search/?q=fighting", newsroom.article_path, newsroom.article_path]
    for path in paths:
        status, headers, body = site.get(path)
        assert status == 200, f"{path} gave {status}"
        assert headers.get("X-Dateline-Cache") != "hit"
    assert "Ceasefire agreed after a day of fighting" in site.get(newsroom.article_path)[2]


def test_the_503_page_needs_no_database(rf, django_assert_num_queries):
    from django.db import OperationalError

    from dateline.core import faults
    from dateline.core.views import server_error

    request = rf.get("/ru/some-story/")
    with django_assert_num_queries(0):
        response = faults.database_unavailable(request)
        try:
            raise OperationalError("connection refused")
        except OperationalError:
            routed = server_error(request)
    assert response.status_code == routed.status_code == 503
    assert response["Cache-Control"] == "no-store"
    assert "Сайт скоро вернётся" in routed.content.decode()


def test_a_bug_gets_the_500_page_in_the_editions_language(rf, django_assert_num_queries):
    from dateline.core.views import server_error

    with django_assert_num_queries(0):
        try:
            raise ValueError("a bug")
        except ValueError:
            english = server_error(rf.get("/some-story/"))
            russian = server_error(rf.get("/ru/some-story/"))
    assert english.status_code == russian.status_code == 500
    assert english["Cache-Control"] == "no-store"
    assert headline(english.content.decode()) == "Something went wrong"
    assert headline(russian.content.decode()) == "Что-то пошло не так"
    assert 'href="/ru/"' in russian.content.decode()


def test_a_publish_that_fails_half_way_leaves_the_previous_version_live(client):
    from wagtail.signals import page_published

    from dateline.news.models import ArticlePage

    site = make_site()
    [article] = make_articles(site, 1, title="Ceasefire agreed after a day of fighting")
    article = ArticlePage.objects.get(pk=article.pk)
    article.title = "Ceasefire collapses within hours"
    draft = article.save_revision()

    def failing_receiver(**kwargs):
        raise RuntimeError("the search index is down")

    page_published.connect(failing_receiver, dispatch_uid="test-failing-publish")
    try:
        with pytest.raises(RuntimeError):
            draft.publish()
    finally:
        page_published.disconnect(dispatch_uid="test-failing-publish")

    body = client.get(article.url).content.decode()
    assert headline(body) == "Ceasefire agreed after a day of fighting"
    article.refresh_from_db()
    assert article.title == "Ceasefire agreed after a day of fighting"
    assert article.live_revision_id != draft.pk
    # Nothing the editor wrote is lost: the draft is the latest revision, ready to publish.
    assert article.latest_revision_id == draft.pk
    assert article.get_latest_revision_as_object().title == "Ceasefire collapses within hours"
    draft.publish()
    assert headline(client.get(article.url).content.decode()) == "Ceasefire collapses within hours"
