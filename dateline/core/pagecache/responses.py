"""Which responses the page cache stores, what it keeps of them (the body compressed once,
an ETag), and how a stored page is answered (gzip or plain, a 304 if still current)."""

import hashlib
import time

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.middleware.gzip import re_accepts_gzip
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.http import http_date, parse_http_date_safe
from django.utils.text import compress_string

from .conf import page_seconds

# Set on every response the middleware looked at: "hit", "miss", "stale" (an older copy
# served while another request renders the page) or "bypass".
STATUS_HEADER = "X-Dateline-Cache"


def is_storable(request: HttpRequest, response: HttpResponse) -> bool:
    if response.status_code != 200 or response.streaming:
        return False
    if is_personal(request, response):
        return False
    if "authorization" in response.get("Vary", "").lower():
        return False
    control = response.get("Cache-Control", "").lower()
    if any(word in control for word in ("private", "no-store", "no-cache")):
        return False  # the view said so (never_cache, a preview...)
    user = getattr(request, "user", None)
    return not (user is not None and user.is_authenticated)


def shared_seconds(response: HttpResponse) -> int:
    """How long the view lets a shared cache keep the response (``public, s-maxage``), or 0."""
    words = dict(
        word.strip().partition("=")[::2] for word in response.get("Cache-Control", "").split(",")
    )
    if "public" not in words:
        return 0
    seconds = words.get("s-maxage", "")
    return int(seconds) if seconds.isdigit() else 0


def is_personal(request: HttpRequest, response: HttpResponse) -> bool:
    """A page with a CSRF token (it sets the cookie) or any other cookie is one reader's.

    ``Vary: Cookie`` alone is not: the session middleware adds it whenever a template so
    much as asks whether the reader is logged in, and a request with a session cookie never
    reaches the shared cache anyway.
    """
    return bool(response.cookies) or bool(request.META.get("CSRF_COOKIE_NEEDS_UPDATE"))


def entry_for(response: HttpResponse, tags: dict[str, int]) -> dict:
    """A freshly rendered page made shareable (its ETag, Last-Modified and public
    Cache-Control set), and what the cache keeps of it, with the tags it was made from."""
    response["ETag"] = f'"{hashlib.md5(response.content, usedforsecurity=False).hexdigest()}"'
    response["Last-Modified"] = http_date(time.time())
    _public_headers(response)
    return {**_stored(response), "tags": tags}


def _public_headers(response: HttpResponse) -> None:
    if response.has_header("Cache-Control"):
        return  # the view chose its own lifetime (feeds and sitemaps do)
    patch_cache_control(
        response,
        public=True,
        max_age=settings.DATELINE_PAGE_BROWSER_SECONDS,
        s_maxage=settings.DATELINE_PAGE_CDN_SECONDS,
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


# A stale copy (served while another request renders the page, or made from data a
# publish has since changed) is kept this long by a shared cache in front, and not at all
# by browsers: a CDN would otherwise keep the old page for its whole s-maxage.
STALE_CDN_SECONDS = 1


def answer_stored(request: HttpRequest, entry: dict, status: str) -> HttpResponse:
    """The stored page for this reader, marked with ``status`` ("hit", "miss", "stale")."""
    response = _from_stored(request, entry)
    if status == "stale":
        patch_cache_control(response, max_age=0, s_maxage=STALE_CDN_SECONDS)
    return _answer(request, response, status)


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
