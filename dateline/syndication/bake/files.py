"""The output folder: files written whole, unchanged ones left alone, stale ones removed.

A static host may serve the folder while a bake writes to it, so each file is written
beside its target and renamed into place; nothing is ever written or deleted outside it.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from pathlib import Path

from django.utils.translation import gettext as _

from .addresses import file_for
from .result import BakeError, BakeResult

# WhiteNoise's compressed copies of a static file, for nginx's gzip_static.
COMPRESSED_SUFFIXES = (".gz", ".br")


class MirrorFolder:
    """The files of one bake; ``entries`` (address -> what was written) becomes the next
    manifest, ``previous`` is the last one's."""

    def __init__(self, output: Path, previous: dict[str, dict], result: BakeResult):
        self.output = output
        self.previous = previous
        self.entries: dict[str, dict] = {}
        self.result = result

    def store(self, url: str, path: str, body: bytes, *, kind: str, **extra) -> None:
        """Write ``body`` as the file the mirror serves at ``path``, unless the previous
        bake wrote the same bytes there."""
        relative = file_for(path)
        digest = hashlib.sha256(body).hexdigest()
        old = self.previous.get(url)
        if old and old.get("sha256") == digest and self.safe_target(relative).is_file():
            self.result.unchanged += 1
        else:
            self.write_bytes(relative, body)
            self.result.written.append(relative)
        self.entries[url] = {"file": relative, "kind": kind, "sha256": digest, **extra}

    def copy_file(self, url: str, source: Path) -> None:
        """Copy ``source`` to the file served at ``url``, unless the previous bake copied it
        with the same size and modification time."""
        stat = source.stat()
        self.copy_stored(
            url, stat.st_size, stat.st_mtime, lambda target: shutil.copyfile(source, target)
        )

    def copy_stored(self, url: str, size: int, mtime: float, write) -> None:
        """Have ``write(path)`` write the file served at ``url`` (``size`` bytes, modified
        at ``mtime``), unless the previous bake wrote it with the same size and time.
        Written beside the target and renamed into place."""
        relative = file_for(url)
        target = self.safe_target(relative)
        old = self.previous.get(url)
        if old and target.is_file() and old.get("size") == size and old.get("mtime") == mtime:
            self.result.unchanged += 1
        else:
            target.parent.mkdir(parents=True, exist_ok=True)
            partial = target.with_name(f".bake-{target.name}")
            write(partial)
            os.chmod(partial, 0o644)
            os.replace(partial, target)
            self.result.written.append(relative)
        self.entries[url] = {"file": relative, "kind": "file", "size": size, "mtime": mtime}

    def safe_target(self, relative: str) -> Path:
        target = (self.output / relative).resolve()
        if not target.is_relative_to(self.output.resolve()):
            raise BakeError(
                _("Refusing to write outside the output folder: %(path)s") % {"path": relative}
            )
        return target

    def write_bytes(self, relative: str, body: bytes) -> None:
        target = self.safe_target(relative)
        target.parent.mkdir(parents=True, exist_ok=True)
        # Write beside and rename: a host serving the folder never sees half a file.
        with tempfile.NamedTemporaryFile(
            dir=target.parent, prefix=".bake-", delete=False
        ) as handle:
            handle.write(body)
        os.chmod(handle.name, 0o644)
        os.replace(handle.name, target)

    def remove_stale(self) -> None:
        """Delete files the previous bake wrote and this one no longer produces (only ours)."""
        keep = {entry["file"] for entry in self.entries.values()}
        for url, entry in self.previous.items():
            if url in self.entries or entry["file"] in keep:
                continue
            target = self.safe_target(entry["file"])
            if target.is_file():
                target.unlink()
                self.result.removed.append(entry["file"])
            for suffix in COMPRESSED_SUFFIXES:
                target.with_name(target.name + suffix).unlink(missing_ok=True)
