"""`dateline backup` and `dateline restore`: a round trip gives back every page and file;
a restore that cannot be trusted is refused and leaves the site as it was."""

import io
import json
import tarfile
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from wagtail.models import Page

from dateline.core import backups
from dateline.news.models import ArticlePage
from tests.helpers.factories import make_articles, make_site

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def newsroom(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    settings.DATELINE_SUBMISSIONS_ROOT = str(tmp_path / "submissions")
    site = make_site()
    kept, removed = make_articles(site, 2)
    return {"kept": kept, "removed": removed, "image": Path(kept.lead_image.file.path)}


def snapshot(article_pk: int) -> dict:
    article = ArticlePage.objects.get(pk=article_pk)
    return {
        "pages": Page.objects.count(),
        "title": article.title,
        "body": json.dumps(article.body.get_prep_value(), sort_keys=True),
        "live": article.live,
    }


def edit_and_lose_things(newsroom) -> None:
    article = ArticlePage.objects.get(pk=newsroom["kept"].pk)
    article.title = "A headline written after the backup"
    article.body = [("paragraph", "<p>Nothing of this was in the backup.</p>")]
    article.save_revision().publish()
    ArticlePage.objects.get(pk=newsroom["removed"].pk).delete()
    newsroom["image"].unlink()
    (newsroom["image"].parent / "stray.txt").write_text("not in the backup")


def test_round_trip_gives_back_pages_content_and_media(newsroom, tmp_path):
    before = snapshot(newsroom["kept"].pk)
    image_bytes = newsroom["image"].read_bytes()
    archive = tmp_path / "newsroom.tar.gz"
    call_command("backup", str(archive), stdout=io.StringIO())

    edit_and_lose_things(newsroom)
    assert snapshot(newsroom["kept"].pk) != before

    out = io.StringIO()
    call_command("restore", str(archive), force=True, stdout=out)
    assert snapshot(newsroom["kept"].pk) == before
    assert ArticlePage.objects.filter(pk=newsroom["removed"].pk).exists()
    assert newsroom["image"].read_bytes() == image_bytes
    assert not (newsroom["image"].parent / "stray.txt").exists()
    assert f"Restored {before['pages']} pages" in out.getvalue()


def test_the_manifest_says_what_is_inside(newsroom, tmp_path):
    archive = tmp_path / "newsroom.tar"
    call_command("backup", str(archive), stdout=io.StringIO())
    with tarfile.open(archive) as tar:
        manifest = json.loads(tar.extractfile("manifest.json").read())
        names = set(tar.getnames())
    assert manifest["engine"] == connection.vendor
    assert manifest["page_count"] == Page.objects.count()
    assert manifest["created_at"]
    assert manifest["dateline_version"]
    assert backups.DATABASE_MEMBERS[connection.vendor] in names
    assert any(name.startswith("media/original_images/") for name in names)


def rewrite(archive: Path, target: Path, change) -> None:
    """Copy ``archive`` to ``target``, passing each member's (name, bytes) through
    ``change``."""
    with tarfile.open(archive) as source, tarfile.open(target, "w") as copy:
        for member in source.getmembers():
            name, data = change(member.name, source.extractfile(member).read())
            info = tarfile.TarInfo(name)
            info.size = len(data)
            copy.addfile(info, io.BytesIO(data))


@pytest.fixture
def backed_up_then_edited(newsroom, tmp_path):
    archive = tmp_path / "newsroom.tar"
    call_command("backup", str(archive), stdout=io.StringIO())
    edit_and_lose_things(newsroom)
    newsroom["after_edit"] = snapshot(newsroom["kept"].pk)
    return archive


def assert_untouched(newsroom):
    assert snapshot(newsroom["kept"].pk) == newsroom["after_edit"]
    assert (newsroom["image"].parent / "stray.txt").exists()


def test_restore_refuses_a_database_with_content_without_force(newsroom, backed_up_then_edited):
    with pytest.raises(CommandError, match="already has Dateline's tables.*--force"):
        call_command("restore", str(backed_up_then_edited))
    assert_untouched(newsroom)


def test_restore_refuses_a_backup_of_the_other_engine(newsroom, backed_up_then_edited, tmp_path):
    other = "sqlite" if connection.vendor == "postgresql" else "postgresql"

    def other_engine(name, data):
        if name == "manifest.json":
            manifest = json.loads(data)
            manifest["engine"] = other
            data = json.dumps(manifest).encode()
        return name, data

    forged = tmp_path / "other.tar"
    rewrite(backed_up_then_edited, forged, other_engine)
    with pytest.raises(CommandError, match=f"backup is of a {other} database"):
        call_command("restore", str(forged), force=True)
    assert_untouched(newsroom)


def test_restore_refuses_a_tampered_file(newsroom, backed_up_then_edited, tmp_path):
    def swap_image(name, data):
        return name, (b"not the picture" if name.startswith("media/original_images/") else data)

    tampered = tmp_path / "tampered.tar"
    rewrite(backed_up_then_edited, tampered, swap_image)
    with pytest.raises(CommandError, match="fails its checksum"):
        call_command("restore", str(tampered), force=True)
    assert_untouched(newsroom)


def test_restore_refuses_an_added_file(newsroom, backed_up_then_edited, tmp_path):
    extra = tmp_path / "extra.tar"
    rewrite(backed_up_then_edited, extra, lambda name, data: (name, data))
    with tarfile.open(extra, "a") as tar:
        info = tarfile.TarInfo("media/../../evil.sh")
        info.size = 4
        tar.addfile(info, io.BytesIO(b"boom"))
    with pytest.raises(CommandError, match="altered"):
        call_command("restore", str(extra), force=True)
    assert_untouched(newsroom)


def test_restore_refuses_a_truncated_archive(newsroom, backed_up_then_edited, tmp_path):
    truncated = tmp_path / "truncated.tar"
    data = backed_up_then_edited.read_bytes()
    truncated.write_bytes(data[: len(data) // 2])
    with pytest.raises(CommandError, match="damaged|not a Dateline backup|Cannot read"):
        call_command("restore", str(truncated), force=True)
    assert_untouched(newsroom)


def test_a_database_load_that_fails_half_way_changes_nothing(
    newsroom, backed_up_then_edited, monkeypatch
):
    if connection.vendor != "postgresql":
        pytest.skip("SQLite's backup API copies in one step; there is no half-way to reach")
    real_run = backups._run

    def failing_half_way(args, what, **kwargs):
        result = real_run(args, what, **kwargs)
        if what == "pg_restore":
            # Half the tables are loaded, then a statement fails.
            half = len(result.stdout) // 2
            result.stdout = result.stdout[:half] + b"\n;\nSELECT 1/0;\n" + result.stdout[half:]
        return result

    monkeypatch.setattr(backups, "_run", failing_half_way)
    with pytest.raises(CommandError, match="Loading the database failed"):
        call_command("restore", str(backed_up_then_edited), force=True)
    assert snapshot(newsroom["kept"].pk) == newsroom["after_edit"]
