"""``PageCacheMiddleware``: serve and store whole public pages for readers who are not
logged in, and keep everyone else's pages out of shared caches."""

from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_cache_control

from .candidates import cache_edition, cache_key_query, is_candidate, page_key
from .conf import enabled, page_seconds
from .generations import ALL_EDITIONS, copies_for, generation
from .priming import prime_view
from .responses import STATUS_HEADER, answer_stored, entry_for, is_personal, is_storable


class PageCacheMiddleware:
    """Serve and store whole public pages; mark personal pages ``private, no-store``.

    Sits right after WhiteNoise, before the session: a hit runs nothing below it.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        edition = cache_edition(request)
        candidate = enabled() and is_candidate(request, edition)
        # Any reader's request, stored or not (a search), reads the site and its settings
        # from the cache (process_view).
        request._dateline_anonymous = candidate
        query = cache_key_query(request, edition == ALL_EDITIONS) if candidate else None
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
            return answer_stored(request, entry, "hit")
        request._dateline_public = True
        response = self.get_response(request)
        if not is_storable(request, response):
            return self._personal(request, response)
        entry = entry_for(response)
        cache.set(key, entry, page_seconds())
        local.put(key, entry, entry["expires"])
        return answer_stored(request, entry, "miss")

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not getattr(request, "_dateline_anonymous", False):
            return
        public = getattr(request, "_dateline_public", False)
        prime_view(request, view_func, view_args, view_kwargs, public)

    def _personal(self, request: HttpRequest, response: HttpResponse) -> HttpResponse:
        """A page that must not be shared: keep browsers' back button, keep CDNs out."""
        user = getattr(request, "user", None)
        is_editor = user is not None and user.is_authenticated
        if (is_editor or is_personal(request, response)) and not response.has_header(
            "Cache-Control"
        ):
            patch_cache_control(response, private=True, no_store=True)
        if enabled():
            response[STATUS_HEADER] = "bypass"
        return response
