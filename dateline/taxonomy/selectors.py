"""Reads for taxonomy listings and menus, each in a fixed number of queries."""

from collections import defaultdict

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q, QuerySet, prefetch_related_objects
from wagtail.models import Locale, Page

from dateline.core.pagecache import edition_cached

from .models import (
    CollectionPage,
    PlacePage,
    RegionIndexPage,
    RegionPage,
    TopicIndexPage,
    TopicPage,
)
from .registry import tagged_models


def tagged_pages(term_ids: list[int] | QuerySet) -> QuerySet[Page]:
    """Live pages of every registered content type tagged with any of ``term_ids``, newest first.

    Terms belong to one edition, so the result stays within that edition.
    """
    condition = Q(pk__in=[])
    for entry in tagged_models():
        tagged = entry.model.objects.filter(**{f"{entry.term_lookup}__in": term_ids})
        condition |= Q(pk__in=tagged.values("pk"))
    return Page.objects.live().filter(condition).order_by("-first_published_at", "-pk")


def with_card_data(pages: list[Page]) -> list[Page]:
    """Turn base pages into their specific types with what a listing card shows prefetched.

    One query per content type present, plus the registered prefetches once for every
    type that registered the same ones (articles and blog posts share theirs).
    """
    registered = {entry.model: entry for entry in tagged_models()}
    pks_by_model = defaultdict(list)
    for page in pages:
        pks_by_model[page.specific_class].append(page.pk)
    specific = _specific_with_prefetches(pks_by_model, registered)
    _add_card_data(pks_by_model, registered, specific)
    return [specific.get(page.pk, page) for page in pages]


def _specific_with_prefetches(pks_by_model: dict, registered: dict) -> dict[int, Page]:
    """pk -> specific page, one query per type, then each set of registered prefetches once
    for every type that shares it."""
    specific = {}
    by_prefetch = defaultdict(list)
    for model, pks in pks_by_model.items():
        objects = list(model.objects.filter(pk__in=pks))
        specific.update((obj.pk, obj) for obj in objects)
        entry = registered.get(model)
        if entry and entry.card_prefetch:
            by_prefetch[_prefetch_paths(entry.card_prefetch)].append((entry, objects))
    for groups in by_prefetch.values():
        objects = [obj for _entry, group in groups for obj in group]
        prefetch_related_objects(objects, *groups[0][0].card_prefetch)
    return specific


def _add_card_data(pks_by_model: dict, registered: dict, specific: dict) -> None:
    """Each registered card_data function once, for every page of the types sharing it."""
    by_card_data = defaultdict(list)
    for model, pks in pks_by_model.items():
        entry = registered.get(model)
        if entry and entry.card_data:
            by_card_data[entry.card_data].extend(specific[pk] for pk in pks if pk in specific)
    for card_data, objects in by_card_data.items():
        card_data(objects)


def _prefetch_paths(prefetches: tuple) -> tuple:
    return tuple(getattr(p, "prefetch_to", p) for p in prefetches)


def cached_edition_menus(locale: Locale) -> dict:
    """``edition_menus()``, the same on every page of the edition: kept until a page of the
    edition changes (core.pagecache)."""
    return edition_cached(
        locale.language_code, f"term-menus:{locale.pk}", lambda: edition_menus(locale)
    )


def edition_menus(locale: Locale) -> dict[str, tuple[Page, list[tuple[Page, list[Page]]]]]:
    """The Regions and Topics menus of an edition, in one query.

    Returns {"regions": (index page, [(region, [places])]), "topics": (index, [(topic,
    [collections])])}; a menu whose index page does not exist is left out.
    """
    index_keys = {
        ContentType.objects.get_for_model(RegionIndexPage).pk: "regions",
        ContentType.objects.get_for_model(TopicIndexPage).pk: "topics",
    }
    pages = (
        Page.objects.live()
        .filter(locale=locale)
        .type(RegionIndexPage, RegionPage, PlacePage, TopicIndexPage, TopicPage, CollectionPage)
        .order_by("path")
        .only("id", "title", "slug", "url_path", "path", "depth", "locale_id", "content_type_id")
    )
    menus: dict = {}
    current = None
    for page in pages:
        if page.content_type_id in index_keys:
            current = (page, [])
            menus.setdefault(index_keys[page.content_type_id], current)
        elif current and page.path.startswith(current[0].path):
            if page.depth == current[0].depth + 1:
                current[1].append((page, []))
            elif current[1]:
                current[1][-1][1].append(page)
    return menus


def term_tree(index_page: Page) -> list[tuple[Page, list[Page]]]:
    """The terms below an index page as (term, sub-terms) pairs, in tree order, one query."""
    terms = index_page.get_descendants().live().filter(depth__lte=index_page.depth + 2)
    tree: list[tuple[Page, list[Page]]] = []
    for term in terms.select_related("locale"):
        if term.depth == index_page.depth + 1:
            tree.append((term, []))
        elif tree:
            tree[-1][1].append(term)
    return tree
