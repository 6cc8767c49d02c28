"""The page cache: whole public pages kept in Django's cache and cleared on every publish.

Two layers share one invalidation path:

- ``PageCacheMiddleware`` keeps the finished response of an anonymous GET of a public page
  and serves it again without running the view, the session or a single SQL query.
- ``edition_cached()`` keeps the parts every page's header and footer repeat (the
  edition's home page, footer pages, menus, site settings), so that a cold render pays for
  the page itself and not for its chrome.

Both key their entries with the *generation* of the edition the page belongs to (English,
Russian...). A publish, unpublish, move or delete bumps the generation of the editions
that show the page (its own and those of its translations), which retires every page of
those editions at once: nothing stale stays, at the price of re-rendering the hot pages
once. The addresses that list every edition's pages (the API, the sitemaps) have a
generation of their own that every bump retires. docs/decisions.md explains the choice over
deleting keys one by one.
"""

import hashlib
import pickle
import re
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterable

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.middleware.gzip import re_accepts_gzip
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.http import http_date, parse_http_date_safe, urlencode
from django.utils.safestring import mark_safe
from django.utils.text import compress_string
from django.utils.translation import get_language_from_path

# Every entry of ours starts with this, so that a shared Redis can tell them apart.
PREFIX = "pagecache"
# Query parameters that change what a page shows; a page number is the only one.
PAGE_PARAM = "page"
# Campaign parameters added by newsletters and social networks: they change nothing on the
# page, so a link shared with them is served from the same entry.
TRACKING_PARAM = re.compile(r"^(utm_[a-z]+|fbclid|gclid|mc_cid|mc_eid)$")
# Addresses that list the pages of every edition (the API, the sitemaps): kept like pages,
# with every query parameter in the key, under a generation that any edition's bump retires.
SHARED_PREFIXES = ("api/v2/", "sitemap", "news-sitemap")
ALL_EDITIONS = "*"
# Addresses that are never pages of an edition, or must never be shared between readers.
EXCLUDED_PREFIXES = (
    "admin/",
    "documents/",
    "media/",
    "static/",
    "api/",
    "audience/",
    "live/",
    "newsletter/",
    "newsletter-unsubscribe/",
    "anymail/",
    "republish/",
    "feeds/chapters/",
    "robots.txt",
    "opensearch.xml",
)
# Set on every response the middleware looked at: "hit", "miss" or "bypass".
STATUS_HEADER = "X-Dateline-Cache"


def enabled() -> bool:
    return getattr(settings, "DATELINE_PAGE_CACHE", True)


def page_seconds() -> int:
    return getattr(settings, "DATELINE_PAGE_CACHE_SECONDS", 300)


# --- generations -----------------------------------------------------------------------


def editions() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


def edition_of_path(path: str) -> str:
    """The language code of the edition an address belongs to, from its prefix alone."""
    return get_language_from_path(path) or settings.LANGUAGE_CODE


def _generation_key(edition: str) -> str:
    return f"{PREFIX}:generation:{edition}"


# edition -> (generation, when it was read): see generation().
_recent_generations: dict[str, tuple[int, float]] = {}
# What generation() answers when the shared cache does not (Redis is down): nothing is
# stored then, and no worker's own copy is used, since no publish could retire it.
UNKNOWN_GENERATION = 0


def generation(edition: str) -> int:
    """The current generation of an edition's cached pages.

    Kept in this process for ``DATELINE_GENERATION_MEMO_SECONDS`` (1 s by default), so that
    a stored page costs one cache round trip, not two: another process's publish shows
    here within that second, this process's own at once (bump() forgets the memo).
    """
    memo_seconds = getattr(settings, "DATELINE_GENERATION_MEMO_SECONDS", 1.0)
    now = time.monotonic()
    recent = _recent_generations.get(edition)
    if recent is not None and now - recent[1] < memo_seconds:
        return recent[0]
    key = _generation_key(edition)
    value = cache.get(key)
    if value is None:
        # Start from the clock, not from 1: if the cache dropped this key but kept some
        # pages, a restart at 1 could bring back pages of an earlier generation 1.
        cache.add(key, time.time_ns(), timeout=None)
        value = cache.get(key, UNKNOWN_GENERATION)
    if value != UNKNOWN_GENERATION:
        _recent_generations[edition] = (value, now)
    return value


