"""Old query-string addresses (WordPress's /?p=123, /?page_id=7, /?cat=4, /?author=2) answer
with the permanent redirect the import made for them.

Wagtail's RedirectMiddleware acts only on a 404, and /?p=123 is the front page (200), so
these are looked up here, before the page cache: one query, and only for a request to an
edition's front page that carries one of these parameters.
"""

from django.http import HttpResponsePermanentRedirect
from wagtail.contrib.redirects.models import Redirect

OLD_PARAMETERS = frozenset({"p", "page_id", "attachment_id", "cat", "tag", "author", "feed"})


class OldQueryRedirectMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            request.method in ("GET", "HEAD")
            and request.GET
            and OLD_PARAMETERS & request.GET.keys()
        ):
            path = request.path
            if path == "/" or path.count("/") == 2 and len(path) <= 8:  # "/" or "/ru/"
                old_path = Redirect.normalise_path(request.get_full_path())
                redirect = (
                    Redirect.objects.filter(old_path=old_path, is_permanent=True)
                    .select_related("redirect_page")
                    .first()
                )
                if redirect is not None:
                    target = redirect.link
                    if target:
                        return HttpResponsePermanentRedirect(target)
        return self.get_response(request)
