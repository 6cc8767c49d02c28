"""Reads of articles and authors, each in a fixed number of queries."""

import datetime as dt
import heapq
from dataclasses import dataclass

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.models import (
    Count,
    Prefetch,
    Q,
    QuerySet,
    Value,
    prefetch_related_objects,
)
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.models import Locale, Page

from dateline.core import wagtail_internals
from dateline.taxonomy.models import PLACE_TERM_MODELS

# news.models imports this module for get_context; the module reference resolves lazily.
from . import models as news

NEWEST_FIRST = ("-first_published_at", "-pk")


def card_prefetches() -> tuple:
    """What a card (image, headline, standfirst, date, tags, authors) needs from the database."""
    return (
        Prefetch(
            "tags", queryset=news.ArticleTag.objects.select_related("term").order_by("sort_order")
        ),
        byline_prefetch(),
        Prefetch("lead_image", queryset=get_image_model().objects.prefetch_renditions()),
    )


def byline_prefetch() -> Prefetch:
    """What a byline (``author_pages``) needs: the credits with their authors, in order."""
    return Prefetch(
        "authors",
        queryset=news.ArticleAuthor.objects.select_related("author").order_by("sort_order"),
    )


def with_article_card_data(articles: list) -> list:
    """Prefetch card data onto already-fetched articles (a fixed number of queries), and
    label each blog post with its blog (``article.blog``, one more query when any is)."""
    if articles:
        prefetch_related_objects(articles, *card_prefetches())
        label_blog_posts(articles)
    return articles


def home_and_blog(article) -> Page | None:
    """The edition's home page of ``article``, with ``article.blog`` set on the way (see
    label_blog_posts): one query for both, none when the article's parent is known and is
    the home page (a story routed by core.routing)."""
    steplen = news.ArticlePage.steplen
    home_path, parent_path = article.path[: 2 * steplen], article.path[:-steplen]
    parent = wagtail_internals.known_parent(article)
    if parent is not None and parent.path == home_path == parent_path:
        found = {home_path: parent}
    else:
        found = {p.path: p for p in Page.objects.filter(path__in={home_path, parent_path})}
    parent = found.get(parent_path)
    is_post = article.content_type_id != ContentType.objects.get_for_model(news.ArticlePage).pk
    article.blog = parent if is_post and parent is not None and parent.depth > 2 else None
    return found.get(home_path)


def label_blog_posts(articles: list) -> None:
    """Set ``blog`` on each article that is a blog post (an ArticlePage kind filed under a
    blog rather than under the edition's home) to its blog's page, so that its card says
    whose column it is; None on the others."""
    article_type = ContentType.objects.get_for_model(news.ArticlePage).pk
    posts = [a for a in articles if a.content_type_id != article_type]
    for article in articles:
        article.blog = None
    if not posts:
        return
    steplen = news.ArticlePage.steplen
    parents = {p.path: p for p in Page.objects.filter(path__in={a.path[:-steplen] for a in posts})}
    for post in posts:
        parent = parents.get(post.path[:-steplen])
        post.blog = parent if parent is not None and parent.depth > 2 else None


def live_articles(locale: Locale | int | None = None) -> QuerySet:
    """Live articles, newest first; of one edition when ``locale`` (or its id) is given."""
    articles = news.ArticlePage.objects.live()
    if locale is not None:
        articles = articles.filter(locale=locale)
    return articles.order_by(*NEWEST_FIRST)


def articles_by(author) -> QuerySet:
    """The author's live articles, newest first."""
    return live_articles().filter(authors__author=author)


def articles_tagged(term_ids: list[int], locale: Locale) -> QuerySet:
    """The newest live articles carrying any of the terms (slice it), without card data."""
    tagged = news.ArticleTag.objects.filter(term_id__in=term_ids).values("page_id")
    return live_articles(locale).filter(pk__in=tagged)