def forget_generations(**kwargs) -> None:
    """Drop this process's memo of the generations and its local copies: when the cache
    itself changes (tests switch it with override_settings), they would otherwise outlive
    the values they copied. A flushed production cache costs one extra miss per page."""
    _recent_generations.clear()
    local_copies.clear()


class LocalCopies:
    """The entries this process read from the shared cache last, kept in its own memory.

    Every key of ours holds its edition's generation, so a copy is exactly as current as
    the generation this process last read (within DATELINE_GENERATION_MEMO_SECONDS), and
    the hottest pages and header parts cost no round trip to Redis. A copy never outlives
    the shared entry (each entry carries its expiry time); at most
    DATELINE_LOCAL_CACHE_ENTRIES are kept, the least recently used going first. Threads of
    a worker share it, hence the lock.
    """

    def __init__(self):
        self._entries: OrderedDict[str, tuple[float, object]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: str, default=None):
        with self._lock:
            found = self._entries.get(key)
            if found is None:
                return default
            if found[0] <= time.time():
                del self._entries[key]
                return default
            self._entries.move_to_end(key)
            return found[1]

    def put(self, key: str, value, expires: float) -> None:
        size = getattr(settings, "DATELINE_LOCAL_CACHE_ENTRIES", 128)
        if size <= 0 or expires <= time.time():
            return
        with self._lock:
            self._entries[key] = (expires, value)
            self._entries.move_to_end(key)
            while len(self._entries) > size:
                self._entries.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()


local_copies = LocalCopies()


class _NoCopies:
    """Stands in for local_copies while the shared cache cannot be read."""

    def get(self, key: str, default=None):
        return default

    def put(self, key: str, value, expires: float) -> None:
        pass


NO_COPIES = _NoCopies()


def copies_for(current_generation: int):
    """This worker's copies, or none while the generation cannot be read."""
    return NO_COPIES if current_generation == UNKNOWN_GENERATION else local_copies


def bump(edition_codes: Iterable[str]) -> None:
    """Retire every cached page and chrome entry of these editions, and the addresses that
    list every edition's pages."""
    for edition in {*edition_codes, ALL_EDITIONS}:
        _recent_generations.pop(edition, None)
        key = _generation_key(edition)
        try:
            cache.incr(key)
        except ValueError:  # no such key yet: any new value retires nothing, but is new
            cache.set(key, time.time_ns(), timeout=None)


def bump_all() -> None:
    bump(editions())


# --- the chrome ------------------------------------------------------------------------


def edition_cached(
    edition: str, name: str, compute: Callable[[], object], timeout: int | None = None
):
    """``compute()``, kept until the edition's next generation, or ``timeout`` seconds
    (the page cache's TTL by default)."""
    return edition_cached_many(edition, [name], lambda names: {name: compute()}, timeout)[name]


def edition_cached_many(
    edition: str,
    names: list[str],
    compute: Callable[[list[str]], dict[str, object]],
    timeout: int | None = None,
) -> dict[str, object]:
    """``edition_cached`` for several entries at once: one cache round trip for those this
    worker has no copy of, and one ``compute(missing names)`` call for those the cache has
    not either (so that a page asking for a list per tag pays one query, not one a tag)."""
    if not enabled():
        return compute(names) if names else {}
    current = generation(edition)
    prefix = f"{PREFIX}:parts:{edition}:{current}:"
    local = copies_for(current)
    # Each entry is (expiry time, the value pickled): each reader unpickles its own copy,
    # since model instances are changed by the request that uses them.
    copies = {name: local.get(prefix + name) for name in names}
    wanted = [prefix + name for name, copy in copies.items() if copy is None]
    shared = cache.get_many(wanted) if wanted else {}
    for name, copy in copies.items():
        if copy is None:
            copies[name] = shared.get(prefix + name)
    missing = [name for name, copy in copies.items() if copy is None]
    if missing:
        seconds = page_seconds() if timeout is None else timeout
        computed = compute(missing)
        fresh = {
            name: (time.time() + seconds, pickle.dumps(computed[name], pickle.HIGHEST_PROTOCOL))
            for name in missing
        }
        cache.set_many({prefix + name: copy for name, copy in fresh.items()}, seconds)
        copies.update(fresh)
    for name, copy in copies.items():
        local.put(prefix + name, copy, copy[0])
    return {name: pickle.loads(copy[1]) for name, copy in copies.items()}


