"""When the database goes away: a designed 503 page instead of a 500.

PostgreSQL restarting, a failover or a full disk raise ``OperationalError`` (or, on a
connection that broke mid-request, ``InterfaceError``). Readers then get a short page in
their edition's language with ``Retry-After``, and monitoring gets a 503 it can tell apart
from a bug. Pages in the page cache (``core/pagecache/``) are still served, since a
cache hit runs no SQL; Django's ``CONN_HEALTH_CHECKS`` reconnects on the first request after
the database is back, so nothing needs restarting.

Two doors lead here: ``DatabaseOutageMiddleware`` catches what a view or its template
raises; ``core.views.server_error`` sends here what other middleware raised (the session,
the user) before Django would show the 500 page.
"""

import logging

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse
from django.template import loader
from django.urls import reverse
from django.utils import translation
from django.utils.translation import get_language_from_path

log = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = 30
DATABASE_ERRORS = (OperationalError, InterfaceError)


def is_database_outage(exception: BaseException | None) -> bool:
    return isinstance(exception, DATABASE_ERRORS)


def outage_page(request: HttpRequest, template_name: str, status: int) -> HttpResponse:
    """The 500 or 503 page in the edition's language, rendered without the request context:
    nothing in it reads the database (the edition comes from the address, not from a query).
    Never kept by a cache or CDN beyond the fault."""
    lang = get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
    with translation.override(lang):
        home = reverse("wagtail_serve", args=[""])  # "/" or "/ru/": no query
        body = loader.get_template(template_name).render({"lang": lang, "home": home})
    response = HttpResponse(body, status=status)
    response["Cache-Control"] = "no-store"
    return response


def database_unavailable(request: HttpRequest) -> HttpResponse:
    response = outage_page(request, "503.html", 503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


class DatabaseOutageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not is_database_outage(exception):
            return None
        log.error(
            "Database unavailable while serving %s: %s",
            request.path,
            exception,
            exc_info=exception,
        )
        return database_unavailable(request)
