from django.http import Http404


class ReaderNotFound(Http404):
    """A 404 whose message is written for readers and is shown on the designed 404 page."""
