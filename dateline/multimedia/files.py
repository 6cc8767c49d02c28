"""What an uploaded audio or video file is: its type by name, whether it reads as audio,
and its length."""

import logging

import mutagen

logger = logging.getLogger(__name__)

AUDIO_TYPES = {
    ".mp3": "audio/mpeg",
    ".m4a": "audio/x-m4a",
    ".mp4": "audio/mp4",
    ".ogg": "audio/ogg",
}
VIDEO_TYPES = {".mp4": "video/mp4", ".webm": "video/webm", ".m4v": "video/x-m4v"}


def file_type(document, types: dict) -> str:
    """The MIME type of an uploaded file, from its extension ("" if not one of ``types``)."""
    name = document.file.name.lower() if document and document.file else ""
    return next((mime for ext, mime in types.items() if name.endswith(ext)), "")


def audio_file_is_readable(document) -> bool:
    """True if the document's stored file reads as audio (by content, not by its name)."""
    from dateline.core.uploads import is_audio  # its document form needs the app registry

    try:
        with document.file.open("rb") as handle:
            return is_audio(handle)
    except (OSError, ValueError):
        return False


def audio_duration(document) -> int:
    """The length of an uploaded audio file in whole seconds (0 if it cannot be read).

    Podcast apps show itunes:duration before downloading, so editors need not type it.
    """
    try:
        with document.open_file() as handle:
            audio = mutagen.File(handle)
    except (OSError, mutagen.MutagenError, ValueError) as exc:
        logger.warning("Could not read the length of %s: %s", document, exc)
        return 0
    if audio is None or audio.info is None:
        return 0
    return round(audio.info.length)
