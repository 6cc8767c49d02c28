"""Backups of a whole newsroom: the database and the uploaded files, in one tar archive.

An archive holds ``manifest.json`` (Dateline's version, the database engine, when it was
made, how many pages it has, and a SHA-256 of every other member), the database
(``database.dump`` from pg_dump's custom format, or ``database.sqlite3``, a consistent copy
made with SQLite's backup API while the site runs) and the folders ``media/`` (the uploads:
MEDIA_ROOT, or the media prefix of the bucket) and ``submissions/`` (the Contact form's
private attachments, on disk or in the bucket).

Restoring checks the whole archive before it touches anything, then replaces the database
in one transaction (psql ``--single-transaction`` on PostgreSQL; SQLite's backup API, which
writes the copy in one transaction) and swaps each folder in with a rename; in a bucket,
it writes every file of the archive, then deletes the files the archive did not have. A
failure leaves the database as it was. An archive made on disk restores into a bucket and
back: the way to move a site's uploads to object storage.
"""

import datetime
import hashlib
import io
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
import zlib
from contextlib import closing
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from django.conf import settings
from django.core.files.storage import Storage, default_storage
from django.db import connection, connections

from . import object_storage

FORMAT = 1
MANIFEST = "manifest.json"
DATABASE_MEMBERS = {"postgresql": "database.dump", "sqlite": "database.sqlite3"}


class BackupError(Exception):
    """A backup or restore that cannot go ahead, with a message for the person running it."""


@dataclass
class Manifest:
    format: int
    dateline_version: str
    engine: str
    created_at: str
    page_count: int
    checksums: dict[str, str]

    def to_json(self) -> bytes:
        return json.dumps(self.__dict__, indent=2, sort_keys=True).encode()


def dateline_version() -> str:
    try:
        return version("dateline")
    except PackageNotFoundError:
        return "unknown"


def engine() -> str:
    if connection.vendor not in DATABASE_MEMBERS:
        raise BackupError(f"Backups support PostgreSQL and SQLite, not {connection.vendor}.")
    return connection.vendor


def areas() -> dict[str, Storage]:
    """The uploaded files an archive holds, by their folder's name in it."""
    return {"media": default_storage, "submissions": object_storage.private_storage}


def folders() -> dict[str, Path]:
    """The areas on local disk: folders, swapped in whole on restore."""
    found = {}
    if object_storage.is_local(default_storage):
        found["media"] = Path(settings.MEDIA_ROOT)
    submissions = settings.DATELINE_SUBMISSIONS_ROOT
    if submissions and object_storage.is_local(object_storage.private_storage):
        found["submissions"] = Path(submissions)
    return found


def buckets() -> dict[str, Storage]:
    """The areas in object storage (settings/storage.py): copied file by file."""
    return {name: s for name, s in areas().items() if not object_storage.is_local(s)}


def page_count() -> int:
    from wagtail.models import Page

    return Page.objects.count()


# --- backing up ------------------------------------------------------------------------


def _pg_env() -> dict:
    """libpq's variables for the default database, so no password is on a command line."""
    db = connection.settings_dict
    env = dict(os.environ)
    for variable, key in (
        ("PGHOST", "HOST"),
        ("PGPORT", "PORT"),
        ("PGUSER", "USER"),
        ("PGPASSWORD", "PASSWORD"),
        ("PGDATABASE", "NAME"),
    ):
        if db.get(key):
            env[variable] = str(db[key])
    return env


def _run(args: list[str], what: str, **kwargs) -> subprocess.CompletedProcess:
    try:
        result = subprocess.run(args, env=_pg_env(), capture_output=True, **kwargs)
    except FileNotFoundError as exc:
        missing = f"{args[0]} is not installed (apt-get install postgresql-client)."
        raise BackupError(missing) from exc
    if result.returncode != 0:
        raise BackupError(f"{what} failed: {result.stderr.decode(errors='replace').strip()}")
    return result


