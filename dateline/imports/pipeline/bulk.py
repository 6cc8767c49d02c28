"""Published articles written in bulk: the common case of an archive, at its scale.

A public post that becomes a new article, or updates an article that only imports ever
wrote (no revision of an editor's), is not saved through Wagtail's page API one by one
(a tree lock, a revision, a publish, signals: about 170 queries a story). It is queued
with its id, tree path and slug already decided, and the batch's articles are inserted
together at the batch's end: the page rows (``bulk_create``), the article rows (one
``executemany``: Django's ``bulk_create`` refuses multi-table models), tags, credits,
redirects and the import keys, then the batch's search entries in one pass. The ids
come from the table's own sequence, so that links between stories of the same batch
point at the right page before it is written; the paths are numbered after the parent's
last child while the parent's row is locked (treebeard's materialised path, as
``news.services.generate_articles`` does). If the batch's writes fail, each queued
article is written alone in its own savepoint: the ones that fail are reported, the
others are kept.

What these pages do not get: a revision (the first editor's save makes one; Wagtail's
editor opens a page without one), an entry in the page's History, and Wagtail's own
search and reference indexes, which only the admin's search and usage counts read
(``dateline update_index`` fills them when wanted). Readers' search, listings, feeds,
sitemaps, the API and the page cache follow as for an editor's publish.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page

from dateline.core import wagtail_internals
from dateline.news.models import ArticleAuthor, ArticlePage, ArticleTag
from dateline.search import services as search

from ..models import ImportedItem
from ..sources import Item
from .pages import slug_base

ARTICLE_FIELDS = [
    "title", "draft_title", "slug", "url_path", "first_published_at", "last_published_at",
    "standfirst", "lead_image", "lead_image_caption", "lead_image_alt", "body", "updated_at",
]  # fmt: skip
ID_BLOCK = 100  # page ids taken from the sequence at a time
KEY_FIELDS = ["kind", "page", "checksum", "old_url", "translation_group", "updated_at"]


@dataclass
class Queued:
    """One article waiting for the batch's end."""

    item: Item
    page: ArticlePage
    created: bool
    key: ImportedItem
    parent: Page
    edition: str  # the language code, whose page cache is retired once written
    tags: list = field(default_factory=list)
    credits: list = field(default_factory=list)
    redirects: list[str] = field(default_factory=list)  # old paths, normalised


class BulkPages:
    """The queue of one batch's articles, and what is decided before they are written."""

    def __init__(self, owner):
        self.owner = owner  # the importer: its report, cache and page ids
        self.queue: list[Queued] = []
        self.slugs: dict[int, set[str]] = {}  # parent pk -> its children's slugs
        self.next_child: dict[int, int] = {}  # parent pk -> the next path step's number
        self.ids: list[int] = []  # page ids taken from the sequence, not used yet
        self.content_type = ContentType.objects.get_for_model(ArticlePage)

    # Deciding

    def new_page(self, parent: Page, page: ArticlePage, wanted_slug: str) -> None:
        """Give a new article its id, slug, tree position and addresses under ``parent``."""
        if parent.pk not in self.next_child:
            self.next_child[parent.pk] = _next_child_number(parent)
        number = self.next_child[parent.pk]
        self.next_child[parent.pk] = number + 1
        step = wagtail_internals.number_to_step(number).rjust(Page.steplen, "0")
        page.id = page.page_ptr_id = self.take_id()
        page.path = parent.path + step
        page.depth = parent.depth + 1
        page.numchild = 0
        page.content_type = self.content_type
        page.translation_key = uuid.uuid4()
        page.live = True
        page.has_unpublished_changes = False
        self.place(parent, page, wanted_slug)

    def place(self, parent: Page, page: ArticlePage, wanted_slug: str) -> None:
        """A slug free among ``parent``'s children (the page's own kept if it still fits)."""
        taken = self.slugs_under(parent)
        base = slug_base(wanted_slug)
        own = page.slug if page.pk and not page._state.adding else ""
        if own and (own == base or _numbered(own, base)):
            slug = own
        else:
            slug, number = base, 2
            while slug in taken:
                slug = f"{base}-{number}"
                number += 1
        taken.add(slug)
        page.slug = slug
        page.url_path = f"{parent.url_path}{slug}/"
        page.draft_title = page.title

    def slugs_under(self, parent: Page) -> set[str]:
        if parent.pk not in self.slugs:
            self.slugs[parent.pk] = set(
                Page.objects.child_of(parent).values_list("slug", flat=True)
            )
        return self.slugs[parent.pk]

    def taken(self, parent: Page, slug: str) -> None:
        """A page written another way took ``slug`` under ``parent`` (and maybe a path)."""
        if parent.pk in self.slugs:
            self.slugs[parent.pk].add(slug)
        self.next_child.pop(parent.pk, None)

    def take_id(self) -> int:
        if not self.ids:
            self.ids = reserve_page_ids(min(self.owner.batch_size, ID_BLOCK))
        return self.ids.pop(0)

    def end_batch(self) -> None:
        """The batch is committed (or rolled back): its lock on the parents is gone, and
        ids not used are not kept (a rolled-back SQLite batch gave its own back)."""
        self.next_child.clear()
        self.ids = []

    def add(self, queued: Queued) -> None:
        self.queue.append(queued)
        self.owner.page_ids[queued.item.source_id] = queued.page.pk

    # Writing

    def flush(self) -> None:
        """Write what is queued: all together, else one by one (the failures reported)."""
        if not self.queue:
            return
        entries, self.queue = self.queue, []
        try:
            with transaction.atomic():
                made, kept = write(entries)
            written = entries
        except Exception:
            written, made, kept = [], 0, 0
            for entry in entries:
                redirects = self._write_alone(entry)
                if redirects is not None:
                    written.append(entry)
                    made, kept = made + redirects[0], kept + redirects[1]
        counts = self.owner.report.counts
        counts["redirects"] += made
        counts["redirects_kept"] += kept
        for entry in written:
            counts["created" if entry.created else "updated"] += 1
            self.owner.cache.editions.add(entry.edition)

    def _write_alone(self, entry: Queued) -> tuple[int, int] | None:
        try:
            with transaction.atomic():
                return write([entry])
        except Exception as error:
            self.owner.page_ids.pop(entry.item.source_id, None)
            self.owner.failed(entry.item, error)
            return None


