"""Reads for taxonomy listings and menus, each in a fixed number of queries."""

from collections import defaultdict

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q, QuerySet
from wagtail.models import Locale, Page

from .registry import tagged_models


def tagged_pages(term_ids: list[int]) -> QuerySet[Page]:
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

    One query per content type present, plus each type's registered prefetches.
    """
    registered = {entry.model: entry for entry in tagged_models()}
    pks_by_model = defaultdict(list)
    for page in pages:
        pks_by_model[page.specific_class].append(page.pk)
    specific = {}
    for model, pks in pks_by_model.items():
        queryset = model.objects.filter(pk__in=pks)
        entry = registered.get(model)
        if entry and entry.card_prefetch:
            queryset = queryset.prefetch_related(*entry.card_prefetch)
        specific.update((obj.pk, obj) for obj in queryset)
    return [specific.get(page.pk, page) for page in pages]


def edition_menus(locale: Locale) -> dict[str, tuple[Page, list[tuple[Page, list[Page]]]]]:
    """The Regions and Topics menus of an edition, in one query.

    Returns {"regions": (index page, [(region, [places])]), "topics": (index, [(topic,
    [collections])])}; a menu whose index page does not exist is left out.
    """
    from .models import (
        CollectionPage,
        PlacePage,
        RegionIndexPage,
        RegionPage,
        TopicIndexPage,
        TopicPage,
    )

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
