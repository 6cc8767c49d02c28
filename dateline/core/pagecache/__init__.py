"""The page cache: whole public pages kept in Django's cache and cleared on every publish.

Two layers share one invalidation path:

- ``PageCacheMiddleware`` (``middleware.py``) keeps the finished response of an anonymous
  GET of a public page and serves it again without running the view, the session or a
  single SQL query.
- ``edition_cached()`` (``fragments.py``) keeps the parts every page's header and footer
  repeat (the edition's home page, footer pages, menus, site settings), so that a cold
  render pays for the page itself and not for its chrome.

Both key their entries with the *generation* of the edition the page belongs to (English,
Russian...; ``generations.py``). A publish, unpublish, move or delete bumps the generation
of the editions that show the page (its own and those of its translations;
``invalidation.py``, wired by ``core.signal_handlers``), which retires every page of those
editions at once: nothing stale stays, at the price of re-rendering the hot pages once. The
addresses that list every edition's pages (the API, the sitemaps) have a generation of their
own that every bump retires. docs/decisions.md explains the choice over deleting keys one
by one.

The modules: ``conf`` (settings, key prefix), ``local`` (each worker's own copies),
``generations``, ``fragments`` (the shared parts), ``priming`` (Site, settings and route
handed to Wagtail), ``candidates`` (which requests, which key), ``responses`` (what is
stored: gzip once, ETags, 304s), ``middleware`` and ``invalidation`` (bumps, CDN purge).
Other apps use what this module exports; settings name ``middleware.PageCacheMiddleware``.
"""

from .conf import enabled, page_seconds
from .fragments import (
    active_locale,
    edition_cached,
    edition_cached_many,
    edition_fragment,
    locale_of,
    site_id,
)
from .generations import edition_of_path, forget_generations
from .invalidation import invalidate_everything, invalidate_page
from .local import LocalCopies, local_copies

__all__ = [
    "LocalCopies",
    "active_locale",
    "edition_cached",
    "edition_cached_many",
    "edition_fragment",
    "edition_of_path",
    "enabled",
    "forget_generations",
    "invalidate_everything",
    "invalidate_page",
    "local_copies",
    "locale_of",
    "page_seconds",
    "site_id",
]
