"""The shared import pipeline: every source's items become pages here.

Each item is converted first (its media, authors and terms are brought in and committed on
their own, so that they are never half-there), then written in its own transaction: a page
created or updated through Wagtail's revisions (which the search index listens to),
published with its original dates when it was public, its old addresses made into
permanent redirects. An item that fails is rolled back whole, reported with its source id,
and the run goes on. Items are keyed by (source, source id) in ``ImportedItem``: a second
run skips what has not changed, updates what has, and creates nothing twice, which is also
how an interrupted run resumes.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import json
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from wagtail.contrib.redirects.models import Redirect
from wagtail.images import get_image_model
from wagtail.models import Locale, Page

from dateline.core import pagecache
from dateline.core.models import StandardPage
from dateline.news.models import ArticleAuthor, ArticlePage, ArticleTag, AuthorIndexPage, AuthorPage
from dateline.taxonomy.models import (
    PLACE_TERM_MODELS,
    TERM_MODELS,
    TopicIndexPage,
    TopicPage,
)

from .convert import Resolver, convert, plain_text
from .media import MediaStore
from .models import ImportedItem, ImportRun
from .sources import Item

LIST_LIMIT = 500  # entries kept in each list of the report; the counts stay exact
CACHE_BATCH = 200  # published items between two page-cache generation bumps
IGNORED_TERMS = {"uncategorized", "без-рубрики", "bez-rubriki"}
PUBLIC = {"publish"}
BASIC_COUNTS = ["created", "updated", "unchanged", "failed", "redirects", "media_imported",
                "media_reused", "media_missing", "warnings"]  # fmt: skip


# The report -------------------------------------------------------------------------------


@dataclass
class Report:
    kind: str
    source: str
    dry_run: bool = False
    counts: Counter = field(default_factory=Counter)
    skipped_types: dict = field(default_factory=dict)
    lists: dict = field(default_factory=dict)
    omitted: Counter = field(default_factory=Counter)
    unknown_markup: dict = field(default_factory=dict)
    unmapped_terms: dict = field(default_factory=dict)

    def add(self, name: str, entry: dict) -> None:
        entries = self.lists.setdefault(name, [])
        if len(entries) < LIST_LIMIT:
            entries.append(entry)
        else:
            self.omitted[name] += 1

    def warn(self, item_id: str, message: str) -> None:
        self.counts["warnings"] += 1
        self.add("warnings", {"item": item_id, "message": message})

    def as_dict(self) -> dict:
        counts = {name: 0 for name in BASIC_COUNTS} | dict(self.counts)
        return {
            "kind": self.kind,
            "source": self.source,
            "dry_run": self.dry_run,
            "counts": dict(sorted(counts.items())),
            "skipped_types": self.skipped_types,
            "unmapped_terms": sorted(self.unmapped_terms.values(), key=lambda t: -t["items"]),
            "unknown_markup": {k: v[:50] for k, v in sorted(self.unknown_markup.items())},
            **{name: entries for name, entries in sorted(self.lists.items())},
            "omitted_from_lists": dict(self.omitted),
        }

    def summary(self) -> str:
        c = self.counts
        prefix = "Dry run (nothing written): would have " if self.dry_run else ""
        return (
            f"{prefix}created {c['created']}, updated {c['updated']}, skipped {c['unchanged']} "
            f"unchanged, failed {c['failed']}; redirects {c['redirects']}; media imported "
            f"{c['media_imported']} (reused {c['media_reused']}), missing {c['media_missing']}; "
            f"unmapped terms {len(self.unmapped_terms)}; warnings {c['warnings']}"
        )

    def text(self) -> str:
        lines = [self.summary()]
        if self.skipped_types:
            lines.append(
                "Not imported: "
                + ", ".join(f"{n} {kind}" for kind, n in sorted(self.skipped_types.items()))
            )
        for name, title in (
            ("not_public", "Never public (private, password or draft)"),
            ("media_missing", "Missing media"),
            ("errors", "Failed items"),
            ("warnings", "Warnings"),
        ):
            entries = self.lists.get(name, [])
            if entries:
                lines.append(f"{title}:")
                lines += [f"  {json.dumps(e, ensure_ascii=False)}" for e in entries[:20]]
                if len(entries) > 20 or self.omitted[name]:
                    lines.append(f"  ... and {len(entries) - 20 + self.omitted[name]} more")
        if self.unmapped_terms:
            lines.append("Unmapped terms (add them to a mapping file, or use --unmapped=topic):")
            for term in list(self.as_dict()["unmapped_terms"])[:20]:
                lines.append(
                    f"  {term['taxonomy']},{term['slug']},{term['name']} ({term['items']})"
                )
        if self.unknown_markup:
            lines.append("Kept as text, for an editor to check:")
            for name, ids in sorted(self.unknown_markup.items()):
                lines.append(f"  {name}: items {', '.join(ids[:10])}")
        return "\n".join(lines)


# Terms and authors ------------------------------------------------------------------------


def term_key(text: str) -> str:
    return " ".join(unquote(text).casefold().replace("-", " ").replace("_", " ").split())


def load_mapping(path: Path | None) -> dict[tuple[str, str], str]:
    """The mapping file: CSV rows ``taxonomy,old_slug,dateline_slug`` (see docs/import.md)."""
    mapping: dict[tuple[str, str], str] = {}
    if path is None:
        return mapping
    with open(path, newline="", encoding="utf-8-sig") as handle:
        for number, row in enumerate(csv.reader(handle), start=1):
            if not row or row[0].strip().startswith("#"):
                continue
            if len(row) < 3:
                raise ValueError(f"{path}, line {number}: expected taxonomy,old_slug,dateline_slug")
            taxonomy, old, new = (cell.strip() for cell in row[:3])
            if number == 1 and taxonomy.lower() == "taxonomy":
                continue
            taxonomy = {"tag": "post_tag", "*": "*"}.get(taxonomy, taxonomy)
            mapping[(taxonomy, unquote(old).casefold())] = new
    return mapping


class Terms:
    """Old categories and tags to the edition's regions, places, topics and collections."""

    def __init__(self, locale: Locale, mapping: dict, unmapped: str, owner, dry_run: bool):
        self.locale = locale
        self.mapping = mapping
        self.unmapped = unmapped
        self.owner = owner
        self.dry_run = dry_run
        self.by_slug: dict[str, Page] = {}
        self.by_name: dict[str, Page] = {}
        self.cache: dict[tuple[str, str], Page | None] = {}
        self.load()

    @property
    def report(self) -> Report:
        return self.owner.report

    def load(self) -> None:
        ours = {}
        for model in TERM_MODELS:
            for page in model.objects.filter(locale=self.locale):
                ours[page.translation_key] = page
                self.by_slug.setdefault(unquote(page.slug).casefold(), page)
                self.by_name.setdefault(term_key(page.title), page)
        # The other editions' names find the same term: a tag "Казахстан" → Kazakhstan.
        for model in TERM_MODELS:
            for page in model.objects.exclude(locale=self.locale).only(
                "title", "slug", "translation_key"
            ):
                mine = ours.get(page.translation_key)
                if mine is not None:
                    self.by_name.setdefault(term_key(page.title), mine)
                    self.by_slug.setdefault(unquote(page.slug).casefold(), mine)

    def find(self, taxonomy: str, slug: str, name: str, item_id: str) -> Page | None:
        key = (taxonomy, slug.casefold())
        if key in self.cache:
            return self.cache[key]
        page = self._find(taxonomy, slug, name, item_id)
        self.cache[key] = page
        return page

    def _find(self, taxonomy: str, slug: str, name: str, item_id: str) -> Page | None:
        mapped = self.mapping.get(
            (taxonomy, slug.casefold()), self.mapping.get(("*", slug.casefold()))
        )
        if mapped is not None:
            if mapped in ("", "-"):
                return None
            page = self.by_slug.get(mapped.casefold())
            if page is None:
                self.report.warn(
                    item_id, f"mapping names {mapped!r}, which is no term of the edition"
                )
            return page
        page = self.by_slug.get(slug.casefold()) or self.by_name.get(term_key(name))
        if page is not None or slug.casefold() in IGNORED_TERMS:
            return page
        if self.unmapped == "topic" and not self.dry_run:
            page = self.create_topic(slug, name)
            self.report.counts["terms_created"] += 1
            return page
        if self.unmapped == "topic":
            self.report.counts["terms_created"] += 1
        return None

    def note_unmapped(self, taxonomy: str, slug: str, name: str) -> None:
        entry = self.report.unmapped_terms.setdefault(
            (taxonomy, slug), {"taxonomy": taxonomy, "slug": slug, "name": name, "items": 0}
        )
        entry["items"] += 1

    @transaction.atomic
    def create_topic(self, slug: str, name: str) -> Page:
        index = TopicIndexPage.objects.filter(locale=self.locale).first()
        if index is None:
            raise LookupError(f"the {self.locale} edition has no Topics index to add topics to")
        topic = TopicPage(
            title=name[:255] or slug, slug=_free_slug(index, slug or name), locale=self.locale
        )
        index.add_child(instance=topic)
        topic.save_revision().publish()
        self.by_slug[topic.slug.casefold()] = topic
        self.by_name[term_key(name)] = topic
        return topic

    def for_item(self, item: Item) -> list[Page]:
        pages = []
        for taxonomy, slug, name in item.terms:
            page = self.find(taxonomy, slug, name, item.source_id)
            if page is None:
                mapped = self.mapping.get((taxonomy, slug.casefold()))
                wanted = mapped not in ("", "-") and slug.casefold() not in IGNORED_TERMS
                if wanted and not (self.unmapped == "topic" and self.dry_run):
                    self.note_unmapped(taxonomy, slug, name)
            elif page.pk not in {p.pk for p in pages}:
                pages.append(page)
        places = [p for p in pages if p.specific_class in PLACE_TERM_MODELS]
        return places + [p for p in pages if p.specific_class not in PLACE_TERM_MODELS]


