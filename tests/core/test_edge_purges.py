"""What Dateline sends its edge cache on publish (``FRONTEND_CACHE_BACKEND=varnish``), heard
by a small HTTP server standing in for Varnish. tests/core/test_edge_cache.py runs the
same purges against the real varnishd."""

import http.server
import threading

import pytest

from dateline.core.edge import VarnishBackend
from dateline.settings.caching import frontend_cache_settings
from tests.helpers.waiting import wait_until


class Heard(http.server.BaseHTTPRequestHandler):
    requests: list = []

    def _record(self):
        self.requests.append((self.command, self.path, dict(self.headers)))
        self.send_response(200)
        self.send_header("Content-Length", "0")
        self.end_headers()

    do_PURGE = do_BAN = _record

    def log_message(self, *args):
        pass


@pytest.fixture
def varnish():
    Heard.requests = []
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Heard)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()


def backend_for(server) -> VarnishBackend:
    return VarnishBackend({"LOCATION": f"http://127.0.0.1:{server.server_address[1]}"})


def test_the_varnish_setting_names_dateline_s_backend(monkeypatch):
    monkeypatch.setenv("FRONTEND_CACHE_BACKEND", "varnish")
    monkeypatch.delenv("FRONTEND_CACHE_LOCATION", raising=False)
    assert frontend_cache_settings() == {
        "varnish": {
            "BACKEND": "dateline.core.edge.VarnishBackend",
            "LOCATION": "http://127.0.0.1:6081",
        }
    }


def test_a_page_is_purged_and_its_other_pages_banned(varnish, settings):
    settings.DATELINE_GENERATION_MEMO_SECONDS = 0  # no second round here
    backend_for(varnish).purge_batch(
        ["https://news.example.org/regions/caucasus/", "http://localhost:8000/a.b+c/?page=2"]
    )
    methods = [(method, path) for method, path, _headers in Heard.requests]
    assert methods == [
        ("PURGE", "/regions/caucasus/"),
        ("BAN", "/regions/caucasus/"),
        ("PURGE", "/a.b+c/?page=2"),
        ("BAN", "/a.b+c/"),
    ]
    purge, ban, other_purge, other_ban = (headers for *_, headers in Heard.requests)
    assert purge["Host"] == "news.example.org" and purge["X-Forwarded-Proto"] == "https"
    assert ban["X-Ban-Host"] == "news.example.org"
    # The address's other pages, and nothing below it; no backslashes (Varnish's ban
    # syntax would take them for escapes of its own).
    assert ban["X-Ban-Url"] == "^/regions/caucasus/[?]"
    assert other_purge["Host"] == "localhost:8000" and other_purge["X-Forwarded-Proto"] == "http"
    assert other_ban["X-Ban-Url"] == "^/a[.]b[+]c/[?]"


def test_an_address_without_a_host_bans_every_page(varnish, settings):
    settings.DATELINE_GENERATION_MEMO_SECONDS = 0
    backend_for(varnish).purge_batch(["/"])
    [(method, path, headers)] = Heard.requests
    assert (method, path, headers["X-Ban-Url"]) == ("BAN", "/", "^/")
    assert "X-Ban-Host" not in headers


def test_the_purge_is_sent_again_once_every_worker_has_seen_the_publish(varnish, settings):
    settings.DATELINE_GENERATION_MEMO_SECONDS = 1
    backend_for(varnish).purge_batch(["https://news.example.org/story/"])
    assert len(Heard.requests) == 2
    wait_until(lambda: len(Heard.requests) == 4, 5, "the second round of purges")
    assert [r[0] for r in Heard.requests] == ["PURGE", "BAN", "PURGE", "BAN"]


def test_a_varnish_that_is_down_does_not_stop_a_publish(settings, caplog):
    settings.DATELINE_GENERATION_MEMO_SECONDS = 0
    backend = VarnishBackend({"LOCATION": "http://127.0.0.1:9"})  # nothing listens there
    backend.purge_batch(["https://news.example.org/story/"])
    assert "Could not reach Varnish for PURGE" in caplog.text


@pytest.mark.django_db
def test_a_publish_purges_varnish_at_once_and_queues_a_cdns_purge(
    varnish, settings, site, django_capture_on_commit_callbacks
):
    """Wagtail queues purges for the worker; Varnish is purged by the publish itself, so a
    story shows at the edge even while the worker is busy or missing. A CDN's purge stays
    queued."""
    from django_tasks_db.models import DBTaskResult

    from tests.helpers.factories import ArticlePageFactory

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.DATELINE_GENERATION_MEMO_SECONDS = 0
    story = ArticlePageFactory(parent=site["home"], title="Pass closed", terms=[site["armenia"]])
    port = varnish.server_address[1]
    settings.WAGTAILFRONTENDCACHE = {
        "varnish": {
            "BACKEND": "dateline.core.edge.VarnishBackend",
            "LOCATION": f"http://127.0.0.1:{port}",
        }
    }
    with django_capture_on_commit_callbacks(execute=True):
        story.save_revision().publish()
    purged = [path for method, path, _headers in Heard.requests if method == "PURGE"]
    assert story.url in purged and "/" in purged
    purges_queued = DBTaskResult.objects.filter(task_path__contains="frontend_cache")
    assert not purges_queued.exists()  # nothing left for a worker

    Heard.requests.clear()
    settings.WAGTAILFRONTENDCACHE["cdn"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": "http://127.0.0.1:9",
    }
    with django_capture_on_commit_callbacks(execute=True):
        story.save_revision().publish()
    assert story.url in [path for method, path, _headers in Heard.requests if method == "PURGE"]
    (queued,) = purges_queued
    assert "'cdn'" in str(queued.args_kwargs) and "varnish" not in str(queued.args_kwargs)