def newest_of_each(lists: dict) -> dict:
    """Several short lists of articles in one query: ``lists`` maps a key to a
    ``(live_articles() queryset, how many)`` pair; the answer maps it to that many of the
    queryset's newest articles, without card data. One UNION ALL of the sliced querysets,
    so that a page of several lists (the home page's rails) pays one query for all."""
    keys = list(lists)
    # Each part's LIMIT sits in an IN subquery: SQLite refuses one on a UNION's own parts.
    parts = [
        news.ArticlePage.objects.filter(
            pk__in=queryset.order_by(*NEWEST_FIRST).values("pk")[:count]
        )
        .annotate(list_index=Value(index))
        .order_by()
        for index, (queryset, count) in enumerate(lists.values())
    ]
    found = {key: [] for key in keys}
    if parts:
        for article in parts[0].union(*parts[1:], all=True):
            found[keys[article.list_index]].append(article)
    for articles in found.values():
        articles.sort(key=lambda a: (a.first_published_at, a.pk), reverse=True)
    return found


# Related stories are ranked among this many of the newest live articles that share a place
# or topic with the story: a bound on the work whatever the size of the archive (a story's
# region can carry tens of thousands of articles), and news readers want recent ones.
RELATED_CANDIDATES = 200
# Each term's list holds this many more than RELATED_CANDIDATES: the story itself and its
# pins are left out of the candidates after the lists are merged.
_TERM_LIST_SPARE = 16


def newest_tagged(edition: str, locale_id: int, term_ids: list[int]) -> dict[int, list]:
    """For each term, (id, publication timestamp) of the newest live articles of the
    edition carrying it; kept until a story of the term changes (core.pagecache), so that a
    story's related list costs no search through its region's whole archive. The terms
    not kept yet are read in one query."""
    from dateline.core.pagecache import edition_cached_many

    def name(term_id: int) -> str:
        return f"tagged:{locale_id}:{term_id}"

    def compute(names: list[str]) -> dict[str, list]:
        missing = [term_id for term_id in term_ids if name(term_id) in names]
        # One UNION ALL of a sliced list per term; each LIMIT sits in an IN subquery, as
        # SQLite refuses one on a UNION's own parts.
        parts = [
            news.ArticlePage.objects.filter(
                pk__in=live_articles(locale_id)
                .filter(tags__term_id=term_id)
                .values("pk")[: RELATED_CANDIDATES + _TERM_LIST_SPARE]
            )
            .annotate(term=Value(term_id))
            .order_by()
            .values_list("term", "pk", "first_published_at")
            for term_id in missing
        ]
        lists = {name(term_id): [] for term_id in missing}
        for term_id, pk, published in parts[0].union(*parts[1:], all=True):
            lists[name(term_id)].append((pk, published.timestamp() if published else 0.0))
        return lists

    names = {name(term_id): term_id for term_id in term_ids}
    found = edition_cached_many(
        edition, list(names), compute, tags_of=lambda key: [f"list:{names[key]}"]
    )
    return {term_id: found[name(term_id)] for term_id in term_ids}


def warm_related_lists(article) -> None:
    """Read again the kept lists of ``article``'s terms (``newest_tagged``) that a change
    retired: one query for those not kept, none with the page cache off."""
    from dateline.core.pagecache import enabled, locale_of

    if not enabled() or not article.locale_id:
        return
    term_ids = story_rows(article).term_ids
    if term_ids:
        newest_tagged(locale_of(article).language_code, article.locale_id, term_ids)