class Authors:
    def __init__(self, source: str, locale: Locale, known: dict, owner, dry_run: bool):
        self.source = source
        self.locale = locale
        self.known = known  # key -> sources.Author
        self.owner = owner
        self.dry_run = dry_run
        self.cache: dict[str, AuthorPage | None] = {}

    def for_item(self, item: Item) -> list[AuthorPage]:
        pages = []
        for key in item.authors:
            if key not in self.cache:
                self.cache[key] = self.find_or_create(key)
            page = self.cache[key]
            if page is not None and page not in pages:
                pages.append(page)
        return pages

    @property
    def report(self) -> Report:
        return self.owner.report

    def find_or_create(self, key: str) -> AuthorPage | None:
        author = self.known.get(key)
        name = author.name if author else key
        source_id = f"author:{self.locale.language_code}:{key}"
        done = ImportedItem.objects.filter(source=self.source, source_id=source_id).first()
        if done and done.page_id:
            return AuthorPage.objects.filter(pk=done.page_id).first()
        slug = slugify(name, allow_unicode=True) or slugify(key, allow_unicode=True)
        existing = (
            AuthorPage.objects.filter(locale=self.locale, slug=slug).first()
            or AuthorPage.objects.filter(locale=self.locale, title__iexact=name).first()
        )
        if existing is not None or self.dry_run:
            if existing is None:
                self.report.counts["authors_created"] += 1
            return existing
        with transaction.atomic():
            index = AuthorIndexPage.objects.filter(locale=self.locale).first()
            if index is None:
                raise LookupError(
                    f"the {self.locale} edition has no Authors page to add authors to"
                )
            page = AuthorPage(
                title=name[:255],
                slug=_free_slug(index, slug or "author"),
                locale=self.locale,
                email=(author.email if author else "")[:254],
                bio=plain_text(author.bio) if author and author.bio else "",
            )
            index.add_child(instance=page)
            page.save_revision().publish()
            ImportedItem.objects.create(
                source=self.source, source_id=source_id, kind="author", page=page,
                old_url=(author.url if author else "")[:1000],
            )  # fmt: skip
        self.report.counts["authors_created"] += 1
        return page


