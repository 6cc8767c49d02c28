"""Checks on what editors upload to the media library: a document must be, by its content,
the kind of file its name says, and small enough. Files a browser would run as a page
(HTML, SVG, scripts) are refused whatever they are called.

Images are checked by Wagtail itself (Pillow must open them, and their format must match
their extension); the document form below is Wagtail's, with these checks added
(``WAGTAILDOCS_DOCUMENT_FORM_BASE``).
"""

import filetype
import mutagen
from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from wagtail.documents.forms import BaseDocumentForm

MP4_FAMILY = {"video/mp4", "audio/mp4", "video/x-m4v", "video/quicktime"}
# For each accepted extension, the types ``filetype`` may find in the file's first bytes.
# csv and txt have no signature: they are checked as text instead.
CONTENT_TYPES = {
    "pdf": {"application/pdf"},
    "docx": {"application/vnd.openxmlformats-officedocument.wordprocessingml.document"},
    "xlsx": {"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
    "pptx": {"application/vnd.openxmlformats-officedocument.presentationml.presentation"},
    "odt": {"application/vnd.oasis.opendocument.text"},
    "ods": {"application/vnd.oasis.opendocument.spreadsheet"},
    "odp": {"application/vnd.oasis.opendocument.presentation"},
    "mp3": {"audio/mpeg"},
    "m4a": MP4_FAMILY,
    "ogg": {"audio/ogg", "video/ogg"},
    "mp4": MP4_FAMILY,
    "m4v": MP4_FAMILY,
    "webm": {"video/webm"},
}
TEXT_EXTENSIONS = {"csv", "txt"}
AUDIO_EXTENSIONS = {"mp3", "m4a", "ogg"}
MEDIA_EXTENSIONS = {"mp3", "m4a", "ogg", "mp4", "m4v", "webm"}
# What a browser would treat as markup if it ever guessed the type from the content.
MARKUP_STARTS = (
    b"<!doctype",
    b"<html",
    b"<head",
    b"<body",
    b"<script",
    b"<svg",
    b"<?xml",
    b"<iframe",
)
SNIFF_BYTES = 8192


def extension(name: str) -> str:
    return name.rsplit(".", 1)[-1].lower() if "." in name else ""


def _head(upload) -> bytes:
    upload.seek(0)
    head = upload.read(SNIFF_BYTES)
    upload.seek(0)
    return head


def looks_like_markup(head: bytes) -> bool:
    return head.lstrip(b"\xef\xbb\xbf \t\r\n").lower().startswith(MARKUP_STARTS)


def is_audio(upload) -> bool:
    """True if mutagen can read the file as audio (an MP3, M4A or Ogg stream)."""
    upload.seek(0)
    try:
        audio = mutagen.File(upload)
    except (mutagen.MutagenError, OSError, ValueError):
        audio = None
    finally:
        upload.seek(0)
    return audio is not None and audio.info is not None and audio.info.length > 0


def check_size(upload, ext: str) -> None:
    limit = (
        settings.DATELINE_MEDIA_MAX_BYTES
        if ext in MEDIA_EXTENSIONS
        else settings.DATELINE_DOCUMENT_MAX_BYTES
    )
    if upload.size > limit:
        raise ValidationError(
            _("The file is %(size)s; files of this kind may be up to %(limit)s.")
            % {"size": filesizeformat(upload.size), "limit": filesizeformat(limit)},
            code="too_large",
        )


def check_content(upload, ext: str) -> None:
    """Raise ValidationError unless the file's content is what its extension says."""
    head = _head(upload)
    if looks_like_markup(head):
        raise ValidationError(
            _("This file is a web page or SVG drawing, which cannot be uploaded here."),
            code="markup",
        )
    if ext in TEXT_EXTENSIONS:
        try:
            head.decode("utf-8")
        except UnicodeDecodeError as exc:
            # A multi-byte character cut at the end of the sample is still text.
            if exc.start < len(head) - 4:
                raise ValidationError(
                    _("This is not a plain-text .%(ext)s file (save it as UTF-8 text).")
                    % {"ext": ext},
                    code="wrong_type",
                ) from exc
        return
    kind = filetype.guess(head)
    if kind is None or kind.mime not in CONTENT_TYPES.get(ext, set()):
        raise ValidationError(
            _("This file is called .%(ext)s but its content is not a %(upper)s file.")
            % {"ext": ext, "upper": ext.upper()},
            code="wrong_type",
        )
    if ext in AUDIO_EXTENSIONS and not is_audio(upload):
        raise ValidationError(
            _("This file could not be read as audio. Upload an MP3, M4A or Ogg file."),
            code="not_audio",
        )


def check_document(upload) -> None:
    """Size and content checks for an uploaded document (Wagtail checks the extension)."""
    ext = extension(upload.name)
    if ext not in settings.WAGTAILDOCS_EXTENSIONS:
        return  # Wagtail's own extension validator reports it
    check_size(upload, ext)
    check_content(upload, ext)


class DocumentForm(BaseDocumentForm):
    """Wagtail's document form, with size and content checks on the file."""

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        # An unchanged file on the edit form is the stored one: it was checked on upload.
        if upload is not None and hasattr(upload, "content_type"):
            check_document(upload)
        return upload
