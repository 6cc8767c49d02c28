"""A paged feed (RFC 5005): older items are fetched from the pages its "next" links name."""

import functools
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from dateline.imports import feed
from dateline.news.models import ArticlePage

PAGES = Path(__file__).parent / "fixtures" / "paged"


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture
def old_site():
    """The fixture pages served over HTTP, as the old site would serve its feed."""
    handler = functools.partial(QuietHandler, directory=str(PAGES))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_older_pages_are_followed_once_each(old_site):
    read = feed.read(f"{old_site}/feed.xml")
    assert [item.title for item in read.items] == [
        "Grain harvest ends",
        "Rail link to the port",  # on pages 1 and 2: taken once
        "Wind farm approved",
        "Saiga numbers recover",  # page 3 is Atom, found by a link from the site's root
    ]  # page 3's "next" leads back to page 1: not read again
    assert read.site_url == "https://steppe.example.kz"


def test_pages_stop_at_the_limit(old_site):
    read = feed.read(f"{old_site}/feed.xml", max_pages=2)
    assert [item.source_id for item in read.items] == [
        "https://steppe.example.kz/?p=30",
        "https://steppe.example.kz/?p=29",
        "https://steppe.example.kz/?p=28",
    ]


def test_a_saved_copy_links_no_pages():
    read = feed.read(str(PAGES / "feed.xml"))
    assert len(read.items) == 2


@pytest.mark.django_db
def test_a_paged_feed_imports_all_its_pages(site, run_import, old_site, client):
    report = run_import("feed", f"{old_site}/feed.xml")
    assert report["counts"]["created"] == 4
    saiga = ArticlePage.objects.get(slug="saiga")
    assert "The herds have doubled" in saiga.body[0].value.source
    assert client.get("/2024/07/saiga/")["Location"] == saiga.url
    assert client.get(saiga.url).status_code == 200
    again = run_import("feed", f"{old_site}/feed.xml", "--pages", "1")
    assert again["counts"]["created"] == 0 and again["counts"]["unchanged"] == 2