def edition_fragment(
    request, edition: str, name: str, render: Callable[[], str], timeout: int | None = None
) -> str:
    """HTML that every page of an edition repeats (a header menu), rendered once per
    generation and site: its links are written relative to the site that asked."""
    return mark_safe(edition_cached(edition, f"html:{site_id(request)}:{name}", render, timeout))


def site_id(request) -> int:
    """The id of the Site that asked (0 if none): HTML kept per edition is kept per site
    too, since its links are written relative to that site."""
    site = getattr(request, "_wagtail_site", None)
    return site.pk if site is not None else 0


def locale_of(page):
    """``page.locale`` without a query per page: locales change only with a site-wide bump."""
    if "locale" not in page._state.fields_cache and page.locale_id:
        from wagtail.models import Locale

        page.locale = edition_cached(
            settings.LANGUAGE_CODE,
            f"locale:{page.locale_id}",
            lambda: Locale.objects.get(pk=page.locale_id),
        )
    return page.locale


def active_locale():
    """``Locale.get_active()`` without a query: locales change only with a site-wide bump."""
    from django.utils.translation import get_language
    from wagtail.models import Locale

    return edition_cached(
        settings.LANGUAGE_CODE, f"active-locale:{get_language()}", Locale.get_active
    )


def _prime_site(request: HttpRequest) -> None:
    """Hand Wagtail the request's Site and SiteSettings from the cache (two queries saved
    on every page). Both are cleared by a site-wide bump when either is saved."""
    from wagtail.models import Site

    from dateline.core.models import SiteSettings

    host = f"{request._get_raw_host()}:{request.get_port()}"
    site = edition_cached(
        settings.LANGUAGE_CODE, f"site:{host}", lambda: Site._find_for_request(request)
    )
    request._wagtail_site = site
    if site is not None:
        site_settings = edition_cached(
            settings.LANGUAGE_CODE, f"site-settings:{site.pk}", lambda: _site_settings(site)
        )
        site_settings._request = request
        setattr(request, SiteSettings.get_cache_attr_name(), site_settings)


def _site_settings(site):
    """The site's settings with the header's logo and its renditions loaded, to be cached."""
    from django.db.models import prefetch_related_objects

    from dateline.core.models import SiteSettings

    site_settings = SiteSettings.for_site(site)
    if site_settings.logo is not None:
        prefetch_related_objects([site_settings.logo], "renditions")
    return site_settings


# --- the middleware --------------------------------------------------------------------


def _cache_key_query(request: HttpRequest, shared: bool) -> str | None:
    """The part of the query string that belongs in the key, or None if not cacheable.

    Tracking parameters are dropped. On a page of an edition only a page number (digits)
    changes what it shows, and any other parameter (a search, a filter) makes the request
    uncacheable; on a shared address (the API, a sitemap part) every parameter is a
    question of its own, kept in a fixed order.
    """
    kept = []
    for name, values in sorted(request.GET.lists()):
        if TRACKING_PARAM.match(name):
            continue
        if shared:
            kept.extend(urlencode({name: value}) for value in values)
            continue
        if name != PAGE_PARAM or len(values) != 1 or not values[0].isdigit():
            return None
        kept.append(f"{PAGE_PARAM}={int(values[0])}")
    return "&".join(kept)


def _address(request: HttpRequest) -> str:
    """The path without its leading slash and its edition's prefix."""
    path = request.path_info.lstrip("/")
    edition = get_language_from_path(request.path_info)
    if edition and edition != settings.LANGUAGE_CODE:
        path = path[len(edition) + 1 :]
    return path


def _cache_edition(request: HttpRequest) -> str:
    """Whose generation keys the request's page: its edition's, or ALL_EDITIONS for an
    address that lists every edition's pages."""
    if request.path_info.lstrip("/").startswith(SHARED_PREFIXES):
        return ALL_EDITIONS
    return edition_of_path(request.path_info)