def write(entries: list[Queued]) -> tuple[int, int]:
    """Insert or update the entries' articles and all that goes with them; the redirects
    made and kept."""
    _write_new([entry for entry in entries if entry.created])
    _write_changed([entry for entry in entries if not entry.created])
    ArticleTag.objects.bulk_create([tag for entry in entries for tag in entry.tags])
    ArticleAuthor.objects.bulk_create([credit for entry in entries for credit in entry.credits])
    redirects = _write_redirects(entries)
    _write_keys(entries)
    search.index_pages([entry.page for entry in entries])
    return redirects


def _write_new(new: list[Queued]) -> None:
    if not new:
        return
    Page.objects.bulk_create([_base_row(entry.page) for entry in new])
    _insert_article_rows([entry.page for entry in new])
    for parent_pk in {entry.parent.pk for entry in new}:
        count = sum(1 for entry in new if entry.parent.pk == parent_pk)
        Page.objects.filter(pk=parent_pk).update(numchild=F("numchild") + count)


def _write_changed(changed: list[Queued]) -> None:
    if not changed:
        return
    update_rows(ArticlePage, [entry.page for entry in changed], ARTICLE_FIELDS)
    ids = [entry.page.pk for entry in changed]
    delete_rows(ArticleTag, "page_id", ids)
    delete_rows(ArticleAuthor, "page_id", ids)


def _base_row(page: ArticlePage) -> Page:
    return Page(**{f.attname: getattr(page, f.attname) for f in Page._meta.concrete_fields})


def _insert_article_rows(pages: list[ArticlePage]) -> None:
    fields = ArticlePage._meta.local_concrete_fields
    rows = [[f.get_db_prep_save(getattr(p, f.attname), connection) for f in fields] for p in pages]
    columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    placeholders = ", ".join(["%s"] * len(fields))
    table = connection.ops.quote_name(ArticlePage._meta.db_table)
    with connection.cursor() as cursor:
        cursor.executemany(f"INSERT INTO {table} ({columns}) VALUES ({placeholders})", rows)
    for page in pages:
        page._state.adding = False


