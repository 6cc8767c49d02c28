"""Old categories and tags to the edition's regions, places, topics and collections: through
the mapping file, then slugs and names in every edition, then (if asked) new topics."""

from __future__ import annotations

import csv
from pathlib import Path
from urllib.parse import unquote

from django.db import transaction
from wagtail.models import Locale, Page

from dateline.taxonomy.models import PLACE_TERM_MODELS, TERM_MODELS, TopicIndexPage, TopicPage

from ..sources import Item
from .pages import free_slug
from .report import Report
from .sections import section_target

IGNORED_TERMS = {"uncategorized", "без-рубрики", "bez-rubriki"}
DROPPED = ("", "-")  # a mapping to one of these drops the term on purpose


def term_key(text: str) -> str:
    return " ".join(unquote(text).casefold().replace("-", " ").replace("_", " ").split())


class TermMapping(dict):
    """(taxonomy, old slug) → Dateline term slug (or "-"), and in ``sections`` the lines
    that send posts to a blog or a podcast (``blog:slug``, ``podcast:slug``)."""

    def __init__(self):
        super().__init__()
        self.sections: dict[tuple[str, str], str] = {}


def load_mapping(path: Path | None) -> TermMapping:
    """The mapping file: CSV rows ``taxonomy,old_slug,dateline_slug`` (see docs/import.md)."""
    mapping = TermMapping()
    if path is None:
        return mapping
    with open(path, newline="", encoding="utf-8-sig") as handle:
        for number, row in enumerate(csv.reader(handle), start=1):
            entry = _mapping_entry(path, number, row)
            if entry is None:
                continue
            key, target = entry
            if section_target(target) is None:
                mapping[key] = target
            else:  # the term itself is dropped, unless a line of its own maps it
                mapping.sections[key] = target
                if key != ("*", "*"):
                    mapping.setdefault(key, "-")
    return mapping


def _mapping_entry(path: Path, number: int, row: list[str]):
    """((taxonomy, old slug), dateline slug) of one line, or None for a comment or header."""
    if not row or row[0].strip().startswith("#"):
        return None
    if len(row) < 3:
        raise ValueError(f"{path}, line {number}: expected taxonomy,old_slug,dateline_slug")
    taxonomy, old, new = (cell.strip() for cell in row[:3])
    if number == 1 and taxonomy.lower() == "taxonomy":
        return None
    taxonomy = {"tag": "post_tag", "*": "*"}.get(taxonomy, taxonomy)
    return (taxonomy, unquote(old).casefold()), new


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

    def by_slug_or_name(self, slug: str, name: str) -> Page | None:
        return self.by_slug.get(slug.casefold()) or self.by_name.get(term_key(name))

    def _find(self, taxonomy: str, slug: str, name: str, item_id: str) -> Page | None:
        mapped = self.mapped(taxonomy, slug)
        if mapped is not None:
            return self._mapped(mapped, item_id)
        page = self.by_slug_or_name(slug, name)
        if page is not None or slug.casefold() in IGNORED_TERMS:
            return page
        return self._unmatched(slug, name)

    def mapped(self, taxonomy: str, slug: str) -> str | None:
        """The mapping's line for a term: its own taxonomy's, else the line for any."""
        taxonomy = "post_tag" if taxonomy == "tag" else taxonomy  # Ghost's and feeds' tags
        key = slug.casefold()
        return self.mapping.get((taxonomy, key), self.mapping.get(("*", key)))

    def _mapped(self, mapped: str, item_id: str) -> Page | None:
        if mapped in DROPPED:
            return None
        page = self.by_slug.get(mapped.casefold())
        if page is None:
            self.report.warn(item_id, f"mapping names {mapped!r}, which is no term of the edition")
        return page

    def _unmatched(self, slug: str, name: str) -> Page | None:
        """A new topic for a term nothing matched, if asked (counted, not made, in a dry run)."""
        if self.unmapped != "topic":
            return None
        page = None if self.dry_run else self.create_topic(slug, name)
        self.report.counts["terms_created"] += 1
        return page

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
            title=name[:255] or slug, slug=free_slug(index, slug or name), locale=self.locale
        )
        index.add_child(instance=topic)
        topic.save_revision().publish()
        self.by_slug[topic.slug.casefold()] = topic
        self.by_name[term_key(name)] = topic
        return topic

    def for_item(self, item: Item) -> list[Page]:
        """The item's terms as pages, places first, each once; what matched nothing noted."""
        pages = []
        for taxonomy, slug, name in item.terms:
            page = self.find(taxonomy, slug, name, item.source_id)
            if page is None:
                self._note_if_wanted(taxonomy, slug, name)
            elif page.pk not in {p.pk for p in pages}:
                pages.append(page)
        places = [p for p in pages if p.specific_class in PLACE_TERM_MODELS]
        return places + [p for p in pages if p.specific_class not in PLACE_TERM_MODELS]

    def _note_if_wanted(self, taxonomy: str, slug: str, name: str) -> None:
        """Unmapped, unless dropped on purpose, ignored, or to become a topic (dry run)."""
        mapped = self.mapped(taxonomy, slug)
        wanted = mapped not in DROPPED and slug.casefold() not in IGNORED_TERMS
        if wanted and not (self.unmapped == "topic" and self.dry_run):
            self.note_unmapped(taxonomy, slug, name)
