"""`dateline backup` and `dateline restore` with media in an S3-compatible bucket: the
archive holds the bucket's media and private attachments, a restore puts back exactly
those files, and an archive made on disk restores into a bucket (how a site moves its
uploads to object storage)."""

import io
import tarfile

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from wagtail.images import get_image_model

from dateline.core.object_storage import private_storage
from dateline.news.models import ArticlePage
from tests.helpers.factories import make_articles, make_site
from tests.helpers.object_storage import S3Server, anonymous_get

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)
PDF = b"%PDF-1.4\n%%EOF\n"


@pytest.fixture
def s3():
    server = S3Server()
    yield server
    server.stop()


def test_round_trip_gives_back_the_buckets_files_and_only_those(
    s3, settings, monkeypatch, tmp_path
):
    bucket = s3.new_bucket()
    s3.use_in_settings(settings, monkeypatch, bucket)
    [article] = make_articles(make_site(), 1)
    private_storage.save("attachments/2026/12/notes.pdf", ContentFile(PDF))
    before = {key: s3.read(bucket, key) for key in s3.keys(bucket)}
    assert any(key.startswith("media/original_images/") for key in before)
    assert "submissions/attachments/2026/12/notes.pdf" in before
    archive = tmp_path / "newsroom.tar.gz"
    call_command("backup", str(archive), stdout=io.StringIO())
    with tarfile.open(archive) as tar:
        names = set(tar.getnames())
    assert {key for key in before} <= names  # media/... and submissions/... members

    image_key = next(key for key in before if key.startswith("media/original_images/"))
    s3.client.delete_object(Bucket=bucket, Key=image_key)
    s3.client.put_object(Bucket=bucket, Key="media/stray.txt", Body=b"not in the backup")
    article.title = "Written after the backup"
    article.save_revision().publish()

    call_command("restore", str(archive), force=True, stdout=io.StringIO())

    assert {key: s3.read(bucket, key) for key in s3.keys(bucket)} == before
    assert ArticlePage.objects.get(pk=article.pk).title != "Written after the backup"


def test_an_archive_made_on_disk_restores_into_a_bucket(s3, settings, monkeypatch, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    settings.DATELINE_SUBMISSIONS_ROOT = str(tmp_path / "submissions")
    make_articles(make_site(), 1)
    image = get_image_model().objects.get()
    on_disk = (tmp_path / "media" / image.file.name).read_bytes()
    archive = tmp_path / "on-disk.tar"
    call_command("backup", str(archive), stdout=io.StringIO())

    bucket = s3.new_bucket()
    s3.use_in_settings(settings, monkeypatch, bucket)
    call_command("restore", str(archive), force=True, stdout=io.StringIO())

    assert s3.read(bucket, f"media/{image.file.name}") == on_disk
    restored = get_image_model().objects.get()
    assert restored.file.url.startswith(f"{s3.endpoint}/{bucket}/media/")
    assert anonymous_get(restored.file.url)[::2] == (200, on_disk)