def _write_redirects(entries: list[Queued]) -> tuple[int, int]:
    """Each old path to its page: new redirects made, existing ones pointed at it."""
    targets = {path: entry.page.pk for entry in entries for path in entry.redirects}
    if not targets:
        return 0, 0
    existing = {r.old_path: r for r in Redirect.objects.filter(site=None, old_path__in=targets)}
    changed = []
    for path, redirect in existing.items():
        if (redirect.redirect_page_id, redirect.redirect_link) != (targets[path], ""):
            redirect.redirect_page_id, redirect.redirect_link = targets[path], ""
            redirect.is_permanent = True
            changed.append(redirect)
    update_rows(Redirect, changed, ["redirect_page", "redirect_link", "is_permanent"])
    made = Redirect.objects.bulk_create(
        Redirect(old_path=path, site=None, redirect_page_id=pk, is_permanent=True)
        for path, pk in targets.items()
        if path not in existing
    )
    return len(made), len(existing)


def _write_keys(entries: list[Queued]) -> None:
    now = timezone.now()
    for entry in entries:
        entry.key.page_id = entry.page.pk
        entry.key.updated_at = now
    known = [entry.key for entry in entries if entry.key.pk is not None]
    ImportedItem.objects.bulk_create([entry.key for entry in entries if entry.key.pk is None])
    update_rows(ImportedItem, known, KEY_FIELDS)


def delete_rows(model, column: str, values: list) -> None:
    """Delete ``model``'s rows whose ``column`` is one of ``values``, in one statement and
    without signals: ``QuerySet.delete()`` sends two for each row, about six queries a row
    for nothing here (Wagtail keeps a page's references under the page, not under its tag
    and credit rows; the listings the page cache would retire go with the batch's editions,
    retired whole by ``cache``)."""
    if not values:
        return
    quote = connection.ops.quote_name
    placeholders = ", ".join(["%s"] * len(values))
    with connection.cursor() as cursor:
        cursor.execute(
            f"DELETE FROM {quote(model._meta.db_table)} WHERE {quote(column)} IN ({placeholders})",  # noqa: S608, E501
            values,
        )


def update_rows(model, objects: list, names: list[str]) -> None:
    """Save ``names`` of each of ``objects``: one UPDATE a row and table, sent together
    (``executemany``), cheaper than ``bulk_update``'s CASE of every row, and for
    multi-table models too (each field is written in its own table)."""
    if not objects:
        return
    tables: dict[type, list] = {}
    for name in names:
        field = model._meta.get_field(name)
        tables.setdefault(field.model._meta.concrete_model, []).append(field)
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        for owner, fields in tables.items():
            sets = ", ".join(f"{quote(f.column)} = %s" for f in fields)
            sql = f"UPDATE {quote(owner._meta.db_table)} SET {sets} WHERE {quote(owner._meta.pk.column)} = %s"  # noqa: S608, E501
            cursor.executemany(
                sql,
                [
                    [f.get_db_prep_save(getattr(o, f.attname), connection) for f in fields] + [o.pk]
                    for o in objects
                ],
            )


def _next_child_number(parent: Page) -> int:
    """The number after the parent's last child's, its row locked until the batch ends."""
    Page.objects.select_for_update().filter(pk=parent.pk).values_list("pk").first()
    last = (
        Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1)
        .order_by("-path")
        .values_list("path", flat=True)
        .first()
    )
    return wagtail_internals.step_to_number(last[-Page.steplen :]) + 1 if last else 1


def _numbered(slug: str, base: str) -> bool:
    """``slug`` is ``base`` with a number added for uniqueness (``-2``, ``-3``...)."""
    return slug.startswith(base + "-") and slug[len(base) + 1 :].isdigit()


def reserve_page_ids(count: int) -> list[int]:
    """``count`` page ids that nothing else will take: from PostgreSQL's sequence, or past
    SQLite's AUTOINCREMENT mark (which its next insert then goes beyond)."""
    table = Page._meta.db_table
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)",
                [table, count],
            )
            return sorted(row[0] for row in cursor.fetchall())
        cursor.execute(f"SELECT coalesce(max(id), 0) FROM {table}")  # noqa: S608
        highest = cursor.fetchone()[0]
        cursor.execute("SELECT seq FROM sqlite_sequence WHERE name = %s", [table])
        row = cursor.fetchone()
        start = max(highest, row[0] if row else 0)
        if row:
            cursor.execute(
                "UPDATE sqlite_sequence SET seq = %s WHERE name = %s", [start + count, table]
            )
        else:
            cursor.execute(
                "INSERT INTO sqlite_sequence (name, seq) VALUES (%s, %s)", [table, start + count]
            )
    return list(range(start + 1, start + count + 1))
