"""Designed error pages."""

from django.http import HttpResponseServerError
from django.shortcuts import render
from django.template import loader

from .errors import ReaderNotFound


def page_not_found(request, exception):
    # Only Dateline's own messages are shown; Django's are written for developers.
    message = str(exception) if isinstance(exception, ReaderNotFound) else ""
    return render(request, "404.html", {"message": message}, status=404)


def server_error(request):
    # Rendered without the request context: the database may be what failed.
    return HttpResponseServerError(loader.get_template("500.html").render())
