"""What the search page shows of its hits: the results' rows and tags, and editors' picks."""

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Q, Value
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Locale, Page
from wagtail.search.utils import normalise_query_string

from dateline.taxonomy.registry import tagged_models

from .conditions import tag_table
from .models import SearchEntry


@dataclass
class Hits:
    """One page of ``selectors.search_ids``: its page ids in order, and the total found."""

    page_ids: list[int]
    total: int


@dataclass
class Found:
    """What a result shows, from its index row: the page (title, address, edition only),
    its type, date, texts and the ids of its places and topics in the editors' order."""

    page: Page
    content_type_id: int
    published_at: dt.datetime | None
    standfirst: str
    body: str
    term_ids: list[int] = field(default_factory=list)


def results(hits: Hits) -> list[Found]:
    """The results of ``hits``, in order, in two queries: the index rows with their pages,
    and the pages' tags. No page is loaded as its specific type, no body is parsed."""
    entries = (
        SearchEntry.objects.filter(page_id__in=hits.page_ids)
        .select_related("page", "page__locale", "text")
        .only(
            "content_type_id",
            "published_at",
            *(f"page__{name}" for name in RESULT_PAGE_FIELDS),
            "page__locale__language_code",
            "text__standfirst",
            "text__body",
        )
    )
    found = {}
    for entry in entries:
        text = getattr(entry, "text", None)  # None only for a row being rewritten
        found[entry.page_id] = Found(
            entry.page,
            entry.content_type_id,
            entry.published_at,
            text.standfirst if text else "",
            text.body if text else "",
        )
    for page_id, term_id in _tags(list(found)):
        found[page_id].term_ids.append(term_id)
    return [found[pk] for pk in hits.page_ids if pk in found]


# What a result's link needs of its page (Page.get_url reads the path and the edition).
RESULT_PAGE_FIELDS = ("id", "title", "slug", "url_path", "path", "depth", "locale_id")


def _tags(page_ids: list[int]) -> list[tuple[int, int]]:
    """(page id, term id) of the pages' tags in the editors' order, in one query over the
    tag tables of every tagged type."""
    if not page_ids:
        return []
    parts, seen = [], set()
    for entry in tagged_models():
        table = tag_table(entry)
        if table is None:
            tagged = entry.model.objects.filter(pk__in=page_ids).exclude(
                **{f"{entry.term_lookup}__isnull": True}
            )
            parts.append(tagged.order_by().values_list("pk", entry.term_lookup, Value(0)))
            continue
        tags, page_column, term_column = table
        if tags in seen:  # blog posts share the articles' tag table
            continue
        seen.add(tags)
        order = (tags._meta.ordering or ["pk"])[0].lstrip("-")
        parts.append(
            tags.objects.filter(**{f"{page_column}__in": page_ids})
            .order_by()
            .values_list(page_column, term_column, order)
        )
    if not parts:
        return []
    rows = parts[0].union(*parts[1:], all=True) if len(parts) > 1 else parts[0]
    return [(page_id, term_id) for page_id, term_id, _order in sorted(rows, key=_by_page_order)]


def _by_page_order(row: tuple) -> tuple:
    return row[0], row[2], row[1]


def promotions(query_text: str, locale: Locale) -> list[SearchPromotion]:
    """The editors' picks for this query (Wagtail's search promotions), for this edition:
    promoted pages of the edition that are live, and external links. One query."""
    normalised = normalise_query_string(query_text)
    if not normalised:
        return []
    return list(
        SearchPromotion.objects.filter(query__query_string=normalised)
        .filter(Q(page__isnull=True) | Q(page__live=True, page__locale=locale))
        .select_related("page")
        .order_by("sort_order", "pk")[:5]
    )
