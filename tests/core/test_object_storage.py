"""Media in an S3-compatible bucket (settings/storage.py): uploads, renditions, documents
and podcast audio land in the bucket and readers fetch them from it, byte ranges included;
pitch attachments are kept where no reader can fetch them; `check --deploy` warns about a
bucket that cannot be written.

The bucket is served by moto's S3 server, started by the tests on a free port and spoken to
over HTTP by real boto3 (tests/helpers/object_storage.py).
"""

import os
import re
import subprocess
import sys

import pytest
from django.core import checks
from django.core.files.storage import default_storage, storages
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from dateline.core import object_storage
from dateline.core.illustrations import landscape_jpeg
from dateline.core.models import DeskSubmission
from tests.helpers.factories import ArticlePageFactory, ImageFactory, desk_page
from tests.helpers.media_factories import (
    PodcastEpisodePageFactory,
    PodcastSeriesPageFactory,
    make_media,
    two_second_mp3,
)
from tests.helpers.object_storage import S3Server, anonymous_get

pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


@pytest.fixture(scope="module")
def s3():
    server = S3Server()
    yield server
    server.stop()


@pytest.fixture
def bucket(s3, settings, monkeypatch):
    name = s3.new_bucket()
    s3.use_in_settings(settings, monkeypatch, name)
    return name


def jpeg_upload(name: str, title: str) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, landscape_jpeg(title, 640, 360), content_type="image/jpeg")


def test_uploaded_images_and_renditions_live_in_the_bucket_and_readers_get_them_there(
    s3, bucket, admin_client, site, settings
):
    for title in ("Hills", "Other hills"):  # the same file name twice
        response = admin_client.post(
            "/admin/images/add/", {"title": title, "file": jpeg_upload("hills.jpg", title)}
        )
        assert response.status_code == 302
    first, second = get_image_model().objects.order_by("pk")
    originals = s3.keys(bucket, "media/original_images/")
    assert len(originals) == 2, "the second hills.jpg must not overwrite the first"
    assert {f"media/{first.file.name}", f"media/{second.file.name}"} == set(originals)

    article = ArticlePageFactory(parent=site["home"], title="Dry summer", lead_image=first)
    html = admin_client.get(article.url).content.decode()
    shown = re.findall(r'src="([^"]+/media/images/[^"]+)"', html)
    assert shown and all(url.startswith(settings.MEDIA_URL) for url in shown)
    assert all(f"media/{url.removeprefix(settings.MEDIA_URL)}" in s3.keys(bucket) for url in shown)

    status, headers, body = anonymous_get(shown[0])  # a reader's browser, no credentials
    assert status == 200 and headers["content-type"] == "image/jpeg"
    assert body[:3] == b"\xff\xd8\xff"
    assert "max-age=2592000" in headers["Cache-Control"]


def test_podcast_audio_is_read_from_the_bucket_and_answers_byte_ranges(s3, bucket, client, site):
    media = make_media(site)
    series = PodcastSeriesPageFactory(parent=media["podcasts"], title="Weekly", slug="weekly")
    episode = PodcastEpisodePageFactory(parent=series, title="Rivers", slug="rivers")
    episode.refresh_from_db()
    audio = two_second_mp3()
    assert episode.duration == 2  # mutagen read the length from the bucket's copy

    html = client.get(episode.url).content.decode()
    [source] = re.findall(r'<source src="([^"]+)"', html)
    feed = client.get("/feeds/podcast/podcasts/weekly/").content.decode()
    assert f'url="{source}"' in feed  # the podcast app downloads from the bucket too
    assert source.startswith(s3.endpoint)

    status, headers, body = anonymous_get(source, Range="bytes=100-199")
    assert status == 206
    assert headers["content-range"] == f"bytes 100-199/{len(audio)}"
    assert headers["content-type"] == "audio/mpeg"
    assert body == audio[100:200]
    status, _headers, body = anonymous_get(source)
    assert status == 200 and body == audio


def test_documents_are_kept_in_the_bucket_and_their_address_leads_there(
    s3, bucket, admin_client, client
):
    response = admin_client.post(
        "/admin/documents/add/",
        {"title": "Budget", "file": SimpleUploadedFile("budget.pdf", PDF)},
    )
    assert response.status_code == 302
    document = get_document_model().objects.get()
    assert s3.read(bucket, f"media/{document.file.name}") == PDF
    served = client.get(document.url)
    assert served.status_code == 302  # Wagtail sends readers on to the bucket
    assert anonymous_get(served["Location"])[::2] == (200, PDF)


