"""Stories made translations of each other: by the source's translation groups (WPML,
Polylang) as they are written, or by a CSV of old URL pairs across two imports."""

from __future__ import annotations

import csv
from pathlib import Path

from wagtail.models import Locale, Page

from dateline.core.pagecache.generations import bump
from dateline.core.pagecache.invalidation import editions_showing

from ..models import ImportedItem
from ..sources import Item
from .pages import url_key


class Translations:
    """The importer's translation half (mixed into ``Importer``)."""

    def adopt_translation(self, page: Page, item: Item, locale: Locale) -> None:
        others = ImportedItem.objects.filter(
            source=self.source, translation_group=item.translation_group
        ).exclude(page=None)
        for other in others.select_related("page"):
            if other.page.locale_id != locale.pk and not _has_translation(other.page, locale.pk):
                page.translation_key = other.page.translation_key
                return

    def link_translation_pairs(self, path: Path) -> None:
        """A CSV of (old English URL, old Russian URL) pairs: each pair's pages become
        translations of each other."""
        with open(path, newline="", encoding="utf-8-sig") as handle:
            for number, row in enumerate(csv.reader(handle), start=1):
                if len(row) < 2 or not row[0].strip() or row[0].strip().startswith("#"):
                    continue
                self.link_pair(number, row)

    def link_pair(self, number: int, row: list[str]) -> None:
        pages = [_imported_at(url_key(cell)) for cell in row[:2]]
        if None in pages:
            if number > 1:
                missing = row[0] if pages[0] is None else row[1]
                self.report.warn(f"pairs:{number}", f"no imported story at {missing}")
            return
        source, other = pages[0].page, pages[1].page
        problem = _pair_problem(source, other)
        if problem:
            self.report.warn(f"pairs:{number}", problem)
            return
        if not self.options.dry_run:
            Page.objects.filter(pk=other.pk).update(translation_key=source.translation_key)
            bump(editions_showing(source))
        self.report.counts["translations_linked"] += 1


def _imported_at(key: str) -> ImportedItem | None:
    found = ImportedItem.objects.filter(old_url=key).exclude(page=None)
    return found.select_related("page").first()


def _has_translation(page: Page, locale_id: int, besides: Page | None = None) -> bool:
    found = Page.objects.filter(translation_key=page.translation_key, locale_id=locale_id)
    if besides is not None:
        found = found.exclude(pk=besides.pk)
    return found.exists()


def _pair_problem(source: Page, other: Page) -> str:
    if source.locale_id == other.locale_id:
        return "both addresses are in the same edition"
    if _has_translation(source, other.locale_id, besides=other):
        return "the story already has a translation in that edition"
    return ""