def _dump_database(target: Path) -> None:
    if engine() == "postgresql":
        _run(["pg_dump", "--format=custom", "--no-owner", "--no-acl", "-f", str(target)], "pg_dump")
        return
    connection.ensure_connection()
    with closing(sqlite3.connect(target)) as copy:
        # The backup API copies a consistent snapshot while the site keeps writing.
        connection.connection.backup(copy)


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _download_buckets(work: Path) -> dict[str, Path]:
    """Every file of the areas in object storage, copied under ``work``; by member name."""
    files = {}
    for name, storage in buckets().items():
        for file_name in sorted(object_storage.walk(storage)):
            member = f"{name}/{file_name}"
            if not _safe_member_name(member):
                continue
            target = work / "buckets" / member
            target.parent.mkdir(parents=True, exist_ok=True)
            object_storage.download(storage, file_name, target)
            files[member] = target
    return files


def backup(output: Path) -> Manifest:
    """Write the archive to ``output`` (gzip-compressed if its name ends in .gz)."""
    output = Path(output)
    kind = engine()
    with tempfile.TemporaryDirectory(prefix="dateline-backup-") as work:
        database = Path(work) / DATABASE_MEMBERS[kind]
        _dump_database(database)
        files = {DATABASE_MEMBERS[kind]: database}
        for name, root in folders().items():
            if root.is_dir():
                for path in sorted(root.rglob("*")):
                    if path.is_file() and not path.is_symlink():
                        files[f"{name}/{path.relative_to(root).as_posix()}"] = path
        files.update(_download_buckets(Path(work)))
        manifest = Manifest(
            format=FORMAT,
            dateline_version=dateline_version(),
            engine=kind,
            created_at=datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
            page_count=page_count(),
            checksums={member: _sha256(path) for member, path in files.items()},
        )
        partial = output.with_name(output.name + ".partial")
        mode = "w:gz" if output.name.endswith(".gz") else "w"
        with tarfile.open(partial, mode) as archive:
            data = manifest.to_json()
            info = tarfile.TarInfo(MANIFEST)
            info.size = len(data)
            info.mtime = int(datetime.datetime.now().timestamp())
            archive.addfile(info, io.BytesIO(data))
            for member, path in files.items():
                archive.add(path, arcname=member, recursive=False)
        # A reader of OUTPUT never sees half an archive.
        os.replace(partial, output)
    return manifest


# --- restoring -------------------------------------------------------------------------


def read_manifest(archive: tarfile.TarFile) -> Manifest:
    try:
        data = json.loads(archive.extractfile(MANIFEST).read())
        manifest = Manifest(**data)
    except (KeyError, AttributeError, TypeError, ValueError) as exc:
        raise BackupError("This is not a Dateline backup: it has no readable manifest.") from exc
    if manifest.format != FORMAT:
        raise BackupError(f"This backup's format ({manifest.format}) is not {FORMAT}.")
    return manifest


def _safe_member_name(name: str) -> bool:
    path = Path(name)
    return not path.is_absolute() and ".." not in path.parts


def _extract_verified(archive: tarfile.TarFile, manifest: Manifest, into: Path) -> None:
    """Extract every member the manifest lists, checking its SHA-256; refuse anything else."""
    members = {m.name: m for m in archive.getmembers() if m.name != MANIFEST}
    unknown = set(members) - set(manifest.checksums)
    missing = set(manifest.checksums) - set(members)
    if unknown or missing:
        raise BackupError(
            "This backup has been altered: "
            + (f"unexpected {sorted(unknown)[:3]} " if unknown else "")
            + (f"missing {sorted(missing)[:3]}" if missing else "")
        )
    for name, member in members.items():
        if not member.isfile() or not _safe_member_name(name):
            raise BackupError(f"This backup has been altered: {name!r} is not a plain file.")
        target = into / name
        target.parent.mkdir(parents=True, exist_ok=True)
        digest = hashlib.sha256()
        with archive.extractfile(member) as source, target.open("wb") as out:
            for chunk in iter(lambda: source.read(1 << 20), b""):  # noqa: B023
                digest.update(chunk)
                out.write(chunk)
        if digest.hexdigest() != manifest.checksums[name]:
            raise BackupError(f"This backup is damaged or altered: {name} fails its checksum.")


