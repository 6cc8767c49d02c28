"""The page cache: whole public pages kept in Django's cache, cleared by what changes.

Two layers share one invalidation path:

- ``PageCacheMiddleware`` (``middleware.py``) keeps the finished response of an anonymous
  GET of a public page and serves it again without running the view, the session or a
  single SQL query.
- ``edition_cached()`` (``fragments.py``) keeps the parts every page's header and footer
  repeat (the edition's home page, footer pages, menus, site settings), so that a cold
  render pays for the page itself and not for its chrome.

Both key their entries with the *generation* of the edition the page belongs to (English,
Russian...; ``generations.py``), which retires a whole edition: site settings, menus,
footer pages, terms, locales, any page that is not a story. Each entry also records the
*tags* it was made from (``tags.py``, named in ``dependencies.py``): a story's publish,
unpublish, move or delete bumps only its own (its page, its translations, the listings,
feeds and related lists that show it, the parts that show its card), and a live update only
its story's (``invalidation.py``, wired by ``core.signal_handlers``). A page past its time
or retired is rendered by one request while the others get the copy there was
(``singleflight.py``). docs/decisions.md explains the choices.

The modules: ``conf`` (settings, key prefix), ``local`` (each worker's own copies),
``generations``, ``tags``, ``dependencies``, ``fragments`` (the shared parts), ``priming``
(Site, settings and route handed to Wagtail), ``candidates`` (which requests, which key),
``responses`` (what is stored: gzip once, ETags, 304s), ``singleflight``, ``middleware``
and ``invalidation`` (bumps, CDN purge). Other apps use what this module exports; settings
name ``middleware.PageCacheMiddleware``.
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
from .invalidation import (
    invalidate_everything,
    invalidate_listings,
    invalidate_live,
    invalidate_page,
    story_retired,
    urls_touched,
)
from .local import LocalCopies, local_copies
from .tags import depends_on

__all__ = [
    "LocalCopies",
    "active_locale",
    "edition_cached",
    "edition_cached_many",
    "edition_fragment",
    "depends_on",
    "edition_of_path",
    "enabled",
    "forget_generations",
    "invalidate_everything",
    "invalidate_listings",
    "invalidate_live",
    "invalidate_page",
    "local_copies",
    "locale_of",
    "page_seconds",
    "site_id",
    "story_retired",
    "urls_touched",
]
