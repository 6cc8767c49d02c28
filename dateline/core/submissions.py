"""What the Contact and Contribute forms need besides Wagtail's form builder: attachment
checks by content, a per-address rate limit kept in the cache, and the retention rule."""

import datetime as dt
import uuid

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import Storage
from django.http import HttpRequest
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.text import get_valid_filename
from django.utils.translation import gettext as _

from . import object_storage, ratelimits
from .clients import client_ip

# What a pitch may carry, recognised by the file's first bytes, not by its name.
ALLOWED_ATTACHMENT_TYPES = {
    "application/pdf": "pdf",
    "image/jpeg": "jpg",
    "image/png": "png",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
    "application/vnd.oasis.opendocument.text": "odt",
}
ALLOWED_ATTACHMENT_NAMES = "PDF, JPEG, PNG, DOCX, ODT"


def private_storage() -> Storage:
    """The attachments' storage (core/object_storage.py PrivateStorage); editors download
    them through core/views.py desk_attachment."""
    return object_storage.private_storage


def check_attachment(upload) -> None:
    """Raise ValidationError (a reader-readable message) unless the upload is small enough
    and is one of ALLOWED_ATTACHMENT_TYPES by content; names it safely if it is."""
    limit = settings.DATELINE_ATTACHMENT_MAX_BYTES
    if upload.size > limit:
        raise ValidationError(
            _("The file is %(size)s; attachments may be up to %(limit)s.")
            % {"size": filesizeformat(upload.size), "limit": filesizeformat(limit)},
            code="too_large",
        )
    upload.seek(0)
    kind = filetype.guess(upload.read(8192))
    upload.seek(0)
    if kind is None or kind.mime not in ALLOWED_ATTACHMENT_TYPES:
        raise ValidationError(
            _("This kind of file cannot be attached. Please send one of: %(types)s.")
            % {"types": ALLOWED_ATTACHMENT_NAMES},
            code="wrong_type",
        )
    stem = get_valid_filename(upload.name.rsplit(".", 1)[0])[:60] or "attachment"
    upload.name = f"{stem}-{uuid.uuid4().hex[:8]}.{ALLOWED_ATTACHMENT_TYPES[kind.mime]}"


def over_rate_limit(request: HttpRequest, scope: str) -> bool:
    """Count one submission from the client's address; True once it is over the limit.

    The cache holds a hash of the address, never the address, and forgets it after the
    window.
    """
    return ratelimits.over_limit(
        f"form-rate:{scope}", client_ip(request), settings.DATELINE_FORM_RATE
    )


def delete_expired_submissions(days: int | None = None) -> int:
    """Delete form submissions (and their attachments) older than the retention period.

    Returns how many submissions were deleted.
    """
    from wagtail.contrib.forms.models import FormSubmission

    from .models import DeskSubmission

    days = settings.DATELINE_SUBMISSION_RETENTION_DAYS if days is None else days
    cutoff = timezone.now() - dt.timedelta(days=days)
    deleted = 0
    for submission in DeskSubmission.objects.filter(submit_time__lt=cutoff).exclude(attachment=""):
        submission.attachment.delete(save=False)
    deleted += (
        DeskSubmission.objects.filter(submit_time__lt=cutoff)
        .delete()[1]
        .get(DeskSubmission._meta.label, 0)
    )
    deleted += (
        FormSubmission.objects.filter(submit_time__lt=cutoff)
        .delete()[1]
        .get(FormSubmission._meta.label, 0)
    )
    return deleted


def notify_desk(page, form) -> None:
    """Email the desk about a form sent from ``page`` (a DeskFormPage): the subject names
    the form and the sender, and Reply-To is the sender's address, so that answering the
    notification answers the reader."""
    from django.core.mail import EmailMessage

    data = form.cleaned_data
    reply_to = _sender_address(page, data)
    subject = _subject(page, _sender_name(page, data), reply_to)
    EmailMessage(
        subject=subject,
        body=page.render_email(form),
        from_email=page.from_address or settings.DEFAULT_FROM_EMAIL,
        to=[address.strip() for address in page.to_address.split(",") if address.strip()],
        reply_to=[reply_to] if reply_to else None,
    ).send()


def _sender_address(page, data: dict) -> str:
    """The first email address the reader filled in, or ""."""
    email_fields = [f.clean_name for f in page.get_form_fields() if f.field_type == "email"]
    return next((data[name] for name in email_fields if data.get(name)), "")


def _sender_name(page, data: dict) -> str:
    """The first one-line field with "name" in its name that the reader filled in, or ""."""
    return next(
        (
            str(data[field.clean_name]).strip()
            for field in page.get_form_fields()
            if field.field_type == "singleline"
            and "name" in field.clean_name
            and data.get(field.clean_name)
        ),
        "",
    )


def _subject(page, name: str, reply_to: str) -> str:
    """The form's subject (or title), then the sender, on one line."""
    sender = f"{name} <{reply_to}>" if name and reply_to else name or reply_to
    subject = page.subject or page.title
    if sender:
        subject = f"{subject}: {sender}"
    return " ".join(subject.split())  # a header holds no line breaks
