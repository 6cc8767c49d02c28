"""What Dateline needs of a storage beyond Django's API, the same on local disk and in an
S3-compatible bucket (settings/storage.py): every file it holds, and whether it can be
written (a deploy check)."""

import mimetypes
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path

from django.conf import settings
from django.core.files.base import ContentFile, File
from django.core.files.storage import FileSystemStorage, Storage, storages
from django.core.signals import setting_changed
from django.utils.functional import LazyObject, empty


class PrivateStorage(LazyObject):
    """Where the Contact form's attachments live, never served to the public: the
    ``submissions`` storage when media is in a bucket (a prefix, or bucket, that no public
    policy covers: settings/storage.py), else the folder DATELINE_SUBMISSIONS_ROOT, outside
    MEDIA_ROOT. Resolved at first use, like Django's default_storage."""

    def _setup(self):
        if "submissions" in settings.STORAGES:
            self._wrapped = storages["submissions"]
        else:
            self._wrapped = FileSystemStorage(location=settings.DATELINE_SUBMISSIONS_ROOT)


private_storage = PrivateStorage()


def _forget_private_storage(*, setting, **kwargs):
    if setting in ("STORAGES", "DATELINE_SUBMISSIONS_ROOT"):
        private_storage._wrapped = empty


setting_changed.connect(_forget_private_storage)


def is_local(storage: Storage) -> bool:
    """True if the storage is a folder on this machine (it has paths)."""
    return isinstance(storage, FileSystemStorage)


def walk(storage: Storage) -> Iterator[str]:
    """The name of every file in ``storage``, in no particular order.

    A bucket is listed page by page (1,000 keys a request) rather than one request per
    "folder", which is what Storage.listdir would cost.
    """
    bucket = getattr(storage, "bucket", None)
    if bucket is not None:
        prefix = f"{storage.location}/" if storage.location else ""
        for item in bucket.objects.filter(Prefix=prefix):
            if not item.key.endswith("/"):
                yield item.key[len(prefix) :]
        return
    yield from _walk_folder(storage, "")


def _walk_folder(storage: Storage, folder: str) -> Iterator[str]:
    try:
        directories, files = storage.listdir(folder)
    except FileNotFoundError:
        return
    for name in files:
        yield f"{folder}/{name}" if folder else name
    for directory in directories:
        yield from _walk_folder(storage, f"{folder}/{directory}" if folder else directory)


def _key(storage: Storage, name: str) -> str:
    return f"{storage.location}/{name}" if storage.location else name


def stat(storage: Storage, name: str) -> tuple[int, float] | None:
    """(size in bytes, modification time as a timestamp) of a stored file, or None if
    there is no such file; one request in a bucket."""
    bucket = getattr(storage, "bucket", None)
    if bucket is None:
        try:
            found = Path(storage.path(name)).stat()
        except (FileNotFoundError, NotADirectoryError):
            return None
        return found.st_size, found.st_mtime
    from botocore.exceptions import ClientError

    item = bucket.Object(_key(storage, name))
    try:
        item.load()
    except ClientError as exc:
        if exc.response.get("Error", {}).get("Code") in ("404", "NoSuchKey", "NotFound"):
            return None
        raise
    return item.content_length, item.last_modified.timestamp()


def download(storage: Storage, name: str, target: Path) -> None:
    """Copy the file ``name`` of ``storage`` to the local file ``target``, in chunks (a
    bucket's file is not held in memory, as Storage.open would)."""
    bucket = getattr(storage, "bucket", None)
    if bucket is not None:
        bucket.download_file(_key(storage, name), str(target))
        return
    with storage.open(name, "rb") as source, target.open("wb") as out:
        shutil.copyfileobj(source, out, 1 << 20)


def upload(storage: Storage, name: str, source: Path) -> None:
    """Write the local file ``source`` to ``storage`` as ``name``, replacing what is there."""
    bucket = getattr(storage, "bucket", None)
    if bucket is not None:
        extra = {
            "ContentType": mimetypes.guess_type(name)[0] or "application/octet-stream",
            **storage.object_parameters,
        }
        bucket.upload_file(str(source), _key(storage, name), ExtraArgs=extra)
        return
    storage.delete(name)
    with source.open("rb") as handle:
        storage.save(name, File(handle))


def remote_storages() -> dict[str, Storage]:
    """The configured storages that are not folders on this machine, by alias."""
    found = {}
    for alias in settings.STORAGES:
        if alias != "staticfiles" and not is_local(storages[alias]):
            found[alias] = storages[alias]
    return found


def write_problem(storage: Storage) -> str:
    """Why a tiny file cannot be written to and deleted from ``storage``; "" if it can."""
    name = f".dateline-check/{uuid.uuid4().hex}.txt"
    try:
        saved = storage.save(name, ContentFile(b"dateline deploy check"))
        storage.delete(saved)
    except Exception as exc:  # noqa: BLE001 - any failure is the warning's message
        return f"{type(exc).__name__}: {exc}"
    return ""
