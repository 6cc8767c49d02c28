"""The shipped edge cache: the real varnishd with deploy/varnish/dateline.vcl in front of a
real gunicorn, each test with a database, a Redis and servers of its own.

Readers get pages from Varnish; a publish in another process (as the desk's or the
worker's would be) purges them through ``FRONTEND_CACHE_BACKEND=varnish``; editors and
forged purges get nowhere near the shared copies.
"""

import re
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from django.test import Client

from tests.helpers.edge import VARNISHD, Origin, Varnish, request
from tests.helpers.factories import make_articles, make_site
from tests.helpers.servers import ROOT, Gunicorn, OwnRedis, SharedDatabase, free_port, server_env
from tests.helpers.waiting import wait_until

pytestmark = [
    pytest.mark.faults,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        not Path(VARNISHD).exists(),
        reason="needs varnishd (Debian's varnish package; .ci/run installs it)",
    ),
]

PUBLISH = """
import time
from dateline.news.models import ArticlePage
article = ArticlePage.objects.get(pk={pk})
article.title = {title!r}
article.save_revision().publish()
print("published", time.time(), flush=True)
"""


def headline(body: str) -> str:
    return re.search(r"<h1[^>]*>(.*?)</h1>", body, re.S).group(1).strip()


class Edge:
    """gunicorn behind Varnish, serving the test's newsroom, purged by its publishes."""

    def __init__(self, tmp_path, redis: OwnRedis, cdn_seconds: int = 60):
        self.shared = SharedDatabase(tmp_path / "db")
        self.shared.publish()
        varnish_port = free_port()
        self.env = server_env(
            DJANGO_SETTINGS_MODULE="tests.helpers.fault_settings",
            DATABASE_URL=self.shared.url,
            CACHE_URL=redis.url,
            MEDIA_ROOT=str(tmp_path / "media"),
            FRONTEND_CACHE_BACKEND="varnish",
            FRONTEND_CACHE_LOCATION=f"http://127.0.0.1:{varnish_port}",
            DATELINE_PAGE_CDN_SECONDS=str(cdn_seconds),
        )
        self.gunicorn = Gunicorn(self.env, tmp_path / "gunicorn.log")
        self.varnish = Varnish(self.gunicorn.port, varnish_port)
        # The first page of a new site creates its SiteSettings row, which retires every
        # cached page: a BAN now, and again 1.5 s later (core/edge.py). Let both pass, or
        # the second would empty Varnish in the middle of a test.
        self.gunicorn.get("/")
        time.sleep(2.5)

    def get(self, path: str, **headers: str):
        return self.varnish.get(path, **headers)

    def warm(self, path: str):
        """Until Varnish answers from its copy."""
        return wait_until(
            lambda: (answer := self.get(path)).header("X-Cache") == "HIT" and answer,
            20,
            f"{path} to be a hit",
        )

    def publish_title(self, pk: int, title: str) -> float:
        """Publish a new title from another process; returns when it was committed."""
        process = subprocess.Popen(
            [sys.executable, "-m", "dateline.cli", "shell", "-c",
             PUBLISH.format(pk=pk, title=title)],
            env=self.env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        )  # fmt: skip
        for line in process.stdout:
            if line.startswith("published "):
                self.publisher = process
                return float(line.split()[1])
        raise AssertionError(f"the publish failed: {process.wait(60)}")

    def stop(self) -> None:
        if getattr(self, "publisher", None):
            self.publisher.wait(30)
        self.varnish.stop()
        self.gunicorn.stop()


@pytest.fixture
def redis():
    server = OwnRedis()
    yield server
    server.stop()


@pytest.fixture
def newsroom():
    site = make_site()
    [article] = make_articles(site, 1, title="Ceasefire agreed after a day of fighting")
    site["article"] = article
    site["article_path"] = article.url_path.removeprefix(site["home"].url_path[:-1])
    return site


@pytest.fixture
def edge(tmp_path, redis):
    started = []

    def start(**options) -> Edge:
        started.append(Edge(tmp_path, redis, **options))
        return started[-1]

    yield start
    for server in started:
        server.stop()


def test_the_second_request_for_a_page_is_answered_by_the_edge(newsroom, edge):
    site = edge()
    path = newsroom["article_path"]
    first = site.warm(path)
    assert first.status == 200
    assert headline(first.body) == "Ceasefire agreed after a day of fighting"
    again = site.get(path)
    assert again.header("X-Cache") == "HIT"
    assert int(again.header("Age")) >= 0
    assert again.body == first.body
    # An analytics cookie or a campaign link is still the same page, from the same copy.
    tracked = site.get(f"{path}?utm_source=newsletter", Cookie="_ga=GA1.2.3; consent=yes")
    assert tracked.header("X-Cache") == "HIT" and tracked.body == first.body


def test_a_publish_is_visible_through_the_edge_within_two_seconds(newsroom, edge):
    site = edge()
    path = newsroom["article_path"]
    site.warm(path)
    site.warm(f"{path}?page=1")  # another copy of the page, which a BAN clears
    site.warm("/")
    published = site.publish_title(newsroom["article"].pk, "Ceasefire broken within hours")
    visible = wait_until(
        lambda: headline(site.get(path).body) == "Ceasefire broken within hours" and time.time(),
        2,
        "the new headline through Varnish",
        every=0.05,
    )
    assert visible - published < 2
    assert headline(site.get(f"{path}?page=1").body) == "Ceasefire broken within hours"
    assert "Ceasefire broken within hours" in site.get("/").body
    # ...and the new page is what Varnish keeps from then on.
    assert site.warm(path).body.count("Ceasefire broken within hours") >= 1


