"""One item written as a page: created or updated through Wagtail's revisions, published
with its original dates when it was public, remembered by (source, source id)."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone
from wagtail.models import Locale, Page

from dateline.news.models import ArticleAuthor, ArticlePage, ArticleTag

from ..convert import plain_text
from ..models import ImportedItem
from ..sources import Item
from .bulk import Queued
from .pages import first_sentences, free_slug, url_key
from .sections import destination, fill_page

PUBLIC = {"publish"}
UPDATED_AFTER = dt.timedelta(days=1)  # a later change than this shows as "updated"


class Writer:
    """The importer's writing half (mixed into ``Importer``)."""

    def write(
        self, item: Item, key: ImportedItem | None, checksum: str, locale: Locale, prepared: dict
    ) -> bool | None:
        """Write ``item``: True if a page was created, False if updated, None if queued for
        the batch's bulk write (``bulk``), which counts it once written."""
        home, model = destination(item, self.home(locale))  # a blog's post, a podcast's...
        page = self.existing_page(key, model, item.kind)
        if in_bulk(item, page):
            self.queue_article(item, key, checksum, locale, prepared, page)
            return None
        created = page is None
        if created:
            page = model(locale=locale, live=False)
        title = page_title(item)
        page.title = title
        page.slug = free_slug(home, item.slug or title, None if created else page.pk)
        summary = plain_text(item.excerpt) or first_sentences(prepared["blocks"])
        if issubclass(model, ArticlePage):
            page.body = prepared["blocks"]
            _fill_article(page, item, prepared, summary, title)
            page.authors = [
                ArticleAuthor(author=a, sort_order=n) for n, a in enumerate(prepared["authors"])
            ]
            page.tags = [ArticleTag(term=t, sort_order=n) for n, t in enumerate(prepared["terms"])]
        else:
            fill_page(page, item, prepared, summary, self)  # a standard page, an episode
        if created:
            if item.translation_group:
                self.adopt_translation(page, item, locale)
            home.add_child(instance=page)
        self.bulk.taken(home, page.slug)
        public = self.publish(page, item, title)
        self.remember(item, page, checksum)
        if public:
            self.redirect_all([item.link, *item.old_paths], page, item.source_id)
        return created

    def queue_article(self, item, key, checksum, locale, prepared, page) -> None:
        """A public post as a new or changed article, written with its batch."""
        home = self.home(locale)
        created = page is None
        if created:
            page = ArticlePage(locale=locale)
        title = page_title(item)
        page.title = title
        page.body = prepared["blocks"]
        summary = plain_text(item.excerpt) or first_sentences(prepared["blocks"])
        _fill_article(page, item, prepared, summary, title)
        published = item.published_at or page.first_published_at or timezone.now()
        page.first_published_at = published
        page.last_published_at = max(item.modified_at or published, published)
        if created:
            self.bulk.new_page(home, page, item.slug or title)
        else:
            self.bulk.place(home, page, item.slug or title)
        key = key or ImportedItem(source=self.source, source_id=item.source_id)
        key.kind, key.checksum = item.kind, checksum
        key.old_url, key.translation_group = url_key(item.link)[:1000], item.translation_group[:255]
        queued = Queued(item, page, created, key, home, locale.language_code)
        queued.tags = [
            ArticleTag(page_id=page.pk, term=t, sort_order=n)
            for n, t in enumerate(prepared["terms"])
        ]
        queued.credits = [
            ArticleAuthor(page_id=page.pk, author=a, sort_order=n)
            for n, a in enumerate(prepared["authors"])
        ]
        queued.redirects = self.redirect_paths([item.link, *item.old_paths], page.url_path)
        self.bulk.add(queued)

    def existing_page(self, key: ImportedItem | None, model: type, kind: str) -> Page | None:
        """The page an earlier run made for this item, if it still exists."""
        if not (key and key.page_id):
            return None
        page = self.batch_pages.get(key.page_id)
        if page is None:
            page = Page.objects.filter(pk=key.page_id).first()
            page = page.specific if page is not None else None
        if page is not None and not isinstance(page, model):
            raise ValueError(f"was imported as a {type(page).__name__}, is now a {kind}")
        return page

    def publish(self, page: Page, item: Item, title: str) -> bool:
        """A new revision, published if the item was public or scheduled; True if public."""
        public = item.status in PUBLIC and not item.password
        if _scheduled(item):
            page.go_live_at = item.published_at
        revision = page.save_revision(clean=False)
        if public or page.go_live_at:
            revision.publish(skip_permission_checks=True)
            if public and item.published_at:
                _keep_original_dates(page, item)
        else:
            self.hold_back(page, item, title)
        return public

    def hold_back(self, page: Page, item: Item, title: str) -> None:
        """A never-public item stays (or becomes) unpublished, and is listed."""
        if page.live:
            page.unpublish()
        reason = "password-protected" if item.password else item.status
        self.report.add(
            "not_public", {"item": item.source_id, "status": reason, "title": title[:120]}
        )

    def remember(self, item: Item, page: Page, checksum: str) -> None:
        old_url = url_key(item.link)[:1000]  # how translation pairs find the page again
        ImportedItem.objects.update_or_create(
            source=self.source,
            source_id=item.source_id,
            defaults={
                "kind": item.kind,
                "page": page,
                "checksum": checksum,
                "old_url": old_url,
                "translation_group": item.translation_group[:255],
            },
        )


def page_title(item: Item) -> str:
    return (
        " ".join(item.title.split())[:255]
        or plain_text(item.html)[:80]
        or f"Untitled {item.source_id}"
    )


def _fill_article(page, item: Item, prepared: dict, summary: str, title: str) -> None:
    page.standfirst = summary[:400] or title[:400]
    page.lead_image = prepared["lead"]
    page.lead_image_caption = plain_text(item.feature_caption)[:300]
    page.lead_image_alt = plain_text(item.feature_alt)[:300]
    if _updated_later(item):
        page.updated_at = item.modified_at


def in_bulk(item: Item, page: Page | None) -> bool:
    """Whether the item is written in bulk (``bulk``): a public post, new (and no
    translation of another), or updating an article only imports wrote, never an editor."""
    if item.kind != "post" or item.status not in PUBLIC or item.password or _scheduled(item):
        return False
    if item.section:  # a blog's post or a podcast's episode: written alone (``sections``)
        return False
    if page is None:
        return not item.translation_group
    return (
        type(page) is ArticlePage
        and page.live
        and page.latest_revision_id is None
        and not page.has_unpublished_changes
    )


def _updated_later(item: Item) -> bool:
    return bool(
        item.modified_at
        and item.published_at
        and item.modified_at - item.published_at > UPDATED_AFTER
    )


def _scheduled(item: Item) -> bool:
    return bool(
        item.status == "future" and item.published_at and item.published_at > timezone.now()
    )


def _keep_original_dates(page: Page, item: Item) -> None:
    Page.objects.filter(pk=page.pk).update(
        first_published_at=item.published_at,
        last_published_at=max(item.modified_at or item.published_at, item.published_at),
    )
