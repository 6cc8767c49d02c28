"""Ghost exports read as a stream: large files in bounded memory, broken ones named."""

import json
import tracemalloc
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from dateline.imports import ghost
from dateline.imports.models import ImportedItem
from dateline.imports.sources import SourceError
from dateline.news.models import ArticlePage

FIXTURES = Path(__file__).parent / "fixtures"
PARAGRAPH = "The valley's councils met again on the water question, and again they disagreed. "


def write_export(path: Path, posts: int, body_words: int, shape: str = "db") -> Path:
    """A Ghost 5 export of ``posts`` posts, each with its body three times (HTML, mobiledoc,
    lexical) as Ghost writes it, written post by post (the test never holds it whole)."""
    body = PARAGRAPH * (body_words // len(PARAGRAPH.split()) + 1)
    html = f"<p>{body}</p>"
    mobiledoc = json.dumps({"version": "0.3.1", "sections": [[1, "p", [[0, [], 0, body]]]]})
    lexical = json.dumps({"root": {"children": [{"children": [{"text": body}]}]}})
    with open(path, "w", encoding="utf-8") as out:
        out.write('{"db": [{"meta": {"version": "5.80.0"}, "data": {' if shape == "db" else "")
        out.write('{"data": {' if shape == "flat" else "")
        out.write('"posts": [')
        for n in range(posts):
            post = {
                "id": f"p{n}", "uuid": f"u-{n}", "title": f"Water council, day {n}",
                "slug": f"water-council-{n}", "type": "post", "status": "published",
                "visibility": "public", "html": html, "mobiledoc": mobiledoc,
                "lexical": lexical, "published_at": "2024-03-01T10:00:00.000Z",
            }  # fmt: skip
            out.write(("," if n else "") + json.dumps(post))
        out.write('], "users": [{"id": "1", "name": "Ana Lomidze", "slug": "ana"}],')
        out.write('"tags": [{"id": "t1", "name": "Water", "slug": "water"}],')
        posts_tags = [{"post_id": f"p{n}", "tag_id": "t1"} for n in range(posts)]
        posts_authors = [{"post_id": f"p{n}", "author_id": "1"} for n in range(posts)]
        out.write(f'"posts_tags": {json.dumps(posts_tags)},')
        out.write(f'"posts_authors": {json.dumps(posts_authors)},')
        out.write('"settings": [{"key": "url", "value": "https://water.example.org"}]}')
        out.write("}]}" if shape == "db" else "}")
    return path


def peak_memory(work) -> tuple[object, int]:
    """What ``work()`` returns, and the most memory Python held while it ran."""
    tracemalloc.start()
    try:
        result = work()
        return result, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


@pytest.mark.parametrize("shape", ["db", "flat"])
def test_a_large_export_is_read_post_by_post(tmp_path, shape):
    path = write_export(tmp_path / "large.json", posts=3000, body_words=800, shape=shape)
    size = path.stat().st_size
    assert size > 40_000_000  # json.load would hold this text and its objects: 5 times the bound

    def read_all():
        found = ghost.scan(path)
        return found, sum(1 for _ in ghost.items(path, found))

    (found, count), peak = peak_memory(read_all)
    assert (found.items, count) == (3000, 3000)
    assert found.site_url == "https://water.example.org"
    assert found.links["water.example.org/water-council-2999"] == "p2999"
    assert peak < 8_000_000, f"peak {peak:,} bytes for a {size:,}-byte export"


@pytest.mark.django_db
def test_a_large_export_imports_in_bounded_memory(site, tmp_path):
    path = write_export(tmp_path / "large.json", posts=600, body_words=2000)
    size = path.stat().st_size
    assert size > 20_000_000
    report = tmp_path / "report.json"
    arguments = ["import", "ghost", str(path), "--no-progress", "--report", str(report)]
    _, peak = peak_memory(lambda: call_command(*arguments, "--batch-size", "20"))
    assert json.loads(report.read_text())["counts"]["created"] == 600
    story = ArticlePage.objects.get(slug="water-council-599")
    assert story.live and [a.author.title for a in story.authors.all()] == ["Ana Lomidze"]
    # json.load would hold the file's text and its objects: twice the file's size. Read as
    # a stream, the import holds a batch (7 MB measured; the reader alone, 1 MB).
    assert peak < 10_000_000, f"peak {peak:,} bytes for a {size:,}-byte export"


def test_a_truncated_export_names_where_it_ends(tmp_path):
    whole = write_export(tmp_path / "whole.json", posts=5, body_words=20).read_text()
    cut = tmp_path / "cut.json"
    cut.write_text(whole[: whole.index('"id": "p3"') + 20])
    with pytest.raises(SourceError) as raised:
        ghost.scan(cut)
    assert str(raised.value) == (
        f"{cut}: not a complete Ghost export: the file ends too early, "
        "in posts, post 4 (the one after id p2)"
    )


def test_a_malformed_export_names_the_post_and_shows_the_text(tmp_path):
    whole = write_export(tmp_path / "whole.json", posts=5, body_words=20).read_text()
    broken = tmp_path / "broken.json"
    broken.write_text(whole.replace('"slug": "water-council-1",', '"slug": "water-council-1"'))
    with pytest.raises(SourceError) as raised:
        ghost.scan(broken)
    message = str(raised.value)
    assert message.startswith(f"{broken}: not a complete Ghost export: in posts, post 2 ")
    assert "(the one after id p0)" in message and '"water-council-1" "type"' in message


@pytest.mark.django_db
def test_a_broken_ghost_file_stops_the_command_and_writes_nothing(site, tmp_path):
    broken = tmp_path / "broken.json"
    broken.write_text((FIXTURES / "ghost-flat.json").read_text()[:300])
    with pytest.raises(CommandError, match=r"broken.json: not a complete Ghost export: the file"):
        call_command("import", "ghost", str(broken), "--no-progress")
    assert not ImportedItem.objects.exists()


def test_a_file_without_posts_is_not_taken_for_an_export(tmp_path):
    other = tmp_path / "other.json"
    other.write_text('{"data": {"users": []}}')
    with pytest.raises(SourceError, match="no posts found: is this a Ghost export"):
        ghost.scan(other)
