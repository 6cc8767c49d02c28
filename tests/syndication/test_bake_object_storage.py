"""`dateline bake` with media in an S3-compatible bucket: the mirror holds its own copy of
every image and audio file the pages show, read from the bucket through the storage, and
never sends readers to the bucket's host (which may be blocked where the mirror is needed).
"""

import re

import pytest
from django.core.management import call_command

from dateline.syndication.bake import bake
from tests.helpers.factories import ArticlePageFactory, ImageFactory
from tests.helpers.media_factories import (
    PodcastEpisodePageFactory,
    PodcastSeriesPageFactory,
    make_media,
    two_second_mp3,
)
from tests.helpers.object_storage import S3Server

pytestmark = pytest.mark.django_db
MAIN = "https://news.example.org"


@pytest.fixture
def s3():
    server = S3Server()
    yield server
    server.stop()


def test_the_mirror_copies_media_from_the_bucket_and_links_its_copies(
    s3, settings, monkeypatch, site, tmp_path
):
    bucket = s3.new_bucket()
    s3.use_in_settings(settings, monkeypatch, bucket)
    article = ArticlePageFactory(parent=site["home"], title="Dry summer", lead_image=ImageFactory())
    series = PodcastSeriesPageFactory(parent=make_media(site)["podcasts"], slug="weekly")
    episode = PodcastEpisodePageFactory(parent=series, title="Rivers", slug="rivers")
    mirror = tmp_path / "mirror"

    call_command("bake", str(mirror), "--main-site", MAIN, verbosity=0)

    html = (mirror / article.slug / "index.html").read_text()
    pictures = set(re.findall(r'src="(/media/images/[^"]+)"', html))
    assert pictures
    for url in pictures:
        assert (mirror / url.lstrip("/")).read_bytes() == s3.read(bucket, url.lstrip("/"))
    episode_html = (mirror / "podcasts" / "weekly" / episode.slug / "index.html").read_text()
    [audio] = re.findall(r'<source src="([^"]+)"', episode_html)
    assert audio.startswith("/media/documents/")
    assert (mirror / audio.lstrip("/")).read_bytes() == two_second_mp3()
    # No link of a page, and nothing in a feed or sitemap, points at the bucket; only the
    # pages' og:image (for link previews, like the canonical link) names the original.
    for path in mirror.rglob("*"):
        if path.suffix == ".html":
            found = re.findall(rf'([\w:-]+)="{re.escape(s3.endpoint)}', path.read_text())
            assert set(found) <= {"content"}, path
        elif path.suffix in (".xml", ".txt", ".json"):
            assert s3.endpoint not in path.read_text(), path

    # Baked again, nothing changed: no media file is downloaded or written again.
    again = bake(mirror, main_site=MAIN, incremental=True)
    assert not [name for name in again.written if name.startswith("media/")]
