"""What every page of an edition repeats (its home page, footer pages, menus, locales,
site settings), kept per edition generation so that a cold render pays for the page
itself and not for its header and footer."""

import pickle
import time
from collections.abc import Callable

from django.conf import settings
from django.core.cache import cache
from django.utils.safestring import mark_safe

from dateline.core import wagtail_internals

from .conf import PREFIX, enabled, page_seconds
from .generations import copies_for, generation


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
    copies = _stored_copies(local, prefix, names)
    missing = [name for name, copy in copies.items() if copy is None]
    if missing:
        copies.update(_computed(prefix, missing, compute, timeout))
    for name, copy in copies.items():
        local.put(prefix + name, copy, copy[0])
    return {name: pickle.loads(copy[1]) for name, copy in copies.items()}


def _stored_copies(local, prefix: str, names: list[str]) -> dict[str, tuple | None]:
    """Each entry as this worker keeps it, else as the shared cache does (one round trip
    for all those), else None.

    Each entry is (expiry time, the value pickled): each reader unpickles its own copy,
    since model instances are changed by the request that uses them.
    """
    copies = {name: local.get(prefix + name) for name in names}
    wanted = [prefix + name for name, copy in copies.items() if copy is None]
    shared = cache.get_many(wanted) if wanted else {}
    for name, copy in copies.items():
        if copy is None:
            copies[name] = shared.get(prefix + name)
    return copies


def _computed(
    prefix: str,
    missing: list[str],
    compute: Callable[[list[str]], dict[str, object]],
    timeout: int | None,
) -> dict[str, tuple]:
    """The entries no cache had, computed in one call and stored in the shared cache."""
    seconds = page_seconds() if timeout is None else timeout
    computed = compute(missing)
    fresh = {
        name: (time.time() + seconds, pickle.dumps(computed[name], pickle.HIGHEST_PROTOCOL))
        for name in missing
    }
    cache.set_many({prefix + name: copy for name, copy in fresh.items()}, seconds)
    return fresh


def edition_fragment(
    request, edition: str, name: str, render: Callable[[], str], timeout: int | None = None
) -> str:
    """HTML that every page of an edition repeats (a header menu), rendered once per
    generation and site: its links are written relative to the site that asked."""
    return mark_safe(edition_cached(edition, f"html:{site_id(request)}:{name}", render, timeout))


def site_id(request) -> int:
    """The id of the Site that asked (0 if none): HTML kept per edition is kept per site
    too, since its links are written relative to that site."""
    site = wagtail_internals.cached_site(request)
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
