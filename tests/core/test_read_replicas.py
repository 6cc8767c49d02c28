"""Read replicas (DATABASE_REPLICA_URLS, core/replicas.py) on real streaming replication.

The tests start their own PostgreSQL primary and a standby made from it with
``pg_basebackup -R``, a Redis, and gunicorn serving a small newsroom from them, then pause
the standby's replay, stop it, publish and run `dateline worker` processes.

They run in the PostgreSQL suite only: the primary's database is a ``pg_dump`` of the test
database pytest-django made there (migrated, and with this run's schema), which is much
faster on a machine with two cores than migrating a new one; on SQLite there is no such
copy to take, and replicas exist only for PostgreSQL anyway.
"""

import re
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request

import pytest
from django.db import connection
from django.urls import reverse

from dateline.newsletter import tokens
from tests.helpers.replication import Standby, replica_env, run_django, run_sql
from tests.helpers.servers import Gunicorn, OwnPostgres, OwnRedis, SharedDatabase, free_port
from tests.helpers.waiting import wait_until

pytestmark = [
    pytest.mark.faults,
    # So that pytest-django makes the test database the primary is copied from, and keeps
    # its migrated rows to put back (a transactional test before may have emptied it).
    pytest.mark.django_db(serialized_rollback=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL suite only"),
]

MAKE_NEWSROOM = """
from tests.helpers.factories import make_articles, make_site
site = make_site()
[article] = make_articles(site, 1, title="Ceasefire agreed after a day of fighting")
print(article.pk, article.url_path.removeprefix(site["home"].url_path[:-1]))
"""
PUBLISH = """
from dateline.news.models import ArticlePage
page = ArticlePage.objects.get(pk={pk})
page.title = {title!r}
page.save_revision().publish()
"""


class Newsroom:
    """The primary, its standby, the shared cache and the site served from them."""

    def __init__(self, tmp_path):
        self.tmp_path = tmp_path
        self.emails = tmp_path / "emails"
        self.emails.mkdir()
        self.primary = self.standby = self.redis = self.app = None
        try:
            self._start(tmp_path)
        except BaseException:
            self.destroy()
            raise

    def _start(self, tmp_path):
        self.primary = OwnPostgres()
        self.url = self.primary.copy_of(SharedDatabase(tmp_path / "db").url, "newsroom")
        self.redis = OwnRedis()
        extra = {
            "CACHE_URL": self.redis.url,
            "MEDIA_ROOT": str(tmp_path / "media"),
            "DATELINE_TEST_EMAIL_DIR": str(self.emails),
        }
        pk, self.article_path = run_django(
            replica_env(self.url, [], **extra), MAKE_NEWSROOM
        ).split()
        self.article_pk = int(pk)
        self.standby = Standby(self.primary)
        self.env = replica_env(self.url, [self.standby.url("newsroom")], **extra)
        self.app = Gunicorn(self.env, tmp_path / "gunicorn.log", workers=2)
        # A new site's first requests write (its SiteSettings row, image renditions).
        for path in ("/", "/ru/", "/about/", self.article_path, "/", self.article_path):
            fetch(self.app, path)

    def on_primary(self, statement: str, params=()) -> list[tuple]:
        return run_sql(self.url, statement, params)

    def on_standby(self, statement: str, params=()) -> list[tuple]:
        return run_sql(self.standby.url("newsroom"), statement, params)

    def served_by_the_replica(self) -> bool:
        """Whether an anonymous reader's page is read from the standby now: a change made
        behind the app's back while replay is paused shows on the primary only."""
        self.standby.caught_up_with(self.primary)
        self.standby.pause_replay()
        try:
            self.on_primary("UPDATE wagtailcore_page SET title = 'Behind' WHERE slug = 'about'")
            return headline(fetch(self.app, f"/about/?probe={free_port()}")[2]) == "About us"
        finally:
            self.on_primary("UPDATE wagtailcore_page SET title = 'About us' WHERE slug = 'about'")
            self.standby.resume_replay()

    def destroy(self) -> None:
        for server in (self.app, self.redis):
            if server:
                server.stop()
        for cluster in (self.standby, self.primary):
            if cluster:
                cluster.destroy()


@pytest.fixture(scope="module")
def newsroom(django_db_setup, django_db_blocker, tmp_path_factory):
    with django_db_blocker.unblock():
        restore_migrated_rows()
    room = Newsroom(tmp_path_factory.mktemp("replicas"))
    yield room
    room.destroy()


def restore_migrated_rows() -> None:
    """Put back what migrations wrote (the root page, the default locale) if a transactional
    test emptied the tables, as Django's TransactionTestCase does with serialized_rollback."""
    from wagtail.models import Page

    if not Page.objects.filter(depth=1).exists():
        connection.creation.deserialize_db_from_string(connection._test_serialized_contents)


def fetch(app, path: str, headers=None, form=None) -> tuple[int, dict, str]:
    """(status, headers, body) of a request to ``app``, whatever the status."""
    data = urllib.parse.urlencode(form).encode() if form is not None else None
    request = urllib.request.Request(app.url + path, data=data, headers=headers or {})
    opener = urllib.request.build_opener(NoRedirects)
    try:
        with opener.open(request, timeout=30) as response:
            return response.status, dict(response.headers), response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read().decode()


class NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def headline(body: str) -> str:
    return re.search(r"<h1[^>]*>(.*?)</h1>", body, re.S).group(1).strip()


def test_readers_read_the_replica_and_everything_else_the_primary(newsroom):
    app = newsroom.app
    assert newsroom.served_by_the_replica()

    newsroom.standby.caught_up_with(newsroom.primary)
    newsroom.standby.pause_replay()
    try:
        newsroom.on_primary("UPDATE wagtailcore_page SET title = 'Changed' WHERE slug = 'about'")
        assert headline(fetch(app, "/about/?a=1")[2]) == "About us", "a reader: the replica"
        # A request with a session (an editor, a reader who logged in) reads the primary.
        with_session = {"Cookie": "sessionid=anything"}
        assert headline(fetch(app, "/about/?a=2", with_session)[2]) == "Changed"
        assert fetch(app, "/admin/login/")[0] == 200

        # A signup is a write: it reaches the primary (the standby could not take it).
        form = {"email": "reader@example.org", "edition": "en"}
        assert fetch(app, "/newsletter/subscribe/", form=form)[0] == 302
        subscribers = "SELECT email FROM newsletter_subscriber"
        assert newsroom.on_primary(subscribers) == [("reader@example.org",)]
        assert newsroom.on_standby(subscribers) == []
        # The reader's link to their preferences, followed at once, finds the subscription:
        # the newsletter's pages read the primary.
        [(pk,)] = newsroom.on_primary("SELECT id FROM newsletter_subscriber")
        link = reverse("newsletter:preferences", args=[tokens.manage_token(pk)])
        status, _headers, body = fetch(app, link)
        assert status == 200, body
        assert "This link does not work" not in body
    finally:
        newsroom.on_primary("UPDATE wagtailcore_page SET title = 'About us' WHERE slug = 'about'")
        newsroom.standby.resume_replay()


def test_after_a_publish_no_page_is_read_from_a_replica_that_is_behind(newsroom):
    app, path = newsroom.app, newsroom.article_path
    for _warm_up in range(2):
        fetch(app, path)
    status, headers, body = fetch(app, path)
    assert headers.get("X-Dateline-Cache") == "hit"
    assert headline(body) == "Ceasefire agreed after a day of fighting"

    newsroom.standby.caught_up_with(newsroom.primary)
    newsroom.standby.pause_replay()
    try:
        code = PUBLISH.format(pk=newsroom.article_pk, title="Ceasefire holds through the night")
        run_django(newsroom.env, code)
        # Readers get the new headline (within the page cache's 1-second memo) from the
        # primary, and the page cache keeps that one: never the replica's older page.
        wait_until(
            lambda: headline(fetch(app, path)[2]) == "Ceasefire holds through the night",
            10,
            "the published headline",
        )
        for _reader in range(6):
            status, headers, body = fetch(app, path)
            assert status == 200
            assert headline(body) == "Ceasefire holds through the night"
        assert headers.get("X-Dateline-Cache") == "hit"
        # ... while the replica is still behind the publish.
        assert newsroom.on_standby(
            "SELECT title FROM wagtailcore_page WHERE id = %s", (newsroom.article_pk,)
        ) == [("Ceasefire agreed after a day of fighting",)]
    finally:
        newsroom.standby.resume_replay()

    # Once it has replayed the publish, readers' pages come from the replica again.
    assert newsroom.served_by_the_replica()


def test_a_replica_that_is_down_leaves_readers_on_the_primary(newsroom):
    app = newsroom.app
    newsroom.standby.stop()
    try:
        # Each gunicorn worker finds its kept connection cut: still no error for anyone.
        for attempt in range(4):
            for path in (newsroom.article_path, f"/about/?down={attempt}", "/", "/ru/"):
                status, _headers, body = fetch(app, path)
                assert status == 200, (path, status)
        assert headline(fetch(app, "/about/?down=last")[2]) == "About us"
    finally:
        newsroom.standby.start()
    # Back up, it is used again after DATABASE_REPLICA_RETRY_SECONDS (2 s here).
    wait_until(newsroom.served_by_the_replica, 30, "readers to be served by the replica again")


def start_worker(newsroom, name: str) -> subprocess.Popen:
    args = ["--no-reload", "--no-startup-delay", "--interval", "0.2", "--worker-id", name]
    return subprocess.Popen(
        [sys.executable, "-m", "dateline.cli", "worker", *args],
        env={**newsroom.env, "DATELINE_WORKER_HEARTBEAT_SECONDS": "1"},
        cwd=newsroom.tmp_path,
        stdout=open(newsroom.tmp_path / f"worker-{name}.log", "w"),  # noqa: SIM115
        stderr=subprocess.STDOUT,
    )


ENQUEUE = """
from dateline.newsletter.models import Subscriber
from tests.helpers.worker_tasks import record_subscriber_email
for n in range(6):
    subscriber = Subscriber.objects.create(email=f"worker{{n}}@example.org", language="en")
    record_subscriber_email.enqueue({log!r}, subscriber.pk)
"""


def test_workers_claim_and_read_on_the_primary_while_the_replica_lags(newsroom):
    """Tasks and the rows they read were written a moment ago and the replica has neither:
    two workers in their own processes claim each task once (SKIP LOCKED on the primary)
    and read its rows from the primary."""
    log = newsroom.tmp_path / "tasks.log"
    log.touch()
    newsroom.standby.caught_up_with(newsroom.primary)
    newsroom.standby.pause_replay()
    workers = []
    try:
        run_django(newsroom.env, ENQUEUE.format(log=str(log)))
        workers = [start_worker(newsroom, name) for name in ("one", "two")]
        wait_until(lambda: len(log.read_text().split()) >= 6, 120, "six tasks to run")
        ours = " WHERE task_path LIKE '%%record_subscriber_email'"
        tasks = f"SELECT status, count(*) FROM django_tasks_database_dbtaskresult{ours} GROUP BY 1"
        wait_until(lambda: newsroom.on_primary(tasks) == [("SUCCESSFUL", 6)], 30, "tasks to finish")
        assert sorted(log.read_text().split()) == [f"worker{n}@example.org" for n in range(6)]
        assert newsroom.on_standby(tasks) == [], "the replica never had them"
        claimed = newsroom.on_primary(
            f"SELECT worker_ids FROM django_tasks_database_dbtaskresult{ours}"
        )
        assert all(len(ids) == 1 for (ids,) in claimed), "each task claimed once"
    finally:
        for worker in workers:
            worker.terminate()
        for worker in workers:
            worker.wait(30)
        newsroom.standby.resume_replay()


PRODUCTION = {
    "DATELINE_SETTINGS": "production",
    "SECRET_KEY": "k3Yq8vJ2mN5pR7tW9xZ1bC4dF6gH8jL0nP2rS4uV6wY8aB1cD3eF5gH7",
    "ALLOWED_HOSTS": "news.example.org",
    "DATELINE_BASE_URL": "https://news.example.org",
}


def test_check_deploy_warns_about_a_replica_that_is_not_one(newsroom):
    """A real standby passes; the primary named as a replica, and an address where nothing
    answers, are reported."""
    urls = [
        newsroom.standby.url("newsroom"),
        newsroom.url,
        f"postgres://x@127.0.0.1:{free_port()}/x",
    ]
    env = {
        **{k: v for k, v in newsroom.env.items() if not k.startswith("DJANGO_")},
        **PRODUCTION,
        "DATABASE_REPLICA_URLS": ",".join(urls),
    }
    result = subprocess.run(
        [sys.executable, "-m", "dateline.cli", "check", "--deploy"],
        env=env, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    output = result.stdout + result.stderr
    assert "Read replica 1" not in output
    assert "(dateline.W002) Read replica 2 of DATABASE_REPLICA_URLS is not a standby" in output
    assert "(dateline.W001) Read replica 3 of DATABASE_REPLICA_URLS cannot be reached" in output
    assert "dateline.W003" not in output
