"""Files of the old site: from a local copy of its uploads folder (``--media-dir``), or
downloaded when asked (``--fetch-media``), each brought in once, found again by the
SHA-256 of its content. A file that cannot be found is listed in the report, never fatal.
"""

from __future__ import annotations

import hashlib
import re
import urllib.request
from io import BytesIO
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

from django.core.files.base import ContentFile
from django.db import transaction
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from .models import ImportedMedia

# Where each platform keeps its uploads, in the file's address.
UPLOAD_ROOTS = ("/wp-content/uploads/", "/content/images/", "/content/media/", "/content/files/")
RESIZED = re.compile(r"-(\d+x\d+|scaled|rotated|e\d{10,})(?=\.[A-Za-z0-9]+$)")
IMAGE_TYPES = {"JPEG", "PNG", "GIF", "WEBP"}
FETCH_TIMEOUT = 20  # seconds, per file
FETCH_LIMIT = 50 * 1024 * 1024  # bytes
RECORDS_KEPT = 5000  # images and documents kept in memory during a run


def relative_path(url: str) -> str:
    """The path of a file inside the uploads folder (WordPress: 2019/05/photo.jpg) or the
    content folder (Ghost: images/2019/05/photo.jpg)."""
    path = unquote(urlsplit(url).path)
    for root in UPLOAD_ROOTS:
        if root in path:
            rest = path.split(root, 1)[1]
            if root == "/content/images/" and rest.startswith("size/"):
                rest = rest.split("/", 2)[2] if rest.count("/") >= 2 else rest  # size/w600/...
            if root.startswith("/content/"):  # Ghost: --media-dir is the content folder
                rest = root.removeprefix("/content/") + rest
            return rest.lstrip("/")
    return PurePosixPath(path).name


class MediaStore:
    def __init__(self, media_dir: Path | None, fetch: bool, dry_run: bool, owner):
        self.media_dir = Path(media_dir) if media_dir else None
        self.fetch = fetch
        self.dry_run = dry_run
        self.owner = owner  # the importer, whose report is the current one
        self.by_url: dict[str, int | None] = {}  # "image:url" or "document:url" -> pk
        self.records: dict[tuple[str, int], object] = {}  # the images and documents, found

    @property
    def report(self):
        return self.owner.report

    # What the pipeline asks

    def image(self, url: str, item_id: str, attachment=None):
        return self._record("image", self._get(url, item_id, "image", attachment))

    def document(self, url: str, item_id: str):
        return self._record("document", self._get(url, item_id, "document", None))

    def _record(self, kind: str, pk: int | None):
        """The image or document ``pk``, read once a run (a few thousand kept)."""
        if not pk:
            return None
        if (kind, pk) not in self.records:
            if len(self.records) >= RECORDS_KEPT:
                self.records.clear()
            model = get_image_model() if kind == "image" else get_document_model()
            self.records[kind, pk] = model.objects.filter(pk=pk).first()
        return self.records[kind, pk]

    def file_url(self, url: str, item_id: str) -> str | None:
        """The new address of an uploaded file linked from a body."""
        is_image = re.search(r"\.(jpe?g|png|gif|webp)$", urlsplit(url).path, re.I)
        if is_image:
            image = self.image(url, item_id)
            return image.file.url if image is not None else None
        document = self.document(url, item_id)
        return document.url if document is not None else None

    # The work

    def _get(self, url: str, item_id: str, kind: str, attachment) -> int | None:
        if not url:
            return None
        key = f"{kind}:{url}"
        if key in self.by_url:
            return self.by_url[key]
        data, name = self._read(url)
        if data is None:
            self.report.counts["media_missing"] += 1
            self.report.add("media_missing", {"item": item_id, "url": url})
            self.by_url[key] = None
            return None
        digest = hashlib.sha256(data).hexdigest()
        known = ImportedMedia.objects.filter(sha256=digest).first()
        pk = None
        if known is not None:
            pk = known.image_id if kind == "image" else known.document_id
        if pk is not None:
            self.report.counts["media_reused"] += 1
        elif self.dry_run:
            self.report.counts["media_imported"] += 1
        else:
            pk = self._create(kind, data, name, digest, url, known, attachment, item_id)
        self.by_url[key] = pk
        return pk

    def _read(self, url: str) -> tuple[bytes | None, str]:
        relative = relative_path(url)
        name = PurePosixPath(relative).name or "file"
        if self.media_dir is not None:
            for candidate in (relative, RESIZED.sub("", relative)):
                path = self.media_dir / candidate
                if path.is_file():
                    return path.read_bytes(), path.name
        if self.fetch and url.startswith(("http://", "https://")):
            original = RESIZED.sub("", url)
            for candidate in (url, original) if original != url else (url,):
                data = self._download(candidate)
                if data is not None:
                    return data, name
        return None, name

    def _download(self, url: str) -> bytes | None:
        request = urllib.request.Request(url, headers={"User-Agent": "Dateline importer"})
        try:
            with urllib.request.urlopen(request, timeout=FETCH_TIMEOUT) as response:
                length = int(response.headers.get("Content-Length") or 0)
                if length > FETCH_LIMIT:
                    return None
                data = response.read(FETCH_LIMIT + 1)
                return data if len(data) <= FETCH_LIMIT else None
        except (OSError, ValueError):
            return None

    @transaction.atomic
    def _create(self, kind, data, name, digest, url, known, attachment, item_id) -> int | None:
        title = (attachment.title if attachment and attachment.title else PurePosixPath(name).stem)[
            :255
        ]
        if kind == "image":
            try:
                with PILImage.open(BytesIO(data)) as picture:
                    if picture.format not in IMAGE_TYPES:
                        raise ValueError(picture.format)
                    picture.verify()
            except Exception:
                self.report.warn(item_id, f"not an image that can be shown: {url}")
                return None
            record = get_image_model()(title=title)
            record.file = ContentFile(data, name=name)
            record.save()
        else:
            record = get_document_model()(title=title)
            record.file = ContentFile(data, name=name)
            record.save()
        if known is None:
            ImportedMedia.objects.create(
                sha256=digest,
                original=url[:1000],
                image=record if kind == "image" else None,
                document=record if kind == "document" else None,
            )
        else:
            setattr(known, kind, record)
            known.save()
        self.report.counts["media_imported"] += 1
        return record.pk
