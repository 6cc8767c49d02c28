import datetime as dt
import io

import pytest
from django.core import mail
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.utils import timezone
from wagtail.contrib.forms.models import FormSubmission

from dateline.core.illustrations import landscape_jpeg
from dateline.core.models import DeskSubmission
from tests.helpers.factories import desk_page

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def pitches(site):
    return desk_page(site)


def pitch(**extra):
    data = {"your_name": "Ana", "email": "ana@example.org", "pitch": "Water in Svaneti."}
    data.update(extra)
    return data


def post(client, page, data, ip="203.0.113.5"):
    return client.post(page.url, data, REMOTE_ADDR=ip)


def test_the_form_shows_its_fields_an_attachment_and_a_hidden_trap(client, pitches):
    html = client.get(pitches.url).content.decode()
    assert 'enctype="multipart/form-data"' in html
    assert "Your pitch" in html and 'type="file"' in html
    assert "PDF, JPEG, PNG, DOCX, ODT, up to 10 MB" in html
    assert 'class="desk-form__field desk-form__trap" aria-hidden="true"' in html
    assert '<a href="/contribute/">Contribute</a>' in html  # in the footer


def test_a_pitch_with_an_attachment_is_kept_mailed_and_confirmed(client, pitches):
    upload = SimpleUploadedFile("my pitch.pdf", PDF, content_type="application/pdf")
    response = post(client, pitches, pitch(attachment=upload))
    assert response.status_code == 200
    assert "Thank you" in response.content.decode()
    submission = DeskSubmission.objects.get()
    assert submission.get_data()["pitch"] == "Water in Svaneti."
    assert "website" not in submission.form_data and "attachment" not in submission.form_data
    assert submission.attachment.name.endswith(".pdf")
    assert submission.attachment.read() == PDF
    # Kept outside the public media directory.
    from django.conf import settings

    assert not submission.attachment.path.startswith(str(settings.MEDIA_ROOT))
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["desk@example.org"]
    # The desk sees which form and who in the inbox, and answering answers the reader.
    assert message.subject == "Pitch from the website: Ana <ana@example.org>"
    assert message.reply_to == ["ana@example.org"]
    assert message.from_email == "site@example.org"
    assert "Your pitch: Water in Svaneti." in message.body
    assert "Attachment: my_pitch-" in message.body


def test_editors_download_attachments_from_the_admin_and_readers_cannot(
    client, admin_client, pitches
):
    upload = SimpleUploadedFile("notes.pdf", PDF, content_type="application/pdf")
    post(client, pitches, pitch(attachment=upload))
    submission = DeskSubmission.objects.get()
    url = f"/admin/desk/attachments/{submission.pk}/"
    listing = admin_client.get(f"/admin/forms/submissions/{pitches.pk}/").content.decode()
    assert "Water in Svaneti." in listing and url in listing
    response = admin_client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert client.get(url).status_code == 302  # to the admin login


def test_wrong_type_attachment_is_refused_by_its_content_not_its_name(client, pitches):
    script = SimpleUploadedFile("cv.pdf", b"#!/bin/sh\nrm -rf /\n", content_type="application/pdf")
    response = post(client, pitches, pitch(attachment=script))
    assert response.status_code == 400
    html = response.content.decode()
    assert "This kind of file cannot be attached" in html
    assert "Water in Svaneti." in html  # what the reader wrote is still in the form
    assert DeskSubmission.objects.count() == 0 and not mail.outbox


def test_oversized_attachment_is_refused_with_the_limit(client, pitches, settings):
    settings.DATELINE_ATTACHMENT_MAX_BYTES = 1024
    photo = SimpleUploadedFile(
        "photo.jpg", landscape_jpeg("x", 800, 600), content_type="image/jpeg"
    )
    assert photo.size > 1024
    response = post(client, pitches, pitch(attachment=photo))
    assert response.status_code == 400
    assert "attachments may be up to 1.0\xa0KB" in response.content.decode()
    assert DeskSubmission.objects.count() == 0


