"""Clearing Dateline's own edge cache (Varnish with ``deploy/varnish/dateline.vcl``) on
publish: the Wagtail frontend-cache backend that ``FRONTEND_CACHE_BACKEND=varnish`` names.

For each address a change touches (``core.pagecache.invalidation`` chooses them) it sends
a ``PURGE`` of the address itself, then a ``BAN`` of its other pages (``?page=2``, any
other query), so that a listing's later pages go with its first. An address without a host
(``"/"``, what a change to every page sends) bans every page of every host.

Both are sent again once each gunicorn worker has seen the publish (after
``DATELINE_GENERATION_MEMO_SECONDS``): a reader's request that reached Varnish between the
first purge and that moment may have been answered by a worker's own copy from before the
publish, and Varnish would keep it for its whole ``s-maxage``.
"""

import logging
import re
import threading
import urllib.error
import urllib.request
from urllib.parse import urlsplit, urlunsplit

from django.conf import settings
from wagtail.contrib.frontend_cache.backends import HTTPBackend

logger = logging.getLogger("dateline.edge")

# A purge must never hold a publish up for long: Varnish answers in a millisecond or not at all.
TIMEOUT_SECONDS = 3


def _literal(path: str) -> str:
    """``path`` as a regular expression that matches it alone, without backslashes (Varnish's
    ban syntax would read them as escapes of its own): other characters than letters,
    digits, ``/``, ``-`` and ``_`` go in brackets."""
    return re.sub(r"[^\w/-]", lambda match: f"[{match.group()}]", path)


class _EdgeRequest(urllib.request.Request):
    def __init__(self, method: str, url: str, headers: dict):
        super().__init__(url, headers=headers, method=method)


class VarnishBackend(HTTPBackend):
    """PURGE and BAN to the Varnish at ``LOCATION`` (e.g. ``http://127.0.0.1:6081``)."""

    # Next to the app, it answers in a millisecond: purged in the publisher's request, not
    # queued for the worker as Wagtail queues every purge (core.pagecache.invalidation).
    purges_at_once = True

    def purge(self, url: str) -> None:
        self.purge_batch([url])

    def purge_batch(self, urls) -> None:
        urls = list(dict.fromkeys(urls))
        self._clear(urls)
        delay = settings.DATELINE_GENERATION_MEMO_SECONDS + 0.5
        if delay > 0.5:
            timer = threading.Timer(delay, self._clear, [urls])
            # Not a daemon: a short-lived process (a management command, the worker's
            # scheduled publish) waits for the second round before it exits.
            timer.daemon = False
            timer.start()

    def _clear(self, urls: list[str]) -> None:
        for url in urls:
            for method, address, headers in self.requests_for(url):
                self._send(method, address, headers)

    def requests_for(self, url: str) -> list[tuple[str, str, dict]]:
        """The (method, address, headers) sent to Varnish for one address."""
        parts = urlsplit(url)
        path = parts.path or "/"
        if not parts.hostname:
            return [("BAN", self._at("/"), {"X-Ban-Url": "^/"})]
        host = parts.hostname + (f":{parts.port}" if parts.port else "")
        # The VCL keeps http and https copies apart (X-Forwarded-Proto, as nginx sends it).
        headers = {"Host": host, "X-Forwarded-Proto": parts.scheme or "https"}
        variants = {
            "Host": host,
            "X-Ban-Host": host,
            "X-Ban-Url": f"^{_literal(path)}[?]",
        }
        return [
            ("PURGE", self._at(path, parts.query), headers),
            ("BAN", self._at(path), variants),
        ]

    def _at(self, path: str, query: str = "") -> str:
        return urlunsplit((self.cache_scheme, self.cache_netloc, path, query, ""))

    def _send(self, method: str, address: str, headers: dict) -> None:
        request = _EdgeRequest(method, address, {**headers, "User-Agent": "Dateline-edge"})
        try:
            with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS):  # noqa: S310 (LOCATION is ours)
                pass
        except urllib.error.HTTPError as error:
            logger.error("Varnish refused %s %s: %s %s", method, address, error.code, error.reason)
        except OSError as error:
            logger.error("Could not reach Varnish for %s %s: %s", method, address, error)
