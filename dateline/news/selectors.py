"""Reads of articles and authors, each in a fixed number of queries."""

import datetime as dt

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import (
    Count,
    IntegerField,
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
    term_ids, _pins = _terms_and_pins(article)
    if term_ids:
        newest_tagged(locale_of(article).language_code, article.locale_id, term_ids)


def related_articles(article, limit: int = 3) -> list:
    """Stories on the same story: the editors' pins first, then, among the newest
    RELATED_CANDIDATES live articles sharing a place or topic with ``article``, those
    sharing the most, newest first among equals. Without card data (the article page
    fetches it for the story and its related ones together).

    With the page cache on, two queries (the story's terms and pins; the stories shown):
    the ranking merges each term's newest articles, kept by ``newest_tagged`` and shared by
    every story of the term. That gives exactly what one query over the whole archive
    would: an article among the newest RELATED_CANDIDATES sharing any of the story's terms
    is among the newest of each term it carries, so it is on each of those lists. With the
    page cache off nothing would be kept, so the ranking is one query
    (``_ranked_in_sql``) instead of reading every term's list to rank it here."""
    from dateline.core.pagecache import enabled

    assert limit <= _TERM_LIST_SPARE
    term_ids, pinned_ids = _terms_and_pins(article)
    if enabled():
        best = _ranked_from_lists(article, term_ids, [article.pk, *pinned_ids])[:limit]
        found = list(live_articles(article.locale_id).filter(pk__in=[*pinned_ids, *best]))
    else:
        found = (
            list(live_articles(article.locale_id).filter(pk__in=pinned_ids)) if pinned_ids else []
        )
        ranked = _ranked_in_sql(article, term_ids, [article.pk, *pinned_ids], limit)
        best = [a.pk for a in ranked]
        found += ranked
    by_pk = {a.pk: a for a in found}
    shown = [by_pk[pk] for pk in pinned_ids if pk in by_pk][:limit]
    return (shown + [by_pk[pk] for pk in best if pk in by_pk])[:limit]


def _terms_and_pins(article) -> tuple[list[int], list[int]]:
    """The story's term ids, and the ids of the stories its editors pinned, in their
    order: one query."""
    none = Value(None, output_field=IntegerField())
    # (term, None, None, None) for each tag, (None, article, sort order, pin) for each pin.
    terms_and_pins = (
        news.ArticleTag.objects.filter(page_id=article.pk)
        .order_by()
        .values_list("term_id", none, none, none)
        .union(
            news.RelatedPin.objects.filter(page_id=article.pk)
            .order_by()
            .values_list(none, "article_id", "sort_order", "pk"),
            all=True,
        )
    )
    term_ids, pins = set(), []
    for term_id, pinned_id, sort_order, pin_id in terms_and_pins:
        if term_id is not None:
            term_ids.add(term_id)
        else:
            pins.append((sort_order is None, sort_order or 0, pin_id, pinned_id))
    return sorted(term_ids), [pin[-1] for pin in sorted(pins)]


def _ranked_from_lists(article, term_ids: list[int], left_out: list[int]) -> list[int]:
    """The ids of the candidates sharing the most terms, newest first among equals, from
    each term's kept list (``newest_tagged``)."""
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
    recent = sorted(shared, key=lambda pk: (published[pk], pk), reverse=True)
    recent = recent[:RELATED_CANDIDATES]
    return sorted(recent, key=lambda pk: (shared[pk], published[pk], pk), reverse=True)


def _ranked_in_sql(article, term_ids: list[int], left_out: list[int], limit: int) -> list:
    """``_ranked_from_lists`` in one query, which also fetches the stories: the newest
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
        .order_by("-shared_terms", *NEWEST_FIRST)[:limit]
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
