"""Reads from the search index, each in a fixed number of queries."""

import datetime as dt
import difflib
import json
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.db import connection
from django.db.models import Model, Q, Value
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Locale, Page
from wagtail.search.utils import normalise_query_string

from dateline.taxonomy.registry import tagged_models

from .language import ParsedQuery, config_for, fts5_text, tsquery_text
from .models import SearchEntry, SearchWord
from .registry import SearchableModel


@dataclass
class Filters:
    """What the reader narrowed the search to; empty means everything."""

    term_ids: list[list[int]] = field(default_factory=list)  # AND of (OR of term ids)
    kinds: list[SearchableModel] = field(default_factory=list)
    date_from: dt.datetime | None = None
    date_to: dt.datetime | None = None  # exclusive


@dataclass
class Hits:
    page_ids: list[int]
    total: int


# Results are the newest MAX_RESULTS matches, ranked; more are counted as "more than".
MAX_RESULTS = 1000


def search_ids(
    query: ParsedQuery,
    locale: Locale,
    filters: Filters,
    sort: str = "relevance",
    offset: int = 0,
    limit: int = 12,
) -> Hits:
    """The ids of one page of results and the total (at most MAX_RESULTS + 1), in one query
    (two on PostgreSQL without a place or topic filter: see ``_way``).

    The candidates are the newest MAX_RESULTS matches (one more is read to know that there
    are more): a word found in most of the archive then costs a short walk down the date
    index instead of ranking every match; a rarer one reads its matches from the GIN index.
    Relevance puts headline matches first, then standfirst matches, then the rest (body),
    newest first within each; "newest" orders by publication date alone. An offset past
    the end gives no ids and a total of 0; ask ``count`` for the real total then.
    """
    if not query:
        return Hits([], 0)
    language = config_for(locale.language_code)
    where, params = _filters_sql(locale, filters)
    recent_sql, recent_params = "", []
    if connection.vendor == "postgresql":
        match = "to_tsquery(%s::regconfig, %s)"
        match_params = [language, tsquery_text(query, language)]
        condition = f"e.search_vector @@ {match}"
        source = "dateline_search_searchentry e"
        in_title, in_standfirst = f"e.title_vector @@ {match}", f"e.standfirst_vector @@ {match}"
        tier_params = [*match_params, *match_params]
        # A filter by place or topic combines the GIN indexes of words and terms instead.
        way = WALK if filters.term_ids else _way(query, language, where, params)
        if way != WALK:
            # Read the matches through the GIN index (OFFSET 0 keeps PostgreSQL from walking
            # the date index instead), then take the newest.
            columns = """e.page_id, e.content_type_id, e.published_at, e.title_vector,
                e.standfirst_vector"""
            matching = f"dateline_search_searchentry e WHERE {where} AND {condition}"
            source = f"(SELECT {columns} FROM {matching} OFFSET 0) e"
            if way != READ_ALL:
                # Only the matches among the newest ``way`` share of rows are read, if they are
                # enough; only if not, all of them (a one-time test: one branch runs).
                window_sql, window_params = _window_sql(filters, way)
                recent_sql = f"""recent AS MATERIALIZED (
                    SELECT {columns} FROM {matching} AND {window_sql} OFFSET 0),"""
                recent_params = [*params, *match_params, *window_params]
                enough = "(SELECT count(*) FROM recent) > %s"
                source = f"""(SELECT * FROM recent WHERE {enough}
                    UNION ALL SELECT {columns} FROM {matching} AND NOT {enough} OFFSET 0) e"""
                params = [MAX_RESULTS, *params, *match_params, MAX_RESULTS]
                match_params = []
            where, condition = "TRUE", "TRUE"
    else:
        match_params = [fts5_text(query, language)]
        condition = "dateline_search_fts MATCH %s"
        source = (
            "dateline_search_fts JOIN dateline_search_searchentry e "
            "ON e.page_id = dateline_search_fts.rowid"
        )
        in_title = in_standfirst = (
            "e.page_id IN (SELECT rowid FROM dateline_search_fts "
            "WHERE dateline_search_fts MATCH %s)"
        )
        tier_params = [
            fts5_text(query, language, "title"),
            fts5_text(query, language, "standfirst"),
        ]
    sql = f"""
        WITH {recent_sql} candidates AS MATERIALIZED (
            SELECT e.page_id, e.content_type_id, e.published_at,
                CASE WHEN {in_title} THEN 2 WHEN {in_standfirst} THEN 1 ELSE 0 END AS tier,
                row_number() OVER (ORDER BY e.published_at DESC, e.page_id DESC) AS age
            FROM {source}
            WHERE {where} AND {condition}
            ORDER BY e.published_at DESC, e.page_id DESC
            LIMIT %s
        )
        SELECT page_id, (SELECT count(*) FROM candidates) AS total
        FROM candidates
        WHERE age <= %s
        ORDER BY {_order(sort)}
        LIMIT %s OFFSET %s
    """
    # The extra (oldest) candidate only tells that there are more: it is never shown.
    params = [
        *recent_params,
        *tier_params,
        *params,
        *match_params,
        MAX_RESULTS + 1,
        MAX_RESULTS,
        limit,
        offset,
    ]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    return Hits([row[0] for row in rows], rows[0][1] if rows else 0)


