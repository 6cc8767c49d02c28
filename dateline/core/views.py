"""Designed error pages."""

import sys

from django.shortcuts import render

from . import faults
from .errors import ReaderNotFound


def page_not_found(request, exception):
    # Only Dateline's own messages are shown; Django's are written for developers.
    message = str(exception) if isinstance(exception, ReaderNotFound) else ""
    return render(request, "404.html", {"message": message}, status=404)


def server_error(request):
    # Django calls this inside its `except`, so the exception is still at hand: a database
    # outage raised outside a view (by the session or the user) gets the 503 page too.
    if faults.is_database_outage(sys.exc_info()[1]):
        return faults.database_unavailable(request)
    return faults.outage_page(request, "500.html", 500)


def desk_attachment(request, submission_id: int):
    """An attachment of a Contact/Contribute submission, for editors who may see it."""
    from django.http import FileResponse, Http404
    from django.shortcuts import get_object_or_404

    from .models import DeskSubmission

    submission = get_object_or_404(DeskSubmission.objects.select_related("page"), pk=submission_id)
    if not submission.page.permissions_for_user(request.user).can_edit() or not (
        submission.attachment
    ):
        raise Http404
    return FileResponse(
        submission.attachment.open("rb"),
        as_attachment=True,
        filename=submission.attachment.name.rsplit("/", 1)[-1],
    )
