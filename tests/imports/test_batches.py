"""Imports written in batches (several items a transaction, public posts in bulk): the tree
stays valid, every story is reachable as an editor's would be, and a failure stays with its
own item."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page

from dateline.imports.models import ImportedItem
from dateline.news.models import ArticlePage
from tests.helpers.factories import ArticlePageFactory, make_russian_edition
from tests.helpers.wxr import numbered_export

pytestmark = pytest.mark.django_db


def assert_tree_valid():
    evil_chars, bad_steplen, orphans, wrong_depth, wrong_numchild = Page.find_problems()
    assert not (evil_chars or bad_steplen or orphans or wrong_depth or wrong_numchild)


def linked_ids(article: ArticlePage) -> list[int]:
    source = "".join(
        block.value.source for block in article.body if block.block_type == "paragraph"
    )
    return [int(pk) for pk in re.findall(r'linktype="page" id="(\d+)"', source)]


def test_batches_keep_the_tree_valid_and_every_story_reachable(
    site, run_import, client, admin_client, tmp_path, django_assert_max_num_queries
):
    make_russian_edition(site)
    english = numbered_export(tmp_path / "en.xml", 25)
    russian = numbered_export(
        tmp_path / "ru.xml",
        6,
        host="https://arhiv.example.org",
        title="Архивная статья {n}",
        text="Статья номер {n} рассказывает о перевале.",
        author="Архивный отдел",
        start=100,
    )
    report = run_import("wordpress", english, "--batch-size", "4")
    assert (report["counts"]["created"], report["counts"]["failed"]) == (25, 0)
    run_import("wordpress", russian, "--batch-size", "4", "--edition", "ru")
    assert_tree_valid()
    home = Page.objects.get(pk=site["home"].pk)
    assert home.numchild == home.get_children().count()

    stories = {key.source_id: key.page for key in ImportedItem.objects.filter(kind="post")}
    story = ArticlePage.objects.get(pk=stories["5"].pk)
    # Links to a story of the same batch, of an earlier one and of a later one (second look).
    assert linked_ids(story) == [stories["4"].pk, stories["6"].pk]
    assert linked_ids(ArticlePage.objects.get(pk=stories["8"].pk)) == [
        stories["7"].pk,
        stories["9"].pk,
    ]
    assert [t.term.slug for t in story.tags.all()] == ["armenia"]
    assert [c.author.title for c in story.authors.all()] == ["Archive Desk"]
    assert client.get("/?p=5")["Location"] == story.url
    assert client.get("/2020/01/story-5/").status_code == 301
    # An imported story costs readers no more queries than an editor's of the same shape.
    editors = ArticlePageFactory(
        parent=site["home"], terms=[site["armenia"]], authors=[story.authors.get().author]
    )
    editors.body = story.body  # the same paragraphs and links, published by an editor
    editors.save_revision().publish()
    client.get("/")  # the edition's menus and settings warmed
    with CaptureQueriesContext(connection) as editors_queries:
        assert client.get(editors.url).status_code == 200
    with django_assert_max_num_queries(len(editors_queries)):
        page = client.get(story.url)
    assert page.status_code == 200 and "Story number 5 tells" in page.content.decode()
    # Found by search in both editions, listed under its place, in the feed.
    assert "Archive story" in client.get("/search/", {"q": "mountain pass"}).content.decode()
    found = client.get("/ru/search/", {"q": "перевале"}).content.decode()
    assert "Архивная статья 10" in found  # posts 101 to 106
    assert "Archive story 25" in client.get(site["armenia"].url).content.decode()
    assert "Archive story 25" in client.get("/feeds/rss/").content.decode()
    # Editors open an imported story as any other.
    assert admin_client.get(f"/admin/pages/{story.pk}/edit/").status_code == 200

    pages = Page.objects.count()
    edited = numbered_export(tmp_path / "en2.xml", 25, edit=" A correction followed.")
    again = run_import("wordpress", edited, "--batch-size", "4")
    assert (again["counts"]["created"], again["counts"]["updated"]) == (0, 25)
    # 50 old story addresses, 4 old feeds, the tag and the author archives: all there already
    assert again["counts"]["redirects"] == 0 and again["counts"]["redirects_kept"] == 56
    assert Page.objects.count() == pages
    assert_tree_valid()
    story = ArticlePage.objects.get(pk=story.pk)
    assert "A correction followed." in story.body[1].value.source and story.slug == "story-5"
    assert linked_ids(story) == [stories["4"].pk, stories["6"].pk]
    assert story.tags.count() == 1 and story.authors.count() == 1
    assert "Archive story" in client.get("/search/", {"q": "correction"}).content.decode()


def test_an_article_that_cannot_be_written_fails_alone(site, run_import, tmp_path, monkeypatch):
    from dateline.imports.pipeline import bulk

    original = bulk.write

    def refuse_story_3(entries):
        if any(entry.item.source_id == "3" for entry in entries):
            raise RuntimeError("the database said no")
        return original(entries)

    monkeypatch.setattr(bulk, "write", refuse_story_3)
    export = numbered_export(tmp_path / "en.xml", 10)
    report = run_import("wordpress", export, "--batch-size", "4")
    assert (report["counts"]["created"], report["counts"]["failed"]) == (9, 1)
    assert report["errors"][0]["item"] == "3"
    # Nothing of story 3 is left, whatever its batch wrote for the others.
    assert not ArticlePage.objects.filter(slug="story-3").exists()
    assert not ImportedItem.objects.filter(source_id="3").exists()
    assert not Redirect.objects.filter(old_path="/2020/01/story-3").exists()
    assert ArticlePage.objects.filter(slug__in=["story-1", "story-4"]).count() == 2
    assert_tree_valid()
    monkeypatch.setattr(bulk, "write", original)
    resumed = run_import("wordpress", export, "--batch-size", "4")
    assert (resumed["counts"]["created"], resumed["counts"]["unchanged"]) == (1, 9)
    assert_tree_valid()


def test_the_batch_size_must_be_a_whole_number(site, tmp_path):
    from django.core.management import CommandError, call_command

    with pytest.raises(CommandError, match="not a whole number above 0"):
        call_command("import", "wordpress", str(tmp_path / "x.xml"), "--batch-size", "0")


def test_a_second_run_skips_what_did_not_change_and_updates_what_did(
    site, run_import, client, tmp_path
):
    export = numbered_export(tmp_path / "en.xml", 12)
    first = run_import("wordpress", export, "--batch-size", "5")
    assert first["counts"]["created"] == 12
    pages = Page.objects.count()
    before = {
        key.source_id: (key.updated_at, key.page.specific.last_published_at)
        for key in ImportedItem.objects.filter(kind="post").select_related("page")
    }
    edited = tmp_path / "edited.xml"
    edited.write_text(
        export.read_text().replace("Story number 7 tells", "Story number 7, corrected, tells")
    )

    again = run_import("wordpress", edited, "--batch-size", "5")
    counts = again["counts"]
    assert (counts["created"], counts["updated"], counts["unchanged"]) == (0, 1, 11)
    assert Page.objects.count() == pages
    assert_tree_valid()
    after = {
        key.source_id: (key.updated_at, key.page.specific.last_published_at)
        for key in ImportedItem.objects.filter(kind="post").select_related("page")
    }
    assert {n for n in before if before[n] != after[n]} == {"7"}
    story = ArticlePage.objects.get(pk=ImportedItem.objects.get(source_id="7").page_id)
    assert "corrected" in client.get(story.url).content.decode()
    assert "Archive story 7" in client.get("/search/", {"q": "corrected"}).content.decode()

    # The same export once more: nothing written, and no query for each story.
    statements = []

    def record(execute, sql, params, many, context):
        statements.append(sql)  # the import clears Django's own query log every batch
        return execute(sql, params, many, context)

    with connection.execute_wrapper(record):
        third = run_import("wordpress", edited, "--batch-size", "5")
    counts = third["counts"]
    assert (counts["created"], counts["updated"], counts["unchanged"]) == (0, 0, 12)
    writes = [sql for sql in statements if sql.lstrip().startswith(("INSERT", "UPDATE", "DELETE"))]
    assert all("imports_importrun" in sql for sql in writes), writes
    # The import keys read once a batch (12 stories in batches of 5), nothing for a story.
    assert sum("imports_importeditem" in sql for sql in statements) == 3
    assert not any("news_articlepage" in sql for sql in statements)
    assert sum(sql.startswith("SAVEPOINT") for sql in statements) < 12  # the archives' only
