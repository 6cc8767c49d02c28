"""The view beacon, and the admin's report of reader counts."""

from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from . import selectors, services


@csrf_exempt  # a beacon from a page served by a CDN has no session and changes no one's data
@require_POST
def view_beacon(request: HttpRequest) -> HttpResponse:
    """Count a view of the story whose id is posted as ``page`` (204 whether counted or not)."""
    page_id = request.POST.get("page", "")
    if not (page_id.isascii() and page_id.isdigit()) or len(page_id) > 18:
        return HttpResponseBadRequest(_("The page must be given as a number."))
    services.record_view(request, int(page_id))
    response = HttpResponse(status=204)
    response["Cache-Control"] = "no-store"
    return response


def admin_report(request: HttpRequest) -> HttpResponse:
    """Reports → Most read: views of the last 7 and 30 days."""
    return render(
        request,
        "audience/admin/report.html",
        {
            "week": selectors.view_counts(7),
            "month": selectors.view_counts(30),
            "header_title": _("Most read"),
        },
    )