def _is_candidate(request: HttpRequest, edition: str) -> bool:
    """Whether the request may be answered from, or stored in, the shared cache."""
    if request.method not in ("GET", "HEAD"):
        return False
    if settings.SESSION_COOKIE_NAME in request.COOKIES:
        # Editors, and readers with a session (a password-protected page, a message).
        return False
    return edition == ALL_EDITIONS or not _address(request).startswith(EXCLUDED_PREFIXES)


def page_key(request: HttpRequest, query: str, edition: str, current_generation: int) -> str:
    """The cache key of a page: its edition's generation, host, path and query."""
    address = f"{request.get_host()}{request.path_info}?{query}"
    digest = hashlib.md5(address.encode(), usedforsecurity=False).hexdigest()
    return f"{PREFIX}:page:{edition}:{current_generation}:{digest}"


def _is_storable(request: HttpRequest, response: HttpResponse) -> bool:
    if response.status_code != 200 or response.streaming:
        return False
    if _is_personal(request, response):
        return False
    if "authorization" in response.get("Vary", "").lower():
        return False
    control = response.get("Cache-Control", "").lower()
    if any(word in control for word in ("private", "no-store", "no-cache")):
        return False  # the view said so (never_cache, a preview...)
    user = getattr(request, "user", None)
    return not (user is not None and user.is_authenticated)


def _is_personal(request: HttpRequest, response: HttpResponse) -> bool:
    """A page with a CSRF token (it sets the cookie) or any other cookie is one reader's.

    ``Vary: Cookie`` alone is not: the session middleware adds it whenever a template so
    much as asks whether the reader is logged in, and a request with a session cookie never
    reaches the shared cache anyway.
    """
    return bool(response.cookies) or bool(request.META.get("CSRF_COOKIE_NEEDS_UPDATE"))


def _public_headers(response: HttpResponse) -> None:
    if response.has_header("Cache-Control"):
        return  # the view chose its own lifetime (feeds and sitemaps do)
    patch_cache_control(
        response,
        public=True,
        max_age=getattr(settings, "DATELINE_PAGE_BROWSER_SECONDS", 30),
        s_maxage=getattr(settings, "DATELINE_PAGE_CDN_SECONDS", 60),
    )


def _stored(response: HttpResponse) -> dict:
    """What the cache keeps of a page: its body, plain and compressed once, and its headers.

    Compressing at store time, not per reader, spares every hit the gzip work that
    GZipMiddleware would otherwise repeat. A cached page is the same for every reader and
    holds no secret, so a fixed compressed body gives BREACH nothing to work on.
    """
    headers = {
        name: value
        for name, value in response.items()
        if name.lower() not in ("set-cookie", "date", STATUS_HEADER.lower())
    }
    content = response.content
    gzipped = compress_string(content)
    return {
        "content": content,
        "gzip": gzipped if len(gzipped) < len(content) else None,
        "headers": headers,
        "expires": time.time() + page_seconds(),
    }


def _from_stored(request: HttpRequest, entry: dict) -> HttpResponse:
    """The stored page, compressed if the reader's browser takes gzip."""
    gzipped = entry.get("gzip")
    accepts_gzip = re_accepts_gzip.search(request.META.get("HTTP_ACCEPT_ENCODING", ""))
    response = HttpResponse(gzipped if gzipped and accepts_gzip else entry["content"], status=200)
    for name, value in entry["headers"].items():
        response[name] = value
    if response.has_header("Content-Length"):
        response["Content-Length"] = str(len(response.content))
    if gzipped:
        patch_vary_headers(response, ("Accept-Encoding",))
        if accepts_gzip:
            response["Content-Encoding"] = "gzip"
            # The compressed body is another representation of the same page (RFC 9110 8.8.1).
            response["ETag"] = f"W/{response['ETag']}"
    return response


def _answer(request: HttpRequest, response: HttpResponse, status: str) -> HttpResponse:
    """The response, or a 304 if the reader's copy is still current."""
    response[STATUS_HEADER] = status
    conditional = get_conditional_response(
        request,
        etag=response.get("ETag"),
        last_modified=_parse_last_modified(response),
        response=response,
    )
    if request.method == "HEAD" and conditional is response:
        response.content = b""
    return conditional


