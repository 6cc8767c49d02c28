"""Matching: the ids of a page of hits and their count, from the search index, each in a
fixed number of queries. What the page shows of them is in results.py, spelling
suggestions in suggestions.py, the filters' SQL in conditions.py."""

import json

from django.db import connection
from wagtail.models import Locale

from .conditions import Filters, date_range_sql, filters_sql
from .language import ParsedQuery, config_for, fts5_text, tsquery_text
from .results import Hits

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
    where, params = filters_sql(locale, filters)
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
    bounds, params = date_range_sql("b", filters)
    cutoff = f"""(SELECT percentile_disc(%s) WITHIN GROUP (ORDER BY b DESC)
        FROM pg_stats s, unnest(s.histogram_bounds::text::timestamptz[]) b
        WHERE s.schemaname = current_schema() AND s.tablename = 'dateline_search_searchentry'
            AND s.attname = 'published_at' {"".join(f" AND {bound}" for bound in bounds)})"""
    return f"(e.published_at >= {cutoff} OR e.published_at IS NULL)", [
        max(share, MIN_WINDOW_SHARE),
        *params,
    ]


def count(query: ParsedQuery, locale: Locale, filters: Filters) -> int:
    """How many pages match, up to MAX_RESULTS + 1 (one query)."""
    if not query:
        return 0
    language = config_for(locale.language_code)
    where, params = filters_sql(locale, filters)
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
