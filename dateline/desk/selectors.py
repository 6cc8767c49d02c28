"""What the editors' dashboard shows. Each function runs a fixed number of queries."""

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Locale, Page, Revision

from dateline.accounts.roles import edition_homes as all_edition_homes
from dateline.audience.selectors import popular_ranking
from dateline.multimedia.models import BlogPage
from dateline.news.models import ArticlePage


def edition_homes() -> list[Page]:
    """Each edition's home with its locale: read once per dashboard and handed to the panels
    that need it. One query."""
    return all_edition_homes(select_related=("locale",))


def request_edition_homes(request) -> list[Page]:
    """``edition_homes()``, read once per request for the dashboard's panels and the
    sidebar's Pages item."""
    if not hasattr(request, "dateline_edition_homes"):
        request.dateline_edition_homes = edition_homes()
    return request.dateline_edition_homes


def writing_links(user: AbstractBaseUser, homes: list[Page]) -> list[dict]:
    """One 'write' link per edition (of ``homes``) and per blog the user may add pages to.
    One query."""
    homes = [home for home in homes if home.permissions_for_user(user).can_add_subpage()]
    locale_ids = [home.locale_id for home in homes]
    blogs = BlogPage.objects.filter(locale_id__in=locale_ids).order_by("locale_id", "title")
    links = [
        {
            "label": home.locale.get_display_name(),
            "kind": "article",
            "url": reverse("wagtailadmin_pages:add", args=("news", "articlepage", home.pk)),
        }
        for home in homes
    ]
    links += [
        {
            "label": blog.title,
            "kind": "blog post",
            "url": reverse("wagtailadmin_pages:add", args=("multimedia", "blogpostpage", blog.pk)),
        }
        for blog in blogs
    ]
    return links


def my_drafts(user: AbstractBaseUser, limit: int = 8) -> QuerySet[Page]:
    """Pages whose latest revision is the user's and is not live yet, newest first."""
    return (
        Page.objects.filter(latest_revision__user=user, has_unpublished_changes=True)
        .select_related("locale")
        .order_by("-latest_revision_created_at")[:limit]
    )


def scheduled(limit: int = 8) -> list[tuple[Page, object]]:
    """(page, when) for the pages waiting to go live at a set time, soonest first."""
    revisions = list(
        Revision.page_revisions.filter(approved_go_live_at__gt=timezone.now())
        .order_by("approved_go_live_at")
        .values_list("object_id", "approved_go_live_at")[:limit]
    )
    pages = Page.objects.select_related("locale").in_bulk([int(pk) for pk, _ in revisions])
    return [(pages[int(pk)], when) for pk, when in revisions if int(pk) in pages]


def live_stories(limit: int = 20) -> list[ArticlePage]:
    """Stories whose live coverage is running, in every edition, the most recently updated
    first. One query."""
    stories = (
        ArticlePage.objects.live()
        .filter(is_live=True)
        .annotate(**ArticlePage.live_annotations())
        .select_related("locale")
        .order_by("-last_published_at")[: limit * 3]
    )
    running = [story for story in stories if story.is_live_now]
    running.sort(key=lambda s: s.newest_update_at or s.last_published_at, reverse=True)
    return running[:limit]


def most_read_today(homes: list[Page], limit: int = 5) -> list[dict]:
    """Each edition's most read stories today, counted apart: one ranking per edition and one
    query for all the ranked stories."""
    editions = [(home.locale, popular_ranking(home.locale, days=1, limit=limit)) for home in homes]
    ids = [page_id for _, ranking in editions for page_id, _ in ranking]
    pages = ArticlePage.objects.in_bulk(ids)
    return [
        {
            "locale": locale,
            "stories": [(pages[pk], views) for pk, views in ranking if pk in pages],
        }
        for locale, ranking in editions
    ]


def untranslated(source: Locale, target: Locale, limit: int = 6) -> QuerySet[ArticlePage]:
    """Recent live stories of ``source`` with no page at all in ``target``, newest first."""
    translated = ArticlePage.objects.filter(locale=target).values("translation_key")
    return (
        ArticlePage.objects.live()
        .filter(locale=source)
        .exclude(translation_key__in=translated)
        .order_by("-first_published_at")[:limit]
    )


def missing_translations(homes: list[Page], limit: int = 6) -> list[dict]:
    """For each pair of editions, the recent stories not yet in the other one."""
    locales = [home.locale for home in homes]
    return [
        {"source": source, "target": target, "stories": list(untranslated(source, target, limit))}
        for source in locales
        for target in locales
        if source != target
    ]


def translations_to_publish(limit: int = 8) -> list[dict]:
    """Translations still drafts while their story is live in another edition, newest request
    first, with who asked for each and when (its first revision by a user: wagtail-localize
    copies the page without one, then saves the draft as the requesting user). Two queries."""
    live_keys = ArticlePage.objects.live().values("translation_key")
    drafts = list(
        ArticlePage.objects.filter(live=False, translation_key__in=live_keys)
        .select_related("locale")
        .order_by("-latest_revision_created_at", "-pk")[:limit]
    )
    first_revisions = {}
    for revision in (
        Revision.page_revisions.filter(
            object_id__in=[str(page.pk) for page in drafts], user__isnull=False
        )
        .select_related("user")
        .order_by("-created_at")
    ):
        first_revisions[int(revision.object_id)] = revision  # the oldest wins
    rows = [{"page": page, "revision": first_revisions.get(page.pk)} for page in drafts]
    rows.sort(key=requested_at, reverse=True)
    return rows


def requested_at(row: dict) -> tuple:
    revision = row["revision"]
    return (revision is not None, revision.created_at if revision else None)
