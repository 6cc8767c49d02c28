"""The SQL conditions of a search's filters: edition, type, dates, places and topics."""

import datetime as dt
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.db import connection
from django.db.models import Model
from wagtail.models import Locale

from dateline.taxonomy.registry import tagged_models

from .registry import SearchableModel


@dataclass
class Filters:
    """What the reader narrowed the search to; empty means everything."""

    term_ids: list[list[int]] = field(default_factory=list)  # AND of (OR of term ids)
    kinds: list[SearchableModel] = field(default_factory=list)
    date_from: dt.datetime | None = None
    date_to: dt.datetime | None = None  # exclusive


def date_range_sql(column: str, filters: Filters) -> tuple[list[str], list]:
    """Conditions on ``column`` for the date range asked for (``date_to`` itself excluded)."""
    clauses, params = [], []
    if filters.date_from:
        clauses.append(f"{column} >= %s")
        params.append(filters.date_from)
    if filters.date_to:
        clauses.append(f"{column} < %s")
        params.append(filters.date_to)
    return clauses, params


def filters_sql(locale: Locale, filters: Filters) -> tuple[str, list]:
    clauses, params = ["e.locale_id = %s"], [locale.pk]
    if filters.kinds:
        ct_ids = [ContentType.objects.get_for_model(entry.model).pk for entry in filters.kinds]
        clauses.append(f"e.content_type_id IN ({', '.join(['%s'] * len(ct_ids))})")
        params += ct_ids
    dates, date_params = date_range_sql("e.published_at", filters)
    clauses += dates
    params += date_params
    for term_ids in filters.term_ids:
        if connection.vendor == "postgresql":
            # The index row holds the page's term ids (GIN-indexed): PostgreSQL combines
            # this with the word's index and reads only the rows that match both.
            clauses.append("e.term_ids && %s::int[]")
            params.append(list(term_ids))
            continue
        # One IN over a UNION ALL (not an OR of INs), so the planner can join on it.
        alternatives = []
        for entry in tagged_models():
            sub_sql, sub_params = tagged_ids(entry, term_ids).query.sql_with_params()
            alternatives.append(sub_sql)
            params += list(sub_params)
        union = " UNION ALL ".join(alternatives) or "SELECT NULL"
        clauses.append(f"e.page_id IN ({union})")
    # Filters come before the text match in each WHERE: PostgreSQL tests conditions of equal
    # cost in the order written, and these never need the large search vector read.
    return " AND ".join(clauses), params


def tag_table(entry) -> tuple[type[Model], str, str] | None:
    """For a lookup through a tag table ("tags__term"): the tag model and the names of its
    page and term columns; None for any other shape of lookup."""
    relation, _, rest = entry.term_lookup.partition("__")
    try:
        field = entry.model._meta.get_field(relation)
    except FieldDoesNotExist:
        return None
    if not (field.one_to_many and rest and "__" not in rest):
        return None
    tags = field.related_model
    return tags, field.field.attname, tags._meta.get_field(rest).attname


def tagged_ids(entry, term_ids: list[int]):
    """Ids of ``entry.model``'s pages tagged with any of the terms, as a subquery.

    For a lookup through a tag table the tag table alone answers, without joining the
    (large) content table.
    """
    table = tag_table(entry)
    if table is not None:
        tags, page_column, term_column = table
        found = tags.objects.filter(**{f"{term_column}__in": term_ids})
        return found.order_by().values(page_column)
    tagged = entry.model.objects.filter(**{f"{entry.term_lookup}__in": term_ids})
    return tagged.order_by().values("pk")
