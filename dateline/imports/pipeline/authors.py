"""Old authors to the edition's author pages: found by slug or name, else created once."""

from __future__ import annotations

from django.db import transaction
from django.utils.text import slugify
from wagtail.models import Locale

from dateline.news.models import AuthorIndexPage, AuthorPage

from ..convert import plain_text
from ..models import ImportedItem
from ..sources import Item
from .pages import free_slug
from .report import Report


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
        existing = self.existing(slug, name)
        if existing is not None:
            return existing
        if not self.dry_run:
            existing = self.create(author, name, slug, source_id)
        self.report.counts["authors_created"] += 1
        return existing

    def existing(self, slug: str, name: str) -> AuthorPage | None:
        return (
            AuthorPage.objects.filter(locale=self.locale, slug=slug).first()
            or AuthorPage.objects.filter(locale=self.locale, title__iexact=name).first()
        )

    @transaction.atomic
    def create(self, author, name: str, slug: str, source_id: str) -> AuthorPage:
        index = AuthorIndexPage.objects.filter(locale=self.locale).first()
        if index is None:
            raise LookupError(f"the {self.locale} edition has no Authors page to add authors to")
        page = AuthorPage(
            title=name[:255],
            slug=free_slug(index, slug or "author"),
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
        return page