def _parse_last_modified(response: HttpResponse) -> int | None:
    value = response.get("Last-Modified")
    return parse_http_date_safe(value) if value else None


class PageCacheMiddleware:
    """Serve and store whole public pages; mark personal pages ``private, no-store``.

    Sits right after WhiteNoise, before the session: a hit runs nothing below it.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        edition = _cache_edition(request)
        candidate = enabled() and _is_candidate(request, edition)
        # Any reader's request, stored or not (a search), reads the site and its settings
        # from the cache (process_view).
        request._dateline_anonymous = candidate
        query = _cache_key_query(request, edition == ALL_EDITIONS) if candidate else None
        if query is None:
            return self._personal(request, self.get_response(request))
        current = generation(edition)
        key = page_key(request, query, edition, current)
        local = copies_for(current)
        entry = local.get(key)
        if entry is None:
            entry = cache.get(key)
            if entry is not None:
                local.put(key, entry, entry.get("expires", 0))
        if entry is not None:
            return _answer(request, _from_stored(request, entry), "hit")
        request._dateline_public = True
        response = self.get_response(request)
        if not _is_storable(request, response):
            return self._personal(request, response)
        response["ETag"] = f'"{hashlib.md5(response.content, usedforsecurity=False).hexdigest()}"'
        response["Last-Modified"] = http_date(time.time())
        _public_headers(response)
        entry = _stored(response)
        cache.set(key, entry, page_seconds())
        local.put(key, entry, entry["expires"])
        return _answer(request, _from_stored(request, entry), "miss")

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not getattr(request, "_dateline_anonymous", False):
            return
        _prime_site(request)
        from wagtail.views import serve

        if getattr(request, "_dateline_public", False) and view_func is serve:
            from dateline.core.routing import prime_route

            # Wagtail's URL pattern passes the path as its one positional argument.
            path = view_args[0] if view_args else view_kwargs.get("path")
            if path is not None:
                prime_route(request, path)

    def _personal(self, request: HttpRequest, response: HttpResponse) -> HttpResponse:
        """A page that must not be shared: keep browsers' back button, keep CDNs out."""
        user = getattr(request, "user", None)
        is_editor = user is not None and user.is_authenticated
        if (is_editor or _is_personal(request, response)) and not response.has_header(
            "Cache-Control"
        ):
            patch_cache_control(response, private=True, no_store=True)
        if enabled():
            response[STATUS_HEADER] = "bypass"
        return response


# --- invalidation ----------------------------------------------------------------------


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
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
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
    if urls and getattr(settings, "WAGTAILFRONTENDCACHE", None):
        from wagtail.contrib.frontend_cache.utils import PurgeBatch

        PurgeBatch(urls).purge()


def _page_changed(sender, instance, **kwargs) -> None:
    invalidate_page(instance)


def _site_changed(sender, **kwargs) -> None:
    invalidate_everything()


def connect_signals() -> None:
    """Wire the invalidation to every change readers can see. Called by CoreConfig.ready."""
    from django.core.signals import setting_changed
    from django.db.models.signals import post_delete, post_save
    from wagtail.models import Locale, Page, PageViewRestriction, Site
    from wagtail.signals import page_published, page_unpublished, post_page_move

    from dateline.core.models import SiteSettings

    setting_changed.connect(forget_generations, dispatch_uid="pagecache-settings")
    page_published.connect(_page_changed, dispatch_uid="pagecache-published")
    page_unpublished.connect(_page_changed, dispatch_uid="pagecache-unpublished")
    post_page_move.connect(_page_changed, dispatch_uid="pagecache-moved")

    def page_deleted(sender, instance, **kwargs):
        if isinstance(instance, Page):
            invalidate_page(instance)

    post_delete.connect(page_deleted, weak=False, dispatch_uid="pagecache-deleted")
    # A view restriction changes who may see a page: stored copies must go, and
    # core.routing's "no page is restricted" shortcut must be asked again.
    for model in (SiteSettings, Site, Locale, PageViewRestriction):
        post_save.connect(_site_changed, sender=model, dispatch_uid=f"pagecache-{model}")
        post_delete.connect(_site_changed, sender=model, dispatch_uid=f"pagecache-del-{model}")