def _free_slug(parent: Page, wanted: str, own_pk: int | None = None) -> str:
    base = (slugify(unquote(wanted), allow_unicode=True) or "item")[:240]
    siblings = set(
        Page.objects.child_of(parent)
        .filter(slug__startswith=base)
        .exclude(pk=own_pk)
        .values_list("slug", flat=True)
    )
    slug, number = base, 2
    while slug in siblings:
        slug = f"{base}-{number}"
        number += 1
    return slug


# The page cache --------------------------------------------------------------------------


class BatchedInvalidation:
    """While a run publishes, collect the editions to retire instead of retiring them on
    every publish; retire them once every ``CACHE_BATCH`` items and at the end."""

    def __init__(self):
        self.editions: set[str] = set()
        self.pending = 0

    def collect(self, page) -> None:
        self.editions |= pagecache.editions_showing(page)

    def flush(self, force: bool = False) -> None:
        self.pending += 1
        if self.editions and (force or self.pending >= CACHE_BATCH):
            editions, self.editions, self.pending = self.editions, set(), 0
            transaction.on_commit(lambda: pagecache.bump(editions))

    @contextlib.contextmanager
    def active(self):
        original = pagecache.invalidate_page
        pagecache.invalidate_page = self.collect
        try:
            yield self
        finally:
            pagecache.invalidate_page = original
            self.flush(force=True)