def database_has_content() -> bool:
    return "django_migrations" in connection.introspection.table_names()


def _restore_postgresql(dump: Path) -> None:
    script = _run(["pg_restore", "--no-owner", "--no-acl", "-f", "-", str(dump)], "pg_restore")
    connections.close_all()
    # One transaction: the old schema is dropped only if the whole dump then loads.
    _run(
        ["psql", "--no-psqlrc", "--quiet", "--single-transaction", "-v", "ON_ERROR_STOP=1",
         "-c", "DROP SCHEMA public CASCADE", "-c", "CREATE SCHEMA public", "-f", "-"],
        "Loading the database",
        input=script.stdout,
    )  # fmt: skip


def _restore_sqlite(copy: Path) -> None:
    with closing(sqlite3.connect(copy)) as source:
        if source.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
            raise BackupError("The database in this backup fails SQLite's integrity check.")
        connection.ensure_connection()
        # The backup API writes the whole copy into the live database in one transaction,
        # so readers see the old database or the new one, and its WAL stays consistent.
        source.backup(connection.connection)


def _swap_folder(new: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    staged = target.with_name(f".{target.name}.restoring")
    old = target.with_name(f".{target.name}.replaced")
    shutil.rmtree(staged, ignore_errors=True)
    shutil.rmtree(old, ignore_errors=True)
    shutil.copytree(new, staged) if new.is_dir() else staged.mkdir()
    if target.exists():
        target.rename(old)
    staged.rename(target)
    shutil.rmtree(old, ignore_errors=True)


def _unpack(source: Path, kind: str, into: Path) -> Manifest:
    """Check the archive at ``source`` and extract it into ``into``; its manifest."""
    with tarfile.open(source) as archive:
        manifest = read_manifest(archive)
        if manifest.engine != kind:
            raise BackupError(
                f"This backup is of a {manifest.engine} database; this site runs on {kind}. "
                "Restore it on a site with the same engine (move between engines with "
                "`dateline dumpdata`/`loaddata`)."
            )
        if DATABASE_MEMBERS[kind] not in manifest.checksums:
            raise BackupError("This backup has no database in it.")
        _extract_verified(archive, manifest, into)
    return manifest


def restore(source: Path, *, force: bool = False) -> Manifest:
    """Replace the database and folders with those of the archive at ``source``."""
    kind = engine()
    with tempfile.TemporaryDirectory(prefix="dateline-restore-") as work:
        try:
            manifest = _unpack(Path(source), kind, Path(work))
        except (OSError, EOFError, tarfile.TarError, zlib.error) as exc:
            raise BackupError(
                f"Cannot read {source}: it is damaged or not a backup ({exc})."
            ) from exc
        if not force and database_has_content():
            raise BackupError(
                f"The database already has Dateline's tables ({page_count()} pages). "
                "Restoring replaces everything in it: run again with --force."
            )
        database = Path(work) / DATABASE_MEMBERS[kind]
        if kind == "postgresql":
            _restore_postgresql(database)
        else:
            _restore_sqlite(database)
        for name, target in folders().items():
            _swap_folder(Path(work) / name, target)
        for name, storage in buckets().items():
            _replace_bucket_files(Path(work) / name, storage)
    return manifest


def _replace_bucket_files(new: Path, storage: Storage) -> None:
    """Make the area in ``storage`` hold what the folder ``new`` holds: every file is
    written first, then the files the backup did not have are deleted, so that a failure
    half-way leaves more files, never fewer."""
    restored = set()
    if new.is_dir():
        for path in sorted(new.rglob("*")):
            if path.is_file():
                name = path.relative_to(new).as_posix()
                object_storage.upload(storage, name, path)
                restored.add(name)
    for name in set(object_storage.walk(storage)) - restored:
        storage.delete(name)