# How search_ids finds the newest matches on PostgreSQL (see _way); a number instead means
# the matches among about that share of the newest rows, if enough, else all of them.
WALK = "walk"
READ_ALL = "all"
# The most rows a way may read, in MAX_RESULTS: a window is sized to hold this many times
# MAX_RESULTS matches by the planner's estimate. It is at least MIN_WINDOW_SHARE of the
# rows, as its first date comes from a histogram of 100 buckets (PostgreSQL's default).
WINDOW_MARGIN = 3
MIN_WINDOW_SHARE = 0.02


def _way(query: ParsedQuery, language: str, where: str, params: list) -> str | float:
    """How to find the newest matches: walk the date index, read every match from the GIN
    index, or read the matches among the newest rows only (a number: what share of them),
    from the planner's estimates (one EXPLAIN, no reading).

    Each way reads about WINDOW_MARGIN × MAX_RESULTS rows at most, each row a table page of
    its own (the table is bigger than a default server's buffer cache). Walking reads
    MAX_RESULTS × rows / matches rows: the way for a word found in a third of the rows or
    more. The planner itself prefers the walk far too often, as it does not count the cost
    of reading each row's search vector. Fewer matches are read from the GIN index; when
    they are many more than MAX_RESULTS, the newest of them lie among the newest rows, and
    PostgreSQL combines the word's index with the date index to read only those. The window
    is sized with a loose estimate (a phrase counted as any of its words, no exclusions),
    as the planner counts the words of a phrase as unrelated and guesses too few matches.
    """
    table = "dateline_search_searchentry e"
    match = "e.search_vector @@ to_tsquery(%s::regconfig, %s)"
    sql = f"""EXPLAIN (FORMAT JSON)
        SELECT 1 FROM {table} WHERE {where} AND {match}
        UNION ALL SELECT 1 FROM {table} WHERE {where}
        UNION ALL SELECT 1 FROM {table} WHERE {where} AND {match}"""
    with connection.cursor() as cursor:
        cursor.execute(
            sql,
            [
                *params,
                language,
                tsquery_text(query, language),
                *params,
                *params,
                language,
                tsquery_text(query, language, loose=True),
            ],
        )
        plan = cursor.fetchone()[0]
    if isinstance(plan, str):
        plan = json.loads(plan)
    try:
        matches, rows, loose = (child["Plan Rows"] for child in plan[0]["Plan"]["Plans"])
    except (KeyError, IndexError, TypeError, ValueError):  # another plan shape: let it choose
        return WALK
    if matches * WINDOW_MARGIN >= rows:
        return WALK
    # The share of the rows that holds enough matches, if the words are unrelated to the
    # date (the result is the same if not, only slower).
    share = WINDOW_MARGIN * (MAX_RESULTS + 1) / max(loose, 1)
    return share if share <= 0.5 else READ_ALL


def _window_sql(filters: Filters, share: float) -> tuple[str, list]:
    """A condition for about the newest ``share`` of the rows in the date range asked for,
    its first date read from the column's statistics (the histogram ANALYZE keeps in
    pg_stats), not from the table. An undated row counts as the newest, as in the sort;
    without statistics the window is empty, and search_ids reads every match instead."""
    bounds, params = _date_range_sql("b", filters)
    cutoff = f"""(SELECT percentile_disc(%s) WITHIN GROUP (ORDER BY b DESC)
        FROM pg_stats s, unnest(s.histogram_bounds::text::timestamptz[]) b
        WHERE s.schemaname = current_schema() AND s.tablename = 'dateline_search_searchentry'
            AND s.attname = 'published_at' {"".join(f" AND {bound}" for bound in bounds)})"""
    return f"(e.published_at >= {cutoff} OR e.published_at IS NULL)", [
        max(share, MIN_WINDOW_SHARE),
        *params,
    ]


def _date_range_sql(column: str, filters: Filters) -> tuple[list[str], list]:
    """Conditions on ``column`` for the date range asked for (``date_to`` itself excluded)."""
    clauses, params = [], []
    if filters.date_from:
        clauses.append(f"{column} >= %s")
        params.append(filters.date_from)
    if filters.date_to:
        clauses.append(f"{column} < %s")
        params.append(filters.date_to)
    return clauses, params