def related_ids(article, rows: "StoryRows", limit: int = 3) -> list[int]:
    """Stories on the same story: the editors' pins first, then, among the newest
    RELATED_CANDIDATES live articles sharing a place or topic with ``article``, those
    sharing the most, newest first among equals. Their ids only: the article page renders
    their cards, which are kept, and fetches only the stories whose card is not.

    With the page cache on, no query: the ranking merges each term's newest articles, kept
    by ``newest_tagged`` and shared by every story of the term. That gives exactly what one
    query over the whole archive would: an article among the newest RELATED_CANDIDATES
    sharing any of the story's terms is among the newest of each term it carries, so it is
    on each of those lists. With the page cache off nothing would be kept, so the ranking
    is one query (``_ranked_in_sql``) instead of reading every term's list to rank it here."""
    from dateline.core.pagecache import enabled

    assert limit <= _TERM_LIST_SPARE
    left_out = [article.pk, *rows.pinned_ids]
    if enabled():
        best = _ranked_from_lists(article, rows.term_ids, left_out, limit)
    else:
        best = _ranked_in_sql(article, rows.term_ids, left_out, limit)
    return [*rows.pinned_ids, *best][:limit]


@dataclass
class StoryRows:
    """What a story's own rows point at, read in one query (``story_rows``): its terms and
    its authors (base pages, in the editors' order, with what a link to them needs) and the
    live stories of its edition its editors pinned as related."""

    terms: list[Page]
    authors: list[Page]
    pinned_ids: list[int]

    @property
    def term_ids(self) -> list[int]:
        return sorted({term.pk for term in self.terms})


# The page fields a link to a term or an author needs ({% pageurl %}, its title, its type).
_LINK_FIELDS = ("id", "title", "slug", "url_path", "path", "depth", "locale_id", "content_type_id")
_TERM, _AUTHOR, _PIN = 0, 1, 2


def story_rows(article) -> StoryRows:
    """The article's tags' terms, its credits' authors and its live pinned stories: one
    query, written out because the ORM's own (three querysets of pages joined to their
    rows, in a union) cost more to build than to run, on every story page."""
    page = Page._meta.db_table
    columns = ", ".join(f"p.{connection.ops.quote_name(field)}" for field in _LINK_FIELDS)

    def part(kind: int, model, target: str, extra: str = "") -> str:
        return (
            f"SELECT {columns}, {kind} AS row_kind, r.sort_order AS row_order, r.id AS row_id"
            f" FROM {model._meta.db_table} r JOIN {page} p ON p.id = r.{target}"
            f" WHERE r.page_id = %s{extra}"
        )

    sql = " UNION ALL ".join(
        [
            part(_TERM, news.ArticleTag, "term_id"),
            part(_AUTHOR, news.ArticleAuthor, "author_id"),
            part(_PIN, news.RelatedPin, "article_id", " AND p.live = %s AND p.locale_id = %s"),
        ]
    )
    params = [article.pk, article.pk, article.pk, True, article.locale_id]
    found: dict[int, list] = {_TERM: [], _AUTHOR: [], _PIN: []}
    for row in Page.objects.raw(sql, params):
        found[row.row_kind].append(row)
    for rows in found.values():
        rows.sort(key=lambda row: (row.row_order is None, row.row_order or 0, row.row_id))
    return StoryRows(
        terms=found[_TERM], authors=found[_AUTHOR], pinned_ids=[p.pk for p in found[_PIN]]
    )


def with_story_rows(article, rows: StoryRows) -> None:
    """Give the article its terms and authors from ``rows``: its page shows them (place and
    topic links, byline, structured data) without querying its tags and credits again.
    Not those an editor's preview holds in memory (unsaved), which it shows instead."""
    from dateline.core.pagecache import locale_of

    for linked in [*rows.terms, *rows.authors]:
        # Terms and authors are the story's edition's (their links need it).
        if linked.locale_id == article.locale_id:
            linked.locale = locale_of(article)
        else:
            locale_of(linked)
    unsaved = wagtail_internals.unsaved_relations(article)
    if article.tags_relation not in unsaved:
        article.place_terms = [t for t in rows.terms if t.specific_class in PLACE_TERM_MODELS]
        article.topic_terms = [t for t in rows.terms if t.specific_class not in PLACE_TERM_MODELS]
    if "authors" not in unsaved:
        article.author_pages = rows.authors


