"""Uploads are checked by content, not by name, limited in size, and never served as HTML."""

import io
import mimetypes

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from dateline.core.illustrations import landscape_jpeg
from dateline.core.uploads import check_document
from tests.helpers.media_factories import document, two_second_mp3

pytestmark = pytest.mark.django_db

HTML = b"<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"
SVG = b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'
# The smallest file a PDF reader opens; filetype recognises it by its first bytes.
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def admin(client, django_user_model):
    user = django_user_model.objects.create_superuser("chief", "chief@example.org", "x" * 16)
    client.force_login(user)
    return client


def upload(name: str, content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/octet-stream")


def add_document(admin, name: str, content: bytes):
    return admin.post("/admin/documents/add/", {"title": "A file", "file": upload(name, content)})


def test_an_html_page_renamed_jpg_is_refused_as_an_image(admin):
    response = admin.post(
        "/admin/images/add/", {"title": "Photo", "file": upload("photo.jpg", HTML)}
    )
    assert response.status_code == 200  # the form again
    assert "Not a valid .jpeg image" in response.content.decode()
    assert not get_image_model().objects.exists()


def test_an_svg_drawing_is_refused_as_an_image(admin):
    response = admin.post("/admin/images/add/", {"title": "Logo", "file": upload("logo.svg", SVG)})
    assert response.status_code == 200
    assert "Not a supported image format" in response.content.decode()
    assert not get_image_model().objects.exists()


def test_a_real_jpeg_is_accepted_as_an_image(admin):
    jpeg = landscape_jpeg("Hills", 320, 180)
    response = admin.post(
        "/admin/images/add/", {"title": "Hills", "file": upload("hills.jpg", jpeg)}
    )
    assert response.status_code == 302
    assert get_image_model().objects.filter(title="Hills").exists()


@pytest.mark.parametrize(
    "name, content",
    [("report.pdf", HTML), ("notes.txt", SVG), ("chart.pdf", SVG), ("episode.mp3", HTML)],
)
def test_markup_disguised_as_a_document_is_refused_with_a_message(admin, name, content):
    response = add_document(admin, name, content)
    assert response.status_code == 200
    assert "web page or SVG drawing" in response.content.decode()
    assert not get_document_model().objects.exists()


@pytest.mark.parametrize("name", ["page.html", "drawing.svg", "script.js", "app.exe"])
def test_documents_of_other_kinds_are_refused_by_extension(admin, name):
    response = add_document(admin, name, b"whatever")
    assert response.status_code == 200
    assert "File extension" in response.content.decode()
    assert not get_document_model().objects.exists()


def test_a_file_whose_content_is_not_its_extension_is_refused(admin):
    response = add_document(admin, "minutes.docx", PDF)
    assert response.status_code == 200
    assert "its content is not a DOCX file" in response.content.decode()


def test_text_that_is_not_audio_is_refused_as_an_mp3(admin):
    response = add_document(admin, "episode.mp3", b"ID3" + b"\x00" * 200)
    assert response.status_code == 200
    assert "could not be read as audio" in response.content.decode()


def test_a_real_pdf_and_a_real_mp3_are_accepted(admin):
    assert add_document(admin, "report.pdf", PDF).status_code == 302
    assert add_document(admin, "episode.mp3", two_second_mp3()).status_code == 302
    assert get_document_model().objects.count() == 2


@override_settings(DATELINE_DOCUMENT_MAX_BYTES=1024)
def test_a_document_over_the_size_limit_is_refused_with_its_size(admin):
    big = PDF + b"%" * 4096
    response = add_document(admin, "report.pdf", big)
    assert response.status_code == 200
    assert "may be up to 1.0\xa0KB" in response.content.decode()


@override_settings(DATELINE_MEDIA_MAX_BYTES=1024)
def test_audio_has_its_own_size_limit():
    with pytest.raises(ValidationError, match="may be up to"):
        check_document(upload("episode.mp3", two_second_mp3()))


def test_documents_are_served_as_downloads_that_browsers_will_not_sniff(client):
    doc = document("figures.csv", b"region,count\nCaucasus,3\n")
    response = client.get(doc.url)
    assert response.status_code == 200
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "default-src 'none'"
    assert response["Content-Disposition"].startswith("attachment")
    assert "html" not in response["Content-Type"]


def test_no_accepted_upload_is_served_as_a_web_page():
    extensions = [*settings.WAGTAILDOCS_EXTENSIONS, "jpg", "jpeg", "png", "gif", "webp"]
    for ext in extensions:
        guessed = mimetypes.guess_type(f"file.{ext}")[0] or "application/octet-stream"
        assert guessed not in {"text/html", "image/svg+xml", "application/xhtml+xml"}, ext
        assert "javascript" not in guessed, ext


def test_a_podcast_episode_refuses_a_document_that_is_not_audio():
    from dateline.multimedia.models import PodcastEpisodePage

    fake = document("episode.mp3", io.BytesIO(b"not audio at all " * 20).getvalue())
    episode = PodcastEpisodePage(title="Episode 1", slug="episode-1", audio=fake)
    with pytest.raises(ValidationError) as error:
        episode.clean()
    assert "could not be read as audio" in str(error.value)