def test_pitch_attachments_stay_private_in_the_bucket(s3, bucket, client, admin_client, site):
    pitches = desk_page(site)
    upload = SimpleUploadedFile("notes.pdf", PDF, content_type="application/pdf")
    response = client.post(
        pitches.url,
        {"your_name": "Ana", "email": "ana@example.org", "pitch": "Water.", "attachment": upload},
        REMOTE_ADDR="203.0.113.5",
    )
    assert response.status_code == 200
    submission = DeskSubmission.objects.get()
    key = f"submissions/{submission.attachment.name}"
    assert s3.keys(bucket, "submissions/") == [key]
    assert not s3.keys(bucket, "media/")  # nothing under the public prefix

    # A reader who guesses its address in the bucket is refused.
    assert anonymous_get(f"{s3.endpoint}/{bucket}/{key}")[0] == 403

    url = f"/admin/desk/attachments/{submission.pk}/"
    download = admin_client.get(url)
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == PDF
    assert client.get(url).status_code == 302  # readers are sent to the login

    submission.attachment.delete(save=False)  # the retention rule deletes it so
    assert s3.keys(bucket, "submissions/") == []


def test_a_bucket_that_takes_writes_passes_the_deploy_check(s3, bucket):
    assert set(object_storage.remote_storages()) == {"default", "submissions"}
    found = checks.run_checks(include_deployment_checks=True, tags=[checks.Tags.files])
    assert [w.id for w in found if w.id.startswith("dateline.")] == []
    assert s3.keys(bucket) == []  # the probe cleaned up after itself


def test_the_deploy_check_warns_when_the_bucket_cannot_be_written(s3, settings, monkeypatch):
    s3.use_in_settings(settings, monkeypatch, "no-such-bucket")
    found = checks.run_checks(include_deployment_checks=True, tags=[checks.Tags.files])
    warnings = [w for w in found if w.id == "dateline.W101"]
    assert len(warnings) == 2  # media and attachments
    assert "no-such-bucket" in warnings[0].msg and "NoSuchBucket" in warnings[0].msg
    assert "DATELINE_MEDIA_S3_BUCKET" in warnings[0].hint
    # Only a deploy check: an ordinary `check` (every start) makes no request.
    assert not [w for w in checks.run_checks(tags=[checks.Tags.files]) if w.id == "dateline.W101"]


def test_on_local_disk_nothing_is_probed(settings):
    assert object_storage.remote_storages() == {}
    assert object_storage.is_local(default_storage)
    assert object_storage.is_local(object_storage.private_storage)
    assert "submissions" not in settings.STORAGES and storages["default"] is not None


def test_walk_lists_every_file_of_a_bucket_and_of_a_folder(s3, bucket, settings, tmp_path):
    for index in range(3):
        ImageFactory(title=f"Picture {index}")
    names = sorted(object_storage.walk(default_storage))
    assert len(names) == 3 and all(n.startswith("original_images/") for n in names)
    settings.STORAGES = {
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "staticfiles": settings.STORAGES["staticfiles"],
    }
    settings.MEDIA_ROOT = str(tmp_path)
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "b" / "c.txt").write_text("c")
    (tmp_path / "d.txt").write_text("d")
    assert sorted(object_storage.walk(default_storage)) == ["a/b/c.txt", "d.txt"]


def deploy_check(s3, bucket: str) -> subprocess.CompletedProcess:
    """`dateline check --deploy` as an operator runs it, with production settings."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "SECURE_"))}
    env.update(
        DATELINE_SETTINGS="production",
        SECRET_KEY="k3Yq8vJ2mN5pR7tW9xZ1bC4dF6gH8jL0nP2rS4uV6wY8aB1cD3eF5gH7",
        ALLOWED_HOSTS="news.example.org",
        DATELINE_BASE_URL="https://news.example.org",
        DATABASE_URL="postgres://dateline@127.0.0.1:5432/dateline",
        CACHE_URL="redis://127.0.0.1:6379/0",
        **s3.env(bucket),
    )
    return subprocess.run(
        [sys.executable, "-m", "dateline.cli", "check", "--deploy", "--fail-level", "WARNING"],
        env=env, capture_output=True, text=True, timeout=300,
    )  # fmt: skip


def test_dateline_check_deploy_passes_with_a_good_bucket_and_warns_with_a_bad_one(s3):
    good = deploy_check(s3, s3.new_bucket())
    assert good.returncode == 0, good.stdout + good.stderr
    bad = deploy_check(s3, "missing-bucket")
    assert bad.returncode != 0
    assert "dateline.W101" in bad.stderr and "missing-bucket" in bad.stderr
