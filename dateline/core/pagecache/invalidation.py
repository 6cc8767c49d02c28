"""Clearing what a change makes stale, once the change is committed, and the same
addresses in a CDN in front, if there is one. ``core.signal_handlers`` calls these on
every change readers can see, ``news.services.live_update_changed`` on live updates.

A story's change touches its tags (``dependencies``): its own page, its translations',
the listings and feeds that show it, the home page, the related lists it joins and the
parts (cards, Popular) that show it; the rest of the edition stays stored. Any other page's
change, and site settings, sites and locales, retire whole editions (``generations``).
"""

import logging
from collections.abc import Iterable

from django.conf import settings
from django.db import transaction
from django.dispatch import Signal

from .dependencies import is_story, listings_of, story_tags, with_ancestors
from .generations import bump, bump_all
from .tags import bump_tags

logger = logging.getLogger("dateline.pagecache")

# Sent (``page=``, sender: the page's class) once a story's change is committed and what
# showed it is retired: an app may read again, in the publisher's request, what the first
# reader of every page showing it would otherwise wait for (news: the Related lists).
story_retired = Signal()


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
    """Clear what shows ``page``, once the change is committed: a story's own tags, any
    other page's editions whole.

    A reader who asks in between gets the old page, which is right until the commit; after
    it, every entry made from data read before the bump is retired by it (``tags.py``).
    """
    story = is_story(page)
    listed_in = listings_of(page) if story else with_ancestors([page.path])
    urls = urls_touched(page, listed_in) if settings.WAGTAILFRONTENDCACHE else []
    if story:
        tags = story_tags(page, listed_in)
        transaction.on_commit(lambda: _retire_story(page, tags, urls))
        return
    codes = editions_showing(page)
    transaction.on_commit(lambda: (bump(codes), _purge_frontend(urls)))


def _retire_story(page, tags: set[str], urls: list[str]) -> None:
    bump_tags(tags)
    _purge_frontend(urls)
    # What a receiver reads again only saves a reader's wait: its failure must not turn a
    # committed publish into an error page for the editor.
    for receiver, error in story_retired.send_robust(sender=type(page), page=page):
        if isinstance(error, Exception):
            logger.error("%s failed after a publish of page %s: %r", receiver, page.pk, error)


def invalidate_listings(page_ids: Iterable[int]) -> None:
    """Clear the listings of these pages and their ancestors: a term or author a story left,
    a section it moved out of."""
    from wagtail.models import Page

    paths = Page.objects.filter(pk__in=list(page_ids)).values_list("path", flat=True)
    tags = {f"list:{pk}" for pk in with_ancestors(paths)}
    if tags:
        transaction.on_commit(lambda: bump_tags(tags))


def invalidate_live(page) -> None:
    """A story's live updates or coverage changed: its page and its updates feed only (no
    card or listing shows them)."""
    urls = _absolute([page.get_full_url()]) + _updates_feed(page)
    if not settings.WAGTAILFRONTENDCACHE:
        urls = []
    transaction.on_commit(lambda: (bump_tags({f"live:{page.pk}"}), _purge_frontend(urls)))


def invalidate_everything() -> None:
    """For what every page shows: site settings, sites, locales."""
    transaction.on_commit(lambda: (bump_all(), _purge_frontend(["/"])))


def urls_touched(page, listed_in: Iterable[int] | None = None) -> list[str]:
    """The absolute addresses a change of ``page`` makes stale, for a CDN in front: the
    page and its translations, the first page of each listing that shows it (its sections
    up to the edition's home, its terms, its authors) with their RSS and Atom feeds, the
    sitemaps and the edition's search page (a CDN bans its other queries with it). Later
    pages of a listing (``?page=2``) age out by ``s-maxage``.
    ``listed_in``: the listings' ids, if already known (``dependencies.listings_of``)."""
    from wagtail.models import Page

    if listed_in is None:
        listed_in = listings_of(page) if is_story(page) else with_ancestors([page.path])
    listings = Page.objects.filter(pk__in=list(listed_in), depth__gt=1).order_by("path")
    translations = Page.objects.filter(translation_key=page.translation_key).exclude(pk=page.pk)
    urls = _absolute([page.get_full_url(), *(p.get_full_url() for p in translations.live())])
    for home, addresses in _by_home(listings).items():
        urls += addresses
        urls += [_feed(home, address, kind) for address in addresses for kind in ("rss", "atom")]
    return list(dict.fromkeys(urls + _edition_addresses(page)))


def _site_root(page) -> str:
    site = page.get_site()
    return (site.root_url if site is not None else settings.DATELINE_BASE_URL).rstrip("/")


def _edition_addresses(page) -> list[str]:
    """The sitemaps that list ``page``, and its edition's search page (the edge keeps
    searches, search.views, and bans every query of this address with it)."""
    from django.urls import reverse
    from django.utils import translation

    base = _site_root(page)
    code = page.locale.language_code if page.locale_id else settings.LANGUAGE_CODE
    names = ("sitemap.xml", f"sitemap-{code}.xml", f"news-sitemap-{code}.xml")
    with translation.override(code):
        search = reverse("search")
    return [*(f"{base}/{name}" for name in names), f"{base}{search}"]


def _by_home(listings) -> dict[str, list[str]]:
    """The listings' addresses grouped by their edition's home page address."""
    grouped: dict[str, list[str]] = {}
    home = None
    for listing in listings:
        url = listing.get_full_url()
        if not url:
            continue
        if listing.depth == 2:
            home = url
        grouped.setdefault(home or url, []).append(url)
    return grouped


def _feed(home: str, address: str, kind: str) -> str:
    """The feed of a listing: ``/feeds/rss/`` for the home page, else its path below it."""
    below = address[len(home) :] if address.startswith(home) else ""
    return f"{home}feeds/{kind}/{below}"


def _updates_feed(page) -> list[str]:
    from django.urls import reverse

    return [f"{_site_root(page)}{reverse('live_updates', kwargs={'page_id': page.pk})}"]


def _absolute(urls: Iterable[str | None]) -> list[str]:
    return [url for url in urls if url]


def _purge_frontend(urls: list[str]) -> None:
    """Clear ``urls`` at the edge. Wagtail queues every purge as a task, so the change would
    show there only once a worker ran it, late while the worker sends a newsletter, never
    without one. A backend that answers at once (``purges_at_once``: our Varnish, next to
    the app) is called here; a CDN's API, which may take seconds, stays queued."""
    if not urls or not settings.WAGTAILFRONTENDCACHE:
        return
    from wagtail.contrib.frontend_cache.utils import get_backends, purge_urls_from_cache

    queued = []
    for name, backend in get_backends().items():
        if getattr(backend, "purges_at_once", False):
            backend.purge_batch(urls)
        else:
            queued.append(name)
    if queued:
        purge_urls_from_cache(urls, backends=queued)
