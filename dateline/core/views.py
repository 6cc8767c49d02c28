"""Designed error pages, and uploads served by the embedded default."""

import os
import sys

from django.http import HttpResponse, StreamingHttpResponse
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


def serve_media(request, path: str, document_root):
    """Uploads for the embedded default (DATELINE_SERVE_MEDIA), with byte ranges as nginx
    answers them: without ranges a browser cannot seek in audio or video (a podcast
    chapter link would start the episode from the beginning)."""
    import re

    from django.utils._os import safe_join
    from django.views.static import serve

    response = serve(request, path, document_root=document_root)
    response["Accept-Ranges"] = "bytes"
    wanted = re.fullmatch(r"bytes=(\d+)-(\d*)", request.headers.get("Range", "").strip())
    if response.status_code != 200 or wanted is None:
        return response
    response.file_to_stream.close()  # not response.close(): that would end the request
    file_path = safe_join(document_root, path)
    size = os.path.getsize(file_path)
    start = int(wanted[1])
    end = min(int(wanted[2]) if wanted[2] else size - 1, size - 1)
    if start > end:
        return HttpResponse(status=416, headers={"Content-Range": f"bytes */{size}"})

    def chunks(remaining=end - start + 1, chunk=64 * 1024):
        with open(file_path, "rb") as handle:
            handle.seek(start)
            while remaining > 0:
                data = handle.read(min(chunk, remaining))
                if not data:
                    break
                remaining -= len(data)
                yield data

    partial = StreamingHttpResponse(chunks(), status=206, content_type=response["Content-Type"])
    partial["Content-Range"] = f"bytes {start}-{end}/{size}"
    partial["Content-Length"] = str(end - start + 1)
    partial["Accept-Ranges"] = "bytes"
    return partial
