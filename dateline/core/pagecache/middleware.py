"""``PageCacheMiddleware``: serve and store whole public pages for readers who are not
logged in, and keep everyone else's pages out of shared caches."""

import time

from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_cache_control

from dateline.core import wagtail_internals

from . import singleflight
from .candidates import cache_edition, cache_key_query, is_candidate, page_key
from .conf import enabled, exact_reads, page_seconds
from .dependencies import page_tags, view_tags
from .generations import ALL_EDITIONS, UNKNOWN_GENERATION, copies_for, generation
from .local import worker_only_copies
from .priming import prime_view
from .responses import (
    STATUS_HEADER,
    answer_stored,
    entry_for,
    is_personal,
    is_storable,
    shared_seconds,
)
from .tags import clock, collecting

EDGE_FETCH_HEADER = "HTTP_X_DATELINE_EDGE_FETCH"


class PageCacheMiddleware:
    """Serve and store whole public pages; mark personal pages ``private, no-store``.

    Sits right after WhiteNoise, before the session: a hit runs nothing below it. A page
    missing, past its time or retired is rendered by one request at a time
    (``singleflight``); the others get the copy there was, or wait for that render.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        # The edge cache (deploy/varnish/dateline.vcl) marks its fetches: it keeps what it
        # gets for minutes, so a publish of the last second must not be missed here.
        if request.META.get(EDGE_FETCH_HEADER) == "1":
            with exact_reads():
                return self._answer(request)
        return self._answer(request)

    def _answer(self, request: HttpRequest) -> HttpResponse:
        edition = cache_edition(request)
        candidate = enabled() and is_candidate(request, edition)
        # Any reader's request, stored or not (a search), reads the site and its settings
        # from the cache (process_view).
        request._dateline_anonymous = candidate
        query = cache_key_query(request, edition == ALL_EDITIONS) if candidate else None
        if query is None:
            if candidate:  # a reader's question the shared cache does not keep (a search)
                return self._worker_only(request, edition)
            return self._personal(request, self.get_response(request))
        current = generation(edition)
        key = page_key(request, query, edition, current)
        local = copies_for(current)
        if current == UNKNOWN_GENERATION:  # the cache is unreachable: no lock can be taken
            return self._render(request, key, edition, local)
        entry, state = singleflight.lookup(key, local)
        if state == singleflight.FRESH:
            return answer_stored(request, entry, "hit")
        if singleflight.take_lock(key):
            try:
                return self._render(request, key, edition, local)
            finally:
                singleflight.release_lock(key)
        if entry is not None:  # past its time or retired, while another request renders it
            return answer_stored(request, entry, "stale")
        entry = singleflight.wait_for(key, local)
        if entry is not None:
            return answer_stored(request, entry, "hit")
        return self._render(request, key, edition, local)

    def _render(self, request: HttpRequest, key: str, edition: str, local) -> HttpResponse:
        """Render the page and store it with what it was made from (``tags.py``)."""
        request._dateline_public = True
        with collecting(clock()) as made_from:
            response = self.get_response(request)
        if not is_storable(request, response):
            return self._personal(request, response)
        page = wagtail_internals.routed_page(request)
        own = view_tags(edition) if page is None else page_tags(page, edition)
        made_from.add(dict.fromkeys(own, made_from.started))
        entry = entry_for(response, dict(made_from))
        singleflight.store(key, entry, local)
        # A publish committed while this render read the database: the page is already
        # retired, and is answered as the stale copy it is.
        retired = singleflight.state_of(entry) == singleflight.RETIRED
        return answer_stored(request, entry, "stale" if retired else "miss")

    def _worker_only(self, request: HttpRequest, edition: str) -> HttpResponse:
        """A reader's request with a query the shared cache does not key: kept by this worker
        alone, and only if the view lets a shared cache keep it (the search page's
        ``s-maxage``), for that long at most. Readers of breaking news send the same few
        words thousands of times; in Redis, any words would make a new entry that pushes
        out pages and the tags that keep them correct. A publish retires the copies as it
        retires the edition's listings (``stories:<edition>``)."""
        current = generation(edition)
        key = page_key(request, cache_key_query(request, shared=True), edition, current)
        entry = worker_only_copies.get(key)
        if singleflight.state_of(entry) == singleflight.FRESH:
            return answer_stored(request, entry, "hit")
        with collecting(clock()) as made_from:
            response = self.get_response(request)
        seconds = min(shared_seconds(response), page_seconds())
        if not seconds or current == UNKNOWN_GENERATION or not is_storable(request, response):
            return self._personal(request, response)
        made_from.add(dict.fromkeys(view_tags(edition), made_from.started))
        entry = entry_for(response, dict(made_from))
        entry["expires"] = time.time() + seconds
        worker_only_copies.put(key, entry, entry["expires"])
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