def test_an_image_attachment_is_accepted(client, pitches):
    photo = SimpleUploadedFile("photo.jpeg", landscape_jpeg("x", 80, 60), content_type="image/jpeg")
    assert post(client, pitches, pitch(attachment=photo)).status_code == 200
    assert DeskSubmission.objects.get().attachment.name.endswith(".jpg")


def test_missing_fields_are_named_and_nothing_is_sent(client, pitches):
    response = post(client, pitches, pitch(pitch="", email="not-an-address"))
    assert response.status_code == 400
    html = response.content.decode()
    assert "Please correct the fields marked below" in html
    assert "This field is required." in html
    assert "Enter a valid email address." in html
    assert DeskSubmission.objects.count() == 0


def test_scripts_in_fields_are_kept_as_text_and_never_run(client, admin_client, pitches):
    attack = '<script>alert("x")</script>'
    assert post(client, pitches, pitch(your_name=attack)).status_code == 200
    assert DeskSubmission.objects.get().get_data()["your_name"] == attack
    listing = admin_client.get(f"/admin/forms/submissions/{pitches.pk}/").content.decode()
    assert attack not in listing
    assert "&lt;script&gt;" in listing
    response = post(client, pitches, pitch(your_name=attack, email="bad"), ip="198.51.100.9")
    assert attack not in response.content.decode()


def test_the_honeypot_thanks_robots_and_keeps_nothing(client, pitches):
    response = post(client, pitches, pitch(website="http://spam.example"))
    assert response.status_code == 200 and "Thank you" in response.content.decode()
    assert DeskSubmission.objects.count() == 0 and not mail.outbox


def test_a_flood_from_one_address_is_slowed_and_nothing_accepted_is_lost(client, pitches, settings):
    settings.DATELINE_FORM_RATE = (3, 3600)
    for n in range(3):
        assert post(client, pitches, pitch(pitch=f"Pitch {n}")).status_code == 200
    response = post(client, pitches, pitch(pitch="One too many"))
    assert response.status_code == 429
    html = response.content.decode()
    assert "Please wait an hour" in html and "One too many" in html
    assert sorted(s.get_data()["pitch"] for s in DeskSubmission.objects.all()) == [
        "Pitch 0",
        "Pitch 1",
        "Pitch 2",
    ]
    # Another reader is not affected.
    assert post(client, pitches, pitch(), ip="198.51.100.20").status_code == 200


def test_a_mail_failure_keeps_the_submission(client, pitches, settings):
    settings.EMAIL_BACKEND = "tests.core.test_desk_forms.BrokenBackend"
    assert post(client, pitches, pitch()).status_code == 200
    assert DeskSubmission.objects.count() == 1


class BrokenBackend:
    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise OSError("SMTP server unreachable")


def test_contact_form_has_no_attachment(client, site):
    contact = desk_page(site, slug="contact", attachments=False)
    html = client.get(contact.url).content.decode()
    assert 'type="file"' not in html and "multipart" not in html
    upload = SimpleUploadedFile("x.pdf", PDF)
    assert post(client, contact, pitch(attachment=upload)).status_code == 200
    assert not DeskSubmission.objects.get().attachment


def test_old_submissions_and_their_files_are_deleted_after_the_retention_period(
    client, pitches, settings
):
    settings.DATELINE_SUBMISSION_RETENTION_DAYS = 30
    post(client, pitches, pitch(attachment=SimpleUploadedFile("a.pdf", PDF)))
    post(client, pitches, pitch(pitch="Recent"), ip="198.51.100.1")
    old = DeskSubmission.objects.get(attachment__endswith=".pdf")
    path = old.attachment.path
    DeskSubmission.objects.filter(pk=old.pk).update(
        submit_time=timezone.now() - dt.timedelta(days=31)
    )
    plain = FormSubmission.objects.create(page=pitches, form_data={"x": 1})
    FormSubmission.objects.filter(pk=plain.pk).update(
        submit_time=timezone.now() - dt.timedelta(days=40)
    )
    out = io.StringIO()
    call_command("delete_old_submissions", stdout=out)
    assert "Deleted 2 submissions older than 30 days." in out.getvalue()
    assert [s.get_data()["pitch"] for s in DeskSubmission.objects.all()] == ["Recent"]
    import os

    assert not os.path.exists(path)
