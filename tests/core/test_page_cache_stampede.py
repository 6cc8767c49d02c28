"""No stampede: readers arriving together at a page past its time, or never stored, cause
one render between them, with real threads against Redis, as gunicorn's threads do."""

import os
import threading
import time

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client, override_settings

from dateline.news.models import ArticlePage
from tests.helpers.factories import ArticlePageFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

REDIS_URL = os.environ.get("DATELINE_TEST_REDIS_URL", "redis://127.0.0.1:6379/3")
READERS = 8
RENDER_SECONDS = 0.4  # long enough for every reader to arrive while the one render runs


@pytest.fixture
def short_lived_cache():
    caches = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": f"dateline-stampede-{os.getpid()}",
        }
    }
    with override_settings(
        CACHES=caches,
        DATELINE_PAGE_CACHE=True,
        DATELINE_PAGE_CACHE_SECONDS=1,
        DATELINE_PAGE_CACHE_STALE_SECONDS=30,
    ):
        yield
        cache.delete_pattern("*")


@pytest.fixture
def renders(monkeypatch):
    """Every render of an article counted, and made slow enough to be run into."""
    counted = []
    original = ArticlePage.get_context

    def counting(self, request, *args, **kwargs):
        counted.append(self.pk)
        time.sleep(RENDER_SECONDS)
        return original(self, request, *args, **kwargs)

    monkeypatch.setattr(ArticlePage, "get_context", counting)
    return counted


@pytest.fixture
def story(site):
    return ArticlePageFactory(parent=site["home"], title="Dam holds as water rises")


def readers_at_once(url: str, count: int = READERS) -> list:
    """``count`` readers asking for ``url`` at the same moment, each on its own thread."""
    start = threading.Barrier(count)
    answers = [None] * count

    def read(number: int) -> None:
        try:
            start.wait()
            answers[number] = Client().get(url)
        finally:
            connection.close()

    threads = [threading.Thread(target=read, args=(number,)) for number in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    return answers


def stored(url: str):
    """The page as stored: the site's first request creates its settings row, which (as
    any settings change does) retires every stored page once, so it is asked for twice."""
    Client().get(url)
    first = Client().get(url)
    assert first["X-Dateline-Cache"] in ("miss", "hit")
    return first


def test_readers_of_a_page_past_its_time_get_the_copy_while_one_renders(
    short_lived_cache, story, renders
):
    first = stored(story.url)
    time.sleep(1.1)  # the page's time (1 s here) is up; the copy is kept 30 s longer
    renders.clear()
    answers = readers_at_once(story.url)
    assert len(renders) == 1
    statuses = sorted(answer["X-Dateline-Cache"] for answer in answers)
    assert statuses == ["miss"] + ["stale"] * (READERS - 1)  # sorted: one render
    assert all(answer.status_code == 200 for answer in answers)
    assert all(b"Dam holds as water rises" in answer.content for answer in answers)
    stale = [answer for answer in answers if answer["X-Dateline-Cache"] == "stale"]
    assert {answer["ETag"] for answer in stale} == {first["ETag"]}  # the copy there was
    # An edge cache in front keeps the old copy a second, browsers not at all.
    for answer in stale:
        assert "s-maxage=1" in answer["Cache-Control"] and "max-age=0" in answer["Cache-Control"]
    (rendered,) = [answer for answer in answers if answer["X-Dateline-Cache"] == "miss"]
    assert "s-maxage=60" in rendered["Cache-Control"]
    assert Client().get(story.url)["X-Dateline-Cache"] == "hit"
    assert len(renders) == 1


def test_readers_of_a_page_never_stored_wait_for_one_render(short_lived_cache, story, renders):
    stored("/")  # the site's settings row exists, as on any site that has served a page
    renders.clear()
    answers = readers_at_once(story.url)
    assert len(renders) == 1
    statuses = sorted(answer["X-Dateline-Cache"] for answer in answers)
    assert statuses == ["hit"] * (READERS - 1) + ["miss"]  # sorted: one render
    assert len({answer.content for answer in answers}) == 1


def test_after_a_publish_the_next_reader_gets_the_new_page_and_only_one_renders_it(
    short_lived_cache, story, renders
):
    """A publish retires the stored page: the first reader after it renders the new one;
    readers arriving during that render get the old copy, and none after it."""
    with override_settings(DATELINE_PAGE_CACHE_SECONDS=60):
        stored(story.url)
        story.title = "Dam breached"
        story.save_revision().publish()  # committed: transaction=True tests run no atomic
        renders.clear()
        answers = readers_at_once(story.url)
        assert len(renders) == 1
        fresh = [answer for answer in answers if answer["X-Dateline-Cache"] == "miss"]
        assert len(fresh) == 1 and b"Dam breached" in fresh[0].content
        assert all(answer["X-Dateline-Cache"] in ("miss", "stale") for answer in answers)
        after = Client().get(story.url)
        assert after["X-Dateline-Cache"] == "hit"
        assert b"Dam breached" in after.content


def test_a_page_rendered_while_a_publish_commits_is_answered_as_stale(
    short_lived_cache, story, monkeypatch
):
    """A render that read the database before a publish committed holds the old page: its
    reader gets it marked stale, which an edge cache keeps a second, not a minute."""
    rendering, published = threading.Event(), threading.Event()
    original = ArticlePage.get_context

    def held_until_published(self, request, *args, **kwargs):
        # The page was routed and read; the publish commits before this render ends (the
        # two are made to meet here, not by sleeping: a busy machine missed the moment).
        rendering.set()
        published.wait(30)
        return original(self, request, *args, **kwargs)

    with override_settings(DATELINE_PAGE_CACHE_SECONDS=60):
        stored("/")
        monkeypatch.setattr(ArticlePage, "get_context", held_until_published)
        answers = []
        reader = threading.Thread(target=lambda: answers.append(Client().get(story.url)))
        reader.start()
        assert rendering.wait(30), "the reader's render never started"
        story.title = "Dam breached"
        story.save_revision().publish()
        published.set()
        reader.join(30)
        connection.close()
        (answer,) = answers
        assert answer["X-Dateline-Cache"] == "stale"
        assert "s-maxage=1" in answer["Cache-Control"]
        fresh = Client().get(story.url)
        assert fresh["X-Dateline-Cache"] == "miss"
        assert b"Dam breached" in fresh.content