def count(query: ParsedQuery, locale: Locale, filters: Filters) -> int:
    """How many pages match, up to MAX_RESULTS + 1 (one query)."""
    if not query:
        return 0
    language = config_for(locale.language_code)
    where, params = _filters_sql(locale, filters)
    if connection.vendor == "postgresql":
        sql = f"""SELECT count(*) FROM (SELECT 1 FROM dateline_search_searchentry e
            WHERE {where} AND e.search_vector @@ to_tsquery(%s::regconfig, %s) LIMIT %s) s"""
        params = [*params, language, tsquery_text(query, language), MAX_RESULTS + 1]
    else:
        sql = f"""SELECT count(*) FROM (SELECT 1 FROM dateline_search_fts
            JOIN dateline_search_searchentry e ON e.page_id = dateline_search_fts.rowid
            WHERE {where} AND dateline_search_fts MATCH %s LIMIT %s) s"""
        params = [*params, fts5_text(query, language), MAX_RESULTS + 1]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchone()[0]


def _order(sort: str) -> str:
    if sort == "newest":
        return "published_at DESC, page_id DESC"
    return "tier DESC, published_at DESC, page_id DESC"


def _filters_sql(locale: Locale, filters: Filters) -> tuple[str, list]:
    clauses, params = ["e.locale_id = %s"], [locale.pk]
    if filters.kinds:
        ct_ids = [ContentType.objects.get_for_model(entry.model).pk for entry in filters.kinds]
        clauses.append(f"e.content_type_id IN ({', '.join(['%s'] * len(ct_ids))})")
        params += ct_ids
    dates, date_params = _date_range_sql("e.published_at", filters)
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
            sub_sql, sub_params = _tagged_ids(entry, term_ids).query.sql_with_params()
            alternatives.append(sub_sql)
            params += list(sub_params)
        union = " UNION ALL ".join(alternatives) or "SELECT NULL"
        clauses.append(f"e.page_id IN ({union})")
    # Filters come before the text match in each WHERE: PostgreSQL tests conditions of equal
    # cost in the order written, and these never need the large search vector read.
    return " AND ".join(clauses), params


def _tag_table(entry) -> tuple[type[Model], str, str] | None:
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


def _tagged_ids(entry, term_ids: list[int]):
    """Ids of ``entry.model``'s pages tagged with any of the terms, as a subquery.

    For a lookup through a tag table the tag table alone answers, without joining the
    (large) content table.
    """
    table = _tag_table(entry)
    if table is not None:
        tags, page_column, term_column = table
        found = tags.objects.filter(**{f"{term_column}__in": term_ids})
        return found.order_by().values(page_column)
    tagged = entry.model.objects.filter(**{f"{entry.term_lookup}__in": term_ids})
    return tagged.order_by().values("pk")


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
        table = _tag_table(entry)
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


def known_words(candidates: list[str], locale: Locale) -> set[str]:
    lowered = {word.lower() for word in candidates}
    return set(
        SearchWord.objects.filter(locale=locale, word__in=lowered).values_list("word", flat=True)
    )


def nearest_word(word: str, locale: Locale) -> str | None:
    """The indexed word closest in spelling to ``word``, or None if none is close."""
    word = word.lower()
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                """SELECT word FROM dateline_search_searchword
                WHERE locale_id = %s AND word %% %s AND similarity(word, %s) > 0.4
                ORDER BY similarity(word, %s) DESC, word LIMIT 1""",
                [locale.pk, word, word, word],
            )
            row = cursor.fetchone()
        return row[0] if row else None
    # SQLite has no trigram index: compare with the words of a similar length and start.
    lengths = f"^.{{{max(1, len(word) - 2)},{len(word) + 2}}}$"
    pool = SearchWord.objects.filter(
        locale=locale, word__startswith=word[:1], word__regex=lengths
    ).values_list("word", flat=True)[:20000]
    matches = difflib.get_close_matches(word, list(pool), n=1, cutoff=0.8)
    return matches[0] if matches else None


def suggestion(query: ParsedQuery, locale: Locale) -> ParsedQuery | None:
    """The query with each unknown word replaced by the nearest indexed word, if that finds
    anything; None when there is no likely spelling."""
    candidates = [w for w in query.positive_words if len(w) >= 3 and not w.isdigit()]
    if not candidates:
        return None
    known = known_words(candidates, locale)
    replacements = {}
    for word in candidates[:5]:
        if word.lower() in known:
            continue
        nearest = nearest_word(word, locale)
        if nearest and nearest != word.lower():
            replacements[word.lower()] = nearest
    if not replacements:
        return None
    suggested = query.replaced(replacements)
    return suggested if count(suggested, locale, Filters()) else None
