"""The importer: what the conversion asks (images, documents, links), and the run itself,
item by item, each in its own transaction."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from django.db import connection, reset_queries, transaction
from django.utils import timezone
from wagtail.models import Locale, Page

from ..convert import Resolver, convert
from ..media import MediaStore
from ..models import ImportedItem, ImportRun
from ..sources import Item
from .authors import Authors
from .bulk import BulkPages
from .cache import BatchedInvalidation
from .redirects import Redirects
from .report import Report
from .terms import Terms, load_mapping
from .translations import Translations
from .write import Writer, in_bulk

MEDIA_PATH = re.compile(r"/(wp-content/uploads|content/images|content/media|content/files)/")
UNKNOWN_IDS = 50  # item ids kept per kind of unknown markup
BATCH_SIZE = 200  # items in one transaction


@dataclass
class Options:
    edition: str = ""
    dry_run: bool = False
    media_dir: Path | None = None
    fetch_media: bool = False
    mapping: Path | None = None
    unmapped: str = "report"
    progress: bool = True
    batch_size: int = BATCH_SIZE


class Importer(Writer, Redirects, Translations, Resolver):
    def __init__(self, kind: str, source: str, options: Options, authors: dict | None = None,
                 attachments: dict | None = None, links: dict | None = None):  # fmt: skip
        self.kind = kind
        self.source = source
        self.options = options
        self.report = Report(kind, source, options.dry_run)
        self.locale = (
            Locale.objects.get(language_code=options.edition)
            if options.edition
            else Locale.get_default()
        )
        self.mapping = load_mapping(options.mapping)
        self.known_authors = authors or {}
        self.attachments = attachments or {}
        self.links = links or {}
        self.site_host = (urlsplit(source).hostname or "").removeprefix("www.")
        self.media = MediaStore(options.media_dir, options.fetch_media, options.dry_run, self)
        self.terms: dict[int, Terms] = {}
        self.authors: dict[int, Authors] = {}
        self.homes: dict[int, Page] = {}
        self.pending_links: set[str] = set()
        self.current: Item | None = None
        self.cache = BatchedInvalidation()
        self.run = None
        self.batch_size = options.batch_size
        self.bulk = BulkPages(self)
        self.page_ids: dict[str, int] = {}  # source id -> page id, this run's items
        self.batch_pages: dict[int, Page] = {}  # the current batch's imported pages, by id
        self.locales: dict[str, Locale | None] = {}

    # Resolver: what the conversion asks

    @property
    def current_id(self) -> str:
        return self.current.source_id if self.current else ""

    def image(self, url: str, attachment_id: str | None = None):
        attachment = self.attachments.get(attachment_id) if attachment_id else None
        if attachment is not None and not url:
            url = attachment.url
        return self.media.image(url, self.current_id, attachment)

    def document(self, url: str):
        return self.media.document(url, self.current_id)

    def attachment(self, attachment_id: str) -> dict | None:
        found = self.attachments.get(attachment_id)
        if found is None:
            self.report.warn(
                self.current.source_id,
                f"gallery names attachment {attachment_id}, not in the export",
            )
            return None
        return {"url": found.url, "caption": found.caption, "alt": found.alt}

    def link(self, href: str):
        href = self.absolute(href.strip())
        parts = urlsplit(href)
        host = (parts.hostname or "").removeprefix("www.")
        if not self.site_host or host != self.site_host:
            return href
        if MEDIA_PATH.search(parts.path):
            return self.media.file_url(href, self.current_id) or href
        old_id = self.old_id(href, parts.query)
        if old_id is None:
            return href
        return self.imported_page_id(old_id) or self.link_later(old_id, href)

    def absolute(self, href: str) -> str:
        """A site-relative link on the old site's host."""
        if self.site_host and href.startswith("/") and not href.startswith("//"):
            return f"https://{self.site_host}{href}"
        return href

    def old_id(self, href: str, query: str) -> str | None:
        """The source id of the old story a link names: by its address, or ?p= / ?page_id=."""
        from ..wordpress import normalise_url

        old_id = self.links.get(normalise_url(href))
        if old_id is None:
            params = dict(p.split("=", 1) for p in query.split("&") if "=" in p)
            old_id = params.get("p") or params.get("page_id")
        return old_id

    def imported_page_id(self, old_id: str) -> int | None:
        if old_id in self.page_ids:
            return self.page_ids[old_id]
        return (
            ImportedItem.objects.filter(source=self.source, source_id=old_id)
            .values_list("page_id", flat=True)
            .first()
        )

    def link_later(self, old_id: str, href: str) -> str:
        """Keep the old link for now; the item is looked at again once its target exists."""
        if self.current is not None and old_id != self.current.source_id:
            self.pending_links.add(self.current.source_id)
        return href

    # Running

    def start(self) -> None:
        self.run = ImportRun.objects.create(
            kind=self.kind, source=self.source[:1000], dry_run=self.options.dry_run
        )

    def import_twice(self, items, total: int | None = None) -> None:
        """Import ``items()``, then look again at the items whose links named stories that
        came later in the source, once those stories have their pages. A run stopped with
        Ctrl-C keeps its report so far, marked interrupted; running it again resumes."""
        try:
            self.import_all(items(), total=total)
            if self.pending_links:
                pending, self.pending_links = set(self.pending_links), set()
                self.import_all(items(), total=total, force=pending)
        except KeyboardInterrupt:
            self.finish(status="interrupted")
            raise

    def import_all(
        self, items: Iterable[Item], total: int | None = None, force: set | None = None
    ) -> None:
        from tqdm import tqdm

        report = self.report
        if force is not None:  # a second look at some items: counted apart, not reported twice
            self.report = Report(self.kind, self.source, self.options.dry_run)
        with self.cache.active():
            bar = tqdm(
                total=total, unit="item", disable=not self.options.progress, dynamic_ncols=True
            )
            wanted = (i for i in items if force is None or i.source_id in force)
            for batch in _batches(wanted, self.batch_size):
                self.import_batch(batch, force=force is not None)
                bar.update(len(batch))
            bar.close()
        if force is not None:
            second, self.report = self.report, report
            _add_second_look(report, second)

    def import_batch(self, items: list[Item], force: bool = False) -> None:
        """One transaction for ``items``, a savepoint for each: an item that fails is rolled
        back alone; the articles queued by the others are written together at the end. An
        item whose checksum is the one its key remembers costs nothing (no savepoint, no
        query): the batch's keys are read in one query first."""
        with transaction.atomic():
            immediate_constraints()  # a bad reference fails its own item, not the commit
            checksums = [item.checksum() for item in items]
            keys = self.keys_for(items, checksums, force)
            for item, checksum in zip(items, checksums, strict=True):
                key = keys.get(item.source_id)
                if _unchanged(key, checksum, force):
                    self.report.counts["unchanged"] += 1
                    continue
                if not in_bulk(item, self.batch_pages.get(key.page_id) if key else None):
                    self.bulk.flush()  # a page written alone finds the tree as it is
                self.import_one(item, key, checksum, force)
            self.bulk.flush()
            if self.options.dry_run:
                transaction.set_rollback(True)
        self.bulk.end_batch()
        self.batch_pages = {}
        self.cache.flush(len(items))
        reset_queries()  # with DEBUG on, Django keeps every statement (bulk ones are big)

    def keys_for(
        self, items: list[Item], checksums: list[str], force: bool = False
    ) -> dict[str, ImportedItem]:
        """The batch's import keys (one query), and the pages of the items that changed
        (none when nothing did)."""
        keys = {
            key.source_id: key
            for key in ImportedItem.objects.filter(
                source=self.source, source_id__in=[item.source_id for item in items]
            )
        }
        changed = [
            keys[item.source_id].page_id
            for item, checksum in zip(items, checksums, strict=True)
            if _written(keys.get(item.source_id))
            and not _unchanged(keys[item.source_id], checksum, force)
        ]
        self.batch_pages = (
            {p.pk: p for p in Page.objects.filter(pk__in=changed).specific()} if changed else {}
        )
        return keys

    def import_one(
        self, item: Item, key: ImportedItem | None, checksum: str, force: bool = False
    ) -> None:
        self.current = item
        try:
            with transaction.atomic():
                self.import_changed(item, key, checksum, force)
        except Exception as error:  # one bad item never stops the run
            self.failed(item, error)
            self.forget()
        finally:
            self.current = None

    def failed(self, item: Item, error: Exception) -> None:
        self.report.counts["failed"] += 1
        self.report.add(
            "errors",
            {
                "item": item.source_id,
                "title": item.title[:120],
                "error": f"{type(error).__name__}: {error}"[:500],
            },
        )

    def forget(self) -> None:
        """After an item was rolled back: what was remembered of its rows may be gone."""
        self.media.by_url.clear()
        self.media.records.clear()
        self.terms.clear()
        self.authors.clear()

    def import_changed(
        self, item: Item, key: ImportedItem | None, checksum: str, force: bool
    ) -> None:
        if force and not _written(key):
            return  # the second look fixes links of written items; failed ones stay failed
        locale = self.locale_for(item)
        prepared = self.prepare(item, locale)
        created = self.write(item, key, checksum, locale, prepared)
        if created is not None:
            self.report.counts["created" if created else "updated"] += 1

    def locale_for(self, item: Item) -> Locale:
        if item.language:
            code = item.language.lower().replace("_", "-")
            for candidate in (code, code.split("-")[0]):
                if candidate not in self.locales:
                    self.locales[candidate] = Locale.objects.filter(language_code=candidate).first()
                if self.locales[candidate] is not None:
                    return self.locales[candidate]
            self.report.warn(
                item.source_id,
                f"language {item.language!r} has no edition; imported into {self.locale}",
            )
        return self.locale

    def home(self, locale: Locale) -> Page:
        if locale.pk not in self.homes:
            home = Page.objects.filter(locale=locale, depth=2).first()
            if home is None:
                raise LookupError(f"the {locale.language_code} edition has no home page yet")
            self.homes[locale.pk] = home
        return self.homes[locale.pk]

    def prepare(self, item: Item, locale: Locale) -> dict:
        conversion = convert(item.html, self)
        self.note_unknown(conversion.unknown, item.source_id)
        lead = None
        if item.feature_image or item.feature_image_id:
            lead = self.image(item.feature_image, item.feature_image_id or None)
        is_post = item.kind == "post"
        return {
            "blocks": conversion.blocks,
            "lead": lead,
            "terms": self.terms_for(locale).for_item(item) if is_post else [],
            "authors": self.authors_for(locale).for_item(item) if is_post else [],
        }

    def note_unknown(self, names: list[str], item_id: str) -> None:
        for name in names:
            ids = self.report.unknown_markup.setdefault(name, [])
            if len(ids) < UNKNOWN_IDS and item_id not in ids:
                ids.append(item_id)

    def terms_for(self, locale: Locale) -> Terms:
        if locale.pk not in self.terms:
            self.terms[locale.pk] = Terms(
                locale, self.mapping, self.options.unmapped, self, self.options.dry_run
            )
        return self.terms[locale.pk]

    def authors_for(self, locale: Locale) -> Authors:
        if locale.pk not in self.authors:
            self.authors[locale.pk] = Authors(
                self.source, locale, self.known_authors, self, self.options.dry_run
            )
        return self.authors[locale.pk]

    def finish(self, report_path: Path | None = None, status: str = "finished") -> dict:
        data = self.report.as_dict()
        if self.run is not None:
            self.run.finished_at = timezone.now()
            self.run.status = status
            self.run.summary = self.report.summary()[:500]
            self.run.report = data
            self.run.save()
        if report_path is not None:
            report_path.write_text(
                json.dumps(data, ensure_ascii=False, indent=2, default=str), encoding="utf-8"
            )
        return data


def _batches(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    batch = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _written(key: ImportedItem | None) -> bool:
    """An earlier run wrote the item's page (a key without one is an author's, or failed)."""
    return bool(key and key.page_id)


def _unchanged(key: ImportedItem | None, checksum: str, force: bool) -> bool:
    """An earlier run wrote the item as it is now: nothing to do (unless forced)."""
    return _written(key) and key.checksum == checksum and not force


def immediate_constraints() -> None:
    """PostgreSQL checks foreign keys at the commit; checked at once, a bad one fails the
    statement, inside the item's savepoint."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")


def _add_second_look(report: Report, second: Report) -> None:
    report.counts["links_resolved"] += second.counts["updated"]
    report.counts["failed"] += second.counts["failed"]
    for entry in second.lists.get("errors", []):
        report.add("errors", entry)