def _ranked_from_lists(article, term_ids: list[int], left_out: list[int], limit: int) -> list[int]:
    """The ids of the ``limit`` candidates sharing the most terms, newest first among
    equals, from each term's kept list (``newest_tagged``)."""
    from dateline.core.pagecache import locale_of

    edition = locale_of(article).language_code
    shared: dict[int, int] = {}
    published: dict[int, float] = {}
    for rows in newest_tagged(edition, article.locale_id, term_ids).values():
        for pk, timestamp in rows:
            shared[pk] = shared.get(pk, 0) + 1
            published[pk] = timestamp
    for pk in left_out:
        shared.pop(pk, None)
    # Tuples compared in C rather than a key function: a story's terms can list hundreds.
    recent = heapq.nlargest(RELATED_CANDIDATES, [(published[pk], pk) for pk in shared])
    ranked = heapq.nlargest(limit, [(shared[pk], timestamp, pk) for timestamp, pk in recent])
    return [pk for _shared, _timestamp, pk in ranked]


def _ranked_in_sql(article, term_ids: list[int], left_out: list[int], limit: int) -> list[int]:
    """``_ranked_from_lists`` in one query: the ids of the newest
    RELATED_CANDIDATES live articles of the edition sharing a term, ranked by how many
    they share, then newest first."""
    if not term_ids:
        return []
    tagged = news.ArticleTag.objects.filter(term_id__in=term_ids).values("page_id")
    candidates = (
        live_articles(article.locale_id)
        .filter(pk__in=tagged)
        .exclude(pk__in=left_out)
        .values("pk")[:RELATED_CANDIDATES]
    )
    shared = Count("tags__term", distinct=True, filter=Q(tags__term_id__in=term_ids))
    return list(
        news.ArticlePage.objects.filter(pk__in=candidates)
        .annotate(shared_terms=shared)
        .order_by("-shared_terms", *NEWEST_FIRST)
        .values_list("pk", flat=True)[:limit]
    )


def authors_of(index_page: Page) -> list:
    return list(
        news.AuthorPage.objects.live().child_of(index_page).select_related("photo").order_by("path")
    )


def live_updates(article, after: int | None = None) -> list:
    """The article's live updates with their authors, pinned ones first, then newest first;
    only those with an id above ``after`` when given (what a reader's open page has not seen
    yet). One query."""
    updates = article.live_updates.select_related("author").order_by(
        "-is_pinned", "-published_at", "-pk"
    )
    if after is not None:
        updates = updates.filter(pk__gt=after)
    return list(updates)


def coverage_end(article) -> dt.datetime | None:
    """When an editor ended the story's live coverage on the desk, if they did. One query."""
    return news.LiveCoverage.objects.filter(page=article).values_list("ended_at", flat=True).first()


def quiet_end(article, newest_update_at: dt.datetime | None) -> dt.datetime | None:
    """The newest update's time once the story has had none for DATELINE_LIVE_QUIET_HOURS
    (its publication's when it has none), else None: coverage ends by itself when quiet."""
    last = newest_update_at or article.last_published_at or article.first_published_at
    if last and timezone.now() - last > dt.timedelta(hours=settings.DATELINE_LIVE_QUIET_HOURS):
        return last
    return None


def corrections_in(locale: Locale) -> QuerySet:
    """Every correction of the edition's live stories, newest first, with its story."""
    return (
        news.Correction.objects.filter(page__live=True, page__locale=locale)
        .select_related("page")
        .order_by("-date", "-pk")
    )


def staff(locale: Locale) -> list:
    """The edition's authors in the admin's order, with their photos' renditions."""
    return list(
        news.AuthorPage.objects.live()
        .filter(locale=locale)
        .prefetch_related(
            Prefetch("photo", queryset=get_image_model().objects.prefetch_renditions())
        )
        .order_by("path")
    )
