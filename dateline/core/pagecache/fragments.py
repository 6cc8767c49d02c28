"""What every page of an edition repeats (its home page, footer pages, menus, locales,
site settings) and the parts pages share (cards, lists), kept per edition generation so
that a cold render pays for the page itself and not for its header and footer.

A part that shows stories carries tags (``tags.py``): it goes when one of them is bumped,
and the page that used it inherits them. A part without tags goes only with the edition's
generation (settings, menus, footer pages, a term renamed)."""

import pickle
import time
from collections.abc import Callable, Iterable

from django.conf import settings
from django.core.cache import cache
from django.utils.safestring import mark_safe

from dateline.core import wagtail_internals

from .conf import PREFIX, enabled, page_seconds
from .generations import copies_for, generation
from .tags import carry, clock, collecting, is_current

# A part's tags, from its name: e.g. a card's name gives "page:<its story's id>".
TagsOf = Callable[[str], Iterable[str]]


def edition_cached(
    edition: str,
    name: str,
    compute: Callable[[], object],
    timeout: int | None = None,
    tags: Iterable[str] = (),
):
    """``compute()``, kept until the edition's next generation, one of ``tags`` (or of the
    tags declared while computing) is bumped, or ``timeout`` seconds pass (the page
    cache's TTL by default)."""
    tags = tuple(tags)
    return edition_cached_many(
        edition, [name], lambda names: {name: compute()}, timeout, lambda _name: tags
    )[name]


def edition_cached_many(
    edition: str,
    names: list[str],
    compute: Callable[[list[str]], dict[str, object]],
    timeout: int | None = None,
    tags_of: TagsOf | None = None,
) -> dict[str, object]:
    """``edition_cached`` for several entries at once: one cache round trip for those this
    worker has no copy of, and one ``compute(missing names)`` call for those the cache has
    not either (so that a page asking for a list per tag pays one query, not one a tag).
    ``tags_of(name)`` gives each entry's own tags."""
    if not enabled():
        return compute(names) if names else {}
    current = generation(edition)
    prefix = f"{PREFIX}:parts:{edition}:{current}:"
    local = copies_for(current)
    copies = _stored_copies(local, prefix, names)
    missing = [name for name, copy in copies.items() if copy is None]
    if missing:
        copies.update(_computed(prefix, missing, compute, timeout, tags_of))
    for name, copy in copies.items():
        local.put(prefix + name, copy, copy[0])
        carry(_tags(copy))
    return {name: pickle.loads(copy[1]) for name, copy in copies.items()}


def _tags(copy: tuple) -> dict[str, int]:
    return copy[2] if len(copy) > 2 else {}


def _stored_copies(local, prefix: str, names: list[str]) -> dict[str, tuple | None]:
    """Each entry as this worker keeps it, else as the shared cache does (one round trip
    for all those), else None.

    Each entry is (expiry time, the value pickled): each reader unpickles its own copy,
    since model instances are changed by the request that uses them.
    """
    copies = {name: _current(local.get(prefix + name)) for name in names}
    # A worker's copy that a change retired may have been made again already, by another
    # worker or by the publish itself (``story_retired``): the shared cache is asked too.
    wanted = [prefix + name for name, copy in copies.items() if copy is None]
    shared = cache.get_many(wanted) if wanted else {}
    for name, copy in copies.items():
        if copy is None:
            copies[name] = _current(shared.get(prefix + name))
    return copies


def _current(copy: tuple | None) -> tuple | None:
    """The copy, unless something it shows has changed since it was made."""
    return copy if copy is not None and is_current(_tags(copy)) else None


def _computed(
    prefix: str,
    missing: list[str],
    compute: Callable[[list[str]], dict[str, object]],
    timeout: int | None,
    tags_of: TagsOf | None,
) -> dict[str, tuple]:
    """The entries no cache had, computed in one call and stored in the shared cache, each
    with its own tags and those declared while computing (which may have served any)."""
    seconds = page_seconds() if timeout is None else timeout
    with collecting(clock()) as declared:
        computed = compute(missing)
    fresh = {}
    for name in missing:
        own = dict(declared)
        for tag in tags_of(name) if tags_of is not None else ():
            own.setdefault(tag, declared.started)
        value = pickle.dumps(computed[name], pickle.HIGHEST_PROTOCOL)
        fresh[name] = (time.time() + seconds, value, own)
    cache.set_many({prefix + name: copy for name, copy in fresh.items()}, seconds)
    return fresh


def edition_fragment(
    request, edition: str, name: str, render: Callable[[], str], timeout: int | None = None
) -> str:
    """HTML that every page of an edition repeats (a header menu), rendered once per
    generation and site (and until a tag declared while rendering is bumped): its links
    are written relative to the site that asked."""
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