def test_a_readers_search_is_kept_by_the_edge_until_a_story_is_published(newsroom, edge):
    """Breaking news sends many readers to the same words: the edge answers them from its
    copy, and a story's publish bans the edition's searches there."""
    site = edge()
    search = "/search/?q=ceasefire"
    assert site.warm(search).status == 200
    assert site.get(search).header("X-Cache") == "HIT"
    published = site.publish_title(newsroom["article"].pk, "Ceasefire broken within hours")
    # The next reader's search is fetched afresh from gunicorn (which answers from the
    # search index; the worker brings that up to date).
    fetched = wait_until(
        lambda: site.get(search).header("X-Cache") == "MISS" and time.time(),
        2,
        "the search to be fetched again after the publish",
        every=0.05,
    )
    assert fetched - published < 2


def test_with_gunicorn_stopped_cached_pages_are_still_served(newsroom, edge):
    site = edge(cdn_seconds=1)
    path = newsroom["article_path"]
    cached = site.warm(path)
    site.gunicorn.stop()
    time.sleep(3)  # past the page's s-maxage: only grace can answer now
    stale = site.get(path)
    assert stale.status == 200
    assert stale.body == cached.body
    assert int(stale.header("Age")) >= 2
    # What Varnish never had cannot be made up.
    assert site.get("/about/").status == 503


def test_a_logged_in_editor_is_neither_served_nor_stored_by_the_edge(
    newsroom, edge, django_user_model
):
    editor = django_user_model.objects.create_superuser("editor", "editor@example.org", "x")
    client = Client()
    client.force_login(editor)
    session = client.cookies["sessionid"].value
    site = edge()
    path = newsroom["article_path"]
    site.warm(path)
    for _twice in range(2):
        mine = site.get(path, Cookie=f"sessionid={session}")
        assert mine.status == 200
        assert mine.header("X-Cache") == "PASS"
        assert "wagtail-userbar" in mine.body  # rendered for the editor, by Dateline
    anonymous = site.get(path)
    assert anonymous.header("X-Cache") == "HIT"
    assert "wagtail-userbar" not in anonymous.body
    # The admin is never kept, whoever asks.
    assert site.get("/admin/login/").header("X-Cache") == "PASS"
    assert site.get("/admin/login/").header("X-Cache") == "PASS"


def test_only_dateline_may_purge(newsroom, edge):
    site = edge()
    path = newsroom["article_path"]
    site.warm(path)
    port = site.varnish.port
    # From an address outside the purgers ACL (any local address but 127.0.0.1 and ::1).
    forged = request(port, path, "PURGE", source="127.0.0.5", Host="localhost")
    assert forged.status == 405
    ban = request(port, "/", "BAN", source="127.0.0.5", Host="localhost", X_Ban_Url="^/")
    assert ban.status == 405
    # Relayed by nginx (the reader's address before Varnish's own in X-Forwarded-For).
    relayed = request(port, path, "PURGE", Host="localhost", X_Forwarded_For="203.0.113.9")
    assert relayed.status == 405
    assert site.get(path).header("X-Cache") == "HIT"
    # Dateline's own purge works.
    assert request(port, path, "PURGE", Host="localhost").status == 200
    assert site.get(path).header("X-Cache") == "MISS"


def test_a_ban_varnish_cannot_read_gets_a_400_saying_why():
    varnish = Varnish(backend_port=free_port())  # no gunicorn needed to clear nothing
    try:
        port = varnish.port
        missing = request(port, "/", "BAN", Host="localhost")
        assert missing.status == 400 and "needs an X-Ban-Url header" in missing.body
        spaced = request(port, "/", "BAN", Host="localhost", X_Ban_Url="^/a b")
        assert spaced.status == 400 and "may not contain spaces" in spaced.body
        broken = request(port, "/", "BAN", Host="localhost", X_Ban_Url="^/news/(")
        assert broken.status == 400 and "missing closing parenthesis" in broken.body
        assert request(port, "/", "BAN", Host="localhost", X_Ban_Url="^/news/").status == 200
    finally:
        varnish.stop()


@pytest.fixture
def origin():
    server = Origin(delay=1.0)
    varnish = Varnish(server.port)
    yield server, varnish
    varnish.stop()
    server.stop()


def test_readers_of_a_missing_page_wait_for_one_fetch(origin):
    server, varnish = origin
    server.answers["/story/"] = {"Cache-Control": "public, max-age=30, s-maxage=60"}
    with ThreadPoolExecutor(12) as pool:
        answers = list(pool.map(lambda _: varnish.get("/story/"), range(12)))
    assert {answer.body for answer in answers} == {"/story/ #1"}
    assert server.count["/story/"] == 1


def test_an_answer_that_turns_out_personal_is_not_kept_nor_blocks_the_next(origin):
    server, varnish = origin
    server.delay = 0
    server.answers["/story/"] = {"Cache-Control": "public, s-maxage=60", "Set-Cookie": "a=b"}
    assert varnish.get("/story/").header("X-Cache") == "PASS"
    assert varnish.get("/story/").body == "/story/ #2"  # not shared
    # Once the page is shareable again, it is kept: a hit-for-miss, not a hit-for-pass.
    server.answers["/story/"] = {"Cache-Control": "public, s-maxage=60"}
    assert varnish.get("/story/").body == "/story/ #3"
    cached = varnish.get("/story/")
    assert (cached.header("X-Cache"), cached.body) == ("HIT", "/story/ #3")
    # Without Cache-Control, or private, nothing is kept either.
    server.answers["/plain/"] = {}
    server.answers["/mine/"] = {"Cache-Control": "private, max-age=60"}
    for path in ("/plain/", "/mine/"):
        varnish.get(path)
        assert varnish.get(path).body == f"{path} #2"
