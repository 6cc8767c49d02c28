"""Writes to the search index: add or refresh pages, remove them, rebuild everything."""

from collections.abc import Callable, Iterable

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from wagtail.models import Locale, Page, PageViewRestriction

from dateline.taxonomy.registry import tagged_models

from .language import config_for, stemmed_text, words
from .models import SearchEntry, SearchText, SearchWord
from .registry import SearchableModel, entry_for, searchable_models

BATCH_SIZE = 500
MAX_WORDS_PER_PAGE = 2000
MIN_WORD_LENGTH = 3
MAX_WORD_LENGTH = 60


def _restricted_paths() -> list[str]:
    return list(PageViewRestriction.objects.values_list("page__path", flat=True))


def _is_public(page: Page, restricted: list[str]) -> bool:
    return not any(page.path.startswith(path) for path in restricted)


def index_pages(pages: Iterable[Page]) -> int:
    """Add or refresh each page in the index; drafts, unpublished, private or unregistered
    pages are removed instead. Returns how many pages are now indexed."""
    restricted = _restricted_paths()
    rows, remove = [], []
    locales = {locale.pk: locale.language_code for locale in Locale.objects.all()}
    for page in pages:
        page = page.specific
        entry = entry_for(type(page))
        if entry is None or not page.live or not _is_public(page, restricted):
            remove.append(page.pk)
            continue
        rows.append(_row(page, entry, locales))
    if remove:
        remove_pages(remove)
    for start in range(0, len(rows), BATCH_SIZE):
        _write(rows[start : start + BATCH_SIZE])
    return len(rows)


def index_page(page: Page) -> bool:
    return index_pages([page]) == 1


def remove_pages(page_ids: Iterable[int]) -> None:
    """Take pages out of the index (the FTS5 rows follow by trigger on SQLite)."""
    SearchEntry.objects.filter(page_id__in=list(page_ids)).delete()


def rebuild(progress: Callable[[int], None] = lambda done: None) -> int:
    """Index every live page of every registered type from scratch; returns the count.

    This is also how pages written without Wagtail's signals (``generate_articles``) get in.
    """
    restricted = _restricted_paths()
    locales = {locale.pk: locale.language_code for locale in Locale.objects.all()}
    with transaction.atomic():
        SearchEntry.objects.all().delete()
        SearchWord.objects.all().delete()
    done = 0
    for entry in searchable_models():
        # Exactly this type: ArticlePage.objects would also yield every BlogPostPage.
        pages = entry.model.objects.live().exact_type(entry.model).order_by("pk")
        batch = []
        for page in pages.iterator(chunk_size=BATCH_SIZE):
            if _is_public(page, restricted):
                batch.append(_row(page, entry, locales))
            if len(batch) >= BATCH_SIZE:
                _write(batch)
                done += len(batch)
                progress(done)
                batch = []
        if batch:
            _write(batch)
            done += len(batch)
            progress(done)
    return done


def _row(page: Page, entry: SearchableModel, locales: dict[int, str]) -> dict:
    title, standfirst, body = entry.texts(page)
    return {
        "page_id": page.pk,
        "locale_id": page.locale_id,
        "content_type_id": ContentType.objects.get_for_model(entry.model).pk,
        "published_at": page.first_published_at,
        "config": config_for(locales.get(page.locale_id, "")),
        "title": _clean(title),
        "standfirst": _clean(standfirst),
        "body": _clean(body),
        "model": entry.model,
    }


def _clean(text: str) -> str:
    # NUL cannot be stored in PostgreSQL text; nothing else needs removing.
    return text.replace("\x00", " ")


def _write(rows: list[dict]) -> None:
    if not rows:
        return
    term_ids = _term_ids(rows)
    _add_term_names(rows, term_ids)
    with transaction.atomic():
        if connection.vendor == "postgresql":
            _write_postgres(rows, term_ids)
        else:
            _write_portable(rows)
        _add_words(rows)


def _add_term_names(rows: list[dict], term_ids: dict[int, list[int]]) -> None:
    """Index a page's places and topics with its body (``indexed_body``; snippets still come
    from the body alone): a story tagged Nagorno Karabakh is found by "Karabakh" even when
    its text says "the enclave". One query."""
    wanted = {pk for ids in term_ids.values() for pk in ids}
    names = dict(Page.objects.filter(pk__in=wanted).values_list("pk", "title")) if wanted else {}
    for row in rows:
        tagged = [names[pk] for pk in term_ids.get(row["page_id"], []) if pk in names]
        row["indexed_body"] = "\n".join(filter(None, [row["body"], " ".join(tagged)]))


