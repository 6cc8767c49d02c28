"""Clearing what a change makes stale: the generations of the editions that show a page,
once the change is committed, and the same addresses in a CDN in front, if there is one.
``core.signal_handlers`` calls these on every change readers can see."""

from django.conf import settings
from django.db import transaction

from .generations import bump, bump_all


def editions_showing(page) -> set[str]:
    """The editions whose pages show ``page``: its own, and those of its translations
    (their language links and hreflang alternates point at it)."""
    from wagtail.models import Page

    codes = set(
        Page.objects.filter(translation_key=page.translation_key).values_list(
            "locale__language_code", flat=True
        )
    )
    if page.locale_id:
        codes.add(page.locale.language_code)
    return codes


def invalidate_page(page) -> None:
    """Clear the pages that show ``page``, once the change is committed.

    A reader who asks in between gets the old page under the old generation, which is
    right until the commit; the new generation only ever holds pages rendered after it.
    """
    codes = editions_showing(page)
    urls = _frontend_urls(page)
    transaction.on_commit(lambda: (bump(codes), _purge_frontend(urls)))


def invalidate_everything() -> None:
    """For what every page shows: site settings, sites, locales."""
    transaction.on_commit(lambda: (bump_all(), _purge_frontend(["/"])))


def _frontend_urls(page) -> list[str]:
    """What a CDN in front should drop: the page, its sections up to the edition's home,
    and the edition's feeds. Term listings and related lists age out by s-maxage."""
    if not settings.WAGTAILFRONTENDCACHE:
        return []
    urls = []
    for ancestor in [*page.get_ancestors().filter(depth__gt=1), page]:
        url = ancestor.get_full_url()
        if url:
            urls.append(url)
    if urls:
        home = urls[0]
        urls += [f"{home}feeds/rss/", f"{home}feeds/atom/"]
    return urls


def _purge_frontend(urls: list[str]) -> None:
    if urls and settings.WAGTAILFRONTENDCACHE:
        from wagtail.contrib.frontend_cache.utils import PurgeBatch

        PurgeBatch(urls).purge()