# The pipeline ----------------------------------------------------------------------------


@dataclass
class Options:
    edition: str = ""
    dry_run: bool = False
    media_dir: Path | None = None
    fetch_media: bool = False
    mapping: Path | None = None
    unmapped: str = "report"
    progress: bool = True


class Importer(Resolver):
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

    # Resolver: what the conversion asks

    def image(self, url: str, attachment_id: str | None = None):
        attachment = self.attachments.get(attachment_id) if attachment_id else None
        if attachment is not None and not url:
            url = attachment.url
        return self.media.image(url, self.current.source_id if self.current else "", attachment)

    def document(self, url: str):
        return self.media.document(url, self.current.source_id if self.current else "")

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
        from .wordpress import normalise_url

        href = href.strip()
        if self.site_host and href.startswith("/") and not href.startswith("//"):
            href = f"https://{self.site_host}{href}"
        parts = urlsplit(href)
        host = (parts.hostname or "").removeprefix("www.")
        if not self.site_host or host != self.site_host:
            return href
        if re.search(
            r"/(wp-content/uploads|content/images|content/media|content/files)/", parts.path
        ):
            found = self.media.file_url(href, self.current.source_id if self.current else "")
            return found or href
        old_id = self.links.get(normalise_url(href))
        if old_id is None:
            query = dict(p.split("=", 1) for p in parts.query.split("&") if "=" in p)
            old_id = query.get("p") or query.get("page_id")
        if old_id is None:
            return href
        done = (
            ImportedItem.objects.filter(source=self.source, source_id=old_id)
            .values_list("page_id", flat=True)
            .first()
        )
        if done:
            return done
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
                items,
                total=total,
                unit="item",
                disable=not self.options.progress,
                dynamic_ncols=True,
            )
            for item in bar:
                if force is not None and item.source_id not in force:
                    continue
                self.import_one(item, force=force is not None)
                self.cache.flush()
        if force is not None:
            second, self.report = self.report, report
            report.counts["links_resolved"] += second.counts["updated"]
            report.counts["failed"] += second.counts["failed"]
            for entry in second.lists.get("errors", []):
                report.add("errors", entry)

    def import_one(self, item: Item, force: bool = False) -> None:
        self.current = item
        try:
            key = ImportedItem.objects.filter(source=self.source, source_id=item.source_id).first()
            checksum = item.checksum()
            if force and not (key and key.page_id):
                return  # the second look fixes links of written items; failed ones stay failed
            if key and key.page_id and key.checksum == checksum and not force:
                self.report.counts["unchanged"] += 1
                return
            locale = self.locale_for(item)
            prepared = self.prepare(item, locale)
            with transaction.atomic():
                created = self.write(item, key, checksum, locale, prepared)
                if self.options.dry_run:
                    transaction.set_rollback(True)
            self.report.counts["created" if created else "updated"] += 1
        except Exception as error:  # one bad item never stops the run
            self.report.counts["failed"] += 1
            self.report.add(
                "errors",
                {
                    "item": item.source_id,
                    "title": item.title[:120],
                    "error": f"{type(error).__name__}: {error}"[:500],
                },
            )
        finally:
            self.current = None

    def locale_for(self, item: Item) -> Locale:
        if item.language:
            code = item.language.lower().replace("_", "-")
            for candidate in (code, code.split("-")[0]):
                found = Locale.objects.filter(language_code=candidate).first()
                if found is not None:
                    return found
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
        for name in conversion.unknown:
            ids = self.report.unknown_markup.setdefault(name, [])
            if len(ids) < 50 and item.source_id not in ids:
                ids.append(item.source_id)
        lead = None
        if item.feature_image or item.feature_image_id:
            lead = self.image(item.feature_image, item.feature_image_id or None)
        terms = self.terms.get(locale.pk)
        if terms is None:
            terms = self.terms[locale.pk] = Terms(
                locale, self.mapping, self.options.unmapped, self, self.options.dry_run
            )
        authors = self.authors.get(locale.pk)
        if authors is None:
            authors = self.authors[locale.pk] = Authors(
                self.source, locale, self.known_authors, self, self.options.dry_run
            )
        return {
            "blocks": conversion.blocks,
            "lead": lead,
            "terms": terms.for_item(item) if item.kind == "post" else [],
            "authors": authors.for_item(item) if item.kind == "post" else [],
        }

    def write(
        self, item: Item, key: ImportedItem | None, checksum: str, locale: Locale, prepared: dict
    ) -> bool:
        home = self.home(locale)
        model = ArticlePage if item.kind == "post" else StandardPage
        page = None
        if key and key.page_id:
            page = Page.objects.filter(pk=key.page_id).first()
            page = page.specific if page is not None else None
            if page is not None and not isinstance(page, model):
                raise ValueError(f"was imported as a {type(page).__name__}, is now a {item.kind}")
        created = page is None
        if created:
            page = model(locale=locale, live=False)
        title = (
            " ".join(item.title.split())[:255]
            or plain_text(item.html)[:80]
            or f"Untitled {item.source_id}"
        )
        page.title = title
        page.slug = _free_slug(home, item.slug or title, None if created else page.pk)
        page.body = prepared["blocks"]
        summary = plain_text(item.excerpt) or _first_sentences(prepared["blocks"])
        if model is ArticlePage:
            page.standfirst = summary[:400] or title[:400]
            page.lead_image = prepared["lead"]
            page.lead_image_caption = plain_text(item.feature_caption)[:300]
            page.lead_image_alt = plain_text(item.feature_alt)[:300]
            page.authors = [
                ArticleAuthor(author=a, sort_order=n) for n, a in enumerate(prepared["authors"])
            ]
            page.tags = [ArticleTag(term=t, sort_order=n) for n, t in enumerate(prepared["terms"])]
            if (
                item.modified_at
                and item.published_at
                and item.modified_at - item.published_at > dt.timedelta(days=1)
            ):
                page.updated_at = item.modified_at
        else:
            page.intro = summary[:1000]
        if created and item.translation_group:
            self.adopt_translation(page, item, locale)
        if created:
            home.add_child(instance=page)
        public = item.status in PUBLIC and not item.password
        if item.status == "future" and item.published_at and item.published_at > timezone.now():
            page.go_live_at = item.published_at
        revision = page.save_revision(clean=False)
        if public or page.go_live_at:
            revision.publish(skip_permission_checks=True)
            if public and item.published_at:
                Page.objects.filter(pk=page.pk).update(
                    first_published_at=item.published_at,
                    last_published_at=max(item.modified_at or item.published_at, item.published_at),
                )
        else:
            if page.live:
                page.unpublish()
            reason = "password-protected" if item.password else item.status
            self.report.add(
                "not_public", {"item": item.source_id, "status": reason, "title": title[:120]}
            )
        old_url = item.link
        ImportedItem.objects.update_or_create(
            source=self.source,
            source_id=item.source_id,
            defaults={
                "kind": item.kind,
                "page": page,
                "checksum": checksum,
                "old_url": _url_key(old_url)[:1000],
                "translation_group": item.translation_group[:255],
            },
        )
        if public:
            self.redirect_all([old_url, *item.old_paths], page, item.source_id)
        return created

    def adopt_translation(self, page: Page, item: Item, locale: Locale) -> None:
        others = ImportedItem.objects.filter(
            source=self.source, translation_group=item.translation_group
        ).exclude(page=None)
        for other in others.select_related("page"):
            if (
                other.page.locale_id != locale.pk
                and not Page.objects.filter(
                    translation_key=other.page.translation_key, locale=locale
                ).exists()
            ):
                page.translation_key = other.page.translation_key
                return

    # Redirects

    def redirect_all(self, urls: Iterable[str], target: Page, item_id: str) -> None:
        own = target.url_path
        for url in urls:
            if not url:
                continue
            parts = urlsplit(url)
            if (
                parts.hostname
                and self.site_host
                and (parts.hostname.removeprefix("www.") != self.site_host)
            ):
                continue
            old = parts.path + (f"?{parts.query}" if parts.query else "")
            self.redirect(old, target, own)

    def redirect(self, old: str, target: Page | None, own: str = "", link: str = "") -> None:
        old_path = Redirect.normalise_path(old)
        if old_path in ("", "/") or (own and own.rstrip("/").endswith(old_path)):
            return
        if self.options.dry_run:
            self.report.counts["redirects"] += 1
            return
        _, made = Redirect.objects.update_or_create(
            old_path=old_path,
            site=None,
            defaults={"redirect_page": target, "redirect_link": link, "is_permanent": True},
        )
        self.report.counts["redirects"] += 1 if made else 0
        self.report.counts["redirects_kept"] += 0 if made else 1

    def archive_redirects(self, terms: Iterable, authors: Iterable) -> None:
        """/category/x/, /tag/y/ (WordPress) or /tag/x/ (Ghost), /author/z/ to the matching
        term and author pages."""
        self.feed_redirects()
        self.attachment_redirects()
        locale_terms = self.terms.get(self.locale.pk) or Terms(
            self.locale, self.mapping, "report", self, True
        )
        for term in terms:
            page = locale_terms.cache.get((term.taxonomy, term.slug.casefold()))
            if page is None:
                page = locale_terms.by_slug.get(term.slug.casefold()) or locale_terms.by_name.get(
                    term_key(term.name)
                )
            if page is not None and page.live:
                for old in self.archive_paths(term):
                    self.redirect(old, page)
        for author in authors:
            page = (
                self.authors.get(self.locale.pk)
                or Authors(self.source, self.locale, {}, self, True)
            ).cache.get(author.key)
            if page is not None and page.live:
                for old in self.author_paths(author):
                    self.redirect(old, page)

    def attachment_redirects(self) -> None:
        """WordPress's attachment pages to the imported files."""
        for attachment in self.attachments.values():
            pk = self.media.by_url.get(f"image:{attachment.url}") if attachment.link else None
            image = get_image_model().objects.filter(pk=pk).first() if pk else None
            if image is not None:
                parts = urlsplit(attachment.link)
                old = parts.path + (f"?{parts.query}" if parts.query else "")
                self.redirect(old, None, link=image.file.url)

    def feed_redirects(self) -> None:
        """The old site's feeds to the edition's."""
        home = (self.home(self.locale).get_url() or "/").rstrip("/")
        old_feeds = {
            "wordpress": ["/feed/", "/feed/rss2/", "/feed/atom/", "/?feed=rss2"],
            "ghost": ["/rss/"],
        }
        for old in old_feeds.get(self.kind, []):
            kind = "atom" if "atom" in old else "rss"
            self.redirect(old, None, link=f"{home}/feeds/{kind}/")

    def archive_paths(self, term) -> list[str]:
        if self.kind == "ghost":
            return [f"/tag/{term.slug}/"]
        prefix = "category" if term.taxonomy == "category" else "tag"
        paths = [f"/{prefix}/{term.slug}/"]
        if term.source_id and term.taxonomy == "category":
            paths.append(f"/?cat={term.source_id}")
        return paths

    def author_paths(self, author) -> list[str]:
        paths = [f"/author/{author.key}/"]
        if self.kind == "wordpress" and author.source_id and author.source_id.isdigit():
            paths.append(f"/?author={author.source_id}")
        return paths

    # Translations across imports

    def link_translation_pairs(self, path: Path) -> None:
        """A CSV of (old English URL, old Russian URL) pairs: each pair's pages become
        translations of each other."""
        with open(path, newline="", encoding="utf-8-sig") as handle:
            for number, row in enumerate(csv.reader(handle), start=1):
                if len(row) < 2 or not row[0].strip() or row[0].strip().startswith("#"):
                    continue
                first, second = (_url_key(cell) for cell in row[:2])
                pages = [
                    ImportedItem.objects.filter(old_url=key)
                    .exclude(page=None)
                    .select_related("page")
                    .first()
                    for key in (first, second)
                ]
                if None in pages:
                    if number > 1:
                        self.report.warn(
                            f"pairs:{number}",
                            f"no imported story at {row[0] if pages[0] is None else row[1]}",
                        )
                    continue
                source, other = pages[0].page, pages[1].page
                if source.locale_id == other.locale_id:
                    self.report.warn(f"pairs:{number}", "both addresses are in the same edition")
                    continue
                if (
                    Page.objects.filter(
                        translation_key=source.translation_key, locale_id=other.locale_id
                    )
                    .exclude(pk=other.pk)
                    .exists()
                ):
                    self.report.warn(
                        f"pairs:{number}", "the story already has a translation in that edition"
                    )
                    continue
                if not self.options.dry_run:
                    Page.objects.filter(pk=other.pk).update(translation_key=source.translation_key)
                    pagecache.bump(pagecache.editions_showing(source))
                self.report.counts["translations_linked"] += 1

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


def _url_key(url: str) -> str:
    from .wordpress import normalise_url

    return normalise_url(url) if url else ""


def _first_sentences(blocks: list) -> str:
    for kind, value in blocks:
        if kind == "paragraph":
            text = plain_text(value.source if hasattr(value, "source") else str(value))
            if text:
                if len(text) <= 300:
                    return text
                cut = text[:300].rsplit(" ", 1)[0]
                return cut + "…"
    return ""