def _term_ids(rows: list[dict]) -> dict[int, list[int]]:
    """page id -> the ids of the terms the page is tagged with (one query per tagged type)."""
    found: dict[int, list[int]] = {}
    for tagged in tagged_models():
        ids = [row["page_id"] for row in rows if row["model"] is tagged.model]
        if not ids:
            continue
        pairs = tagged.model.objects.filter(pk__in=ids, **{f"{tagged.term_lookup}__isnull": False})
        for page_id, term_id in pairs.values_list("pk", tagged.term_lookup):
            found.setdefault(page_id, []).append(term_id)
    return found


def _texts(rows: list[dict]) -> list[SearchText]:
    return [
        SearchText(entry_id=row["page_id"], standfirst=row["standfirst"], body=row["body"])
        for row in rows
    ]


def _write_postgres(rows: list[dict], term_ids: dict[int, list[int]]) -> None:
    sql = """
        INSERT INTO dateline_search_searchentry (page_id, locale_id, content_type_id,
            published_at, config, term_ids, title_vector, standfirst_vector, search_vector)
        SELECT r.page_id, r.locale_id, r.content_type_id, r.published_at, r.config, r.term_ids,
            setweight(to_tsvector(r.config::regconfig, r.title), 'A'),
            setweight(to_tsvector(r.config::regconfig, r.standfirst), 'B'),
            setweight(to_tsvector(r.config::regconfig, r.title), 'A')
              || setweight(to_tsvector(r.config::regconfig, r.standfirst), 'B')
              || setweight(to_tsvector(r.config::regconfig, r.body), 'C')
        FROM (VALUES {values}) AS r(page_id, locale_id, content_type_id, published_at, config,
            term_ids, title, standfirst, body)
        ON CONFLICT (page_id) DO UPDATE SET locale_id = EXCLUDED.locale_id,
            content_type_id = EXCLUDED.content_type_id, published_at = EXCLUDED.published_at,
            config = EXCLUDED.config, term_ids = EXCLUDED.term_ids,
            title_vector = EXCLUDED.title_vector,
            standfirst_vector = EXCLUDED.standfirst_vector,
            search_vector = EXCLUDED.search_vector
    """
    values = ", ".join(
        ["(%s::bigint, %s::bigint, %s::int, %s::timestamptz, %s, %s::int[], %s, %s, %s)"]
        * len(rows)
    )
    params = []
    for row in rows:
        params += [
            row["page_id"],
            row["locale_id"],
            row["content_type_id"],
            row["published_at"],
            row["config"],
            sorted(set(term_ids.get(row["page_id"], []))),
            row["title"],
            row["standfirst"],
            row["indexed_body"],
        ]
    with connection.cursor() as cursor:
        cursor.execute(sql.format(values=values), params)
    SearchText.objects.bulk_create(
        _texts(rows),
        update_conflicts=True,
        unique_fields=["entry"],
        update_fields=["standfirst", "body"],
    )


def _write_portable(rows: list[dict]) -> None:
    ids = [row["page_id"] for row in rows]
    SearchEntry.objects.filter(page_id__in=ids).delete()
    SearchEntry.objects.bulk_create(
        SearchEntry(
            page_id=row["page_id"],
            locale_id=row["locale_id"],
            content_type_id=row["content_type_id"],
            published_at=row["published_at"],
            config=row["config"],
        )
        for row in rows
    )
    SearchText.objects.bulk_create(_texts(rows))
    if connection.vendor != "sqlite":
        return
    with connection.cursor() as cursor:
        cursor.executemany(
            "INSERT INTO dateline_search_fts (rowid, title, standfirst, body) "
            "VALUES (%s, %s, %s, %s)",
            [
                (
                    row["page_id"],
                    stemmed_text(row["title"], row["config"]),
                    stemmed_text(row["standfirst"], row["config"]),
                    stemmed_text(row["indexed_body"], row["config"]),
                )
                for row in rows
            ],
        )


def _add_words(rows: list[dict]) -> None:
    found = set()
    for row in rows:
        found.update((row["locale_id"], word) for word in _page_words(row))
    SearchWord.objects.bulk_create(
        [SearchWord(locale_id=locale_id, word=word) for locale_id, word in found],
        ignore_conflicts=True,
        batch_size=2000,
    )


def _page_words(row: dict) -> set[str]:
    """The page's first ``MAX_WORDS_PER_PAGE`` different words, lower-cased, for "did you
    mean": each distinct word looked at once (``dict.fromkeys`` keeps their order), not
    every one of a long story's thousand words."""
    page_words: set[str] = set()
    for text in (row["title"], row["standfirst"], row["body"]):
        for word in dict.fromkeys(words(text)):
            if MIN_WORD_LENGTH <= len(word) <= MAX_WORD_LENGTH and not word.isdigit():
                page_words.add(word.lower())
                if len(page_words) >= MAX_WORDS_PER_PAGE:
                    return page_words
    return page_words
