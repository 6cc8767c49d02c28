"""The live story's updates feed, polled by news/live.js on readers' open pages."""

from django.http import Http404, HttpRequest, JsonResponse
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import ngettext
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from . import selectors
from .models import ArticlePage

# Readers' pages poll every DATELINE_LIVE_POLL_SECONDS (5); a CDN may serve the same answer
# to all of them for a few seconds, which keeps a thousand open pages at one request to
# Dateline. Poll interval + this stays under the 10 s a reader may wait for an update.
LIVE_CACHE_SECONDS = 4


@require_GET
@cache_control(public=True, max_age=LIVE_CACHE_SECONDS)
def live_updates(request: HttpRequest, page_id: int) -> JsonResponse:
    """New updates of a live story as rendered HTML, newest first.

    ``?after=<id>`` asks only for updates above the newest one the page shows; ``notice`` is
    the button text that offers them ("3 new updates"). The answer is
    rendered in the story's language and the newsroom's time zone, like the page itself.
    """
    after = request.GET.get("after", "")
    if after and not (after.isascii() and after.isdigit() and len(after) < 19):
        return JsonResponse(
            {"error": "after must be the id of an update (a whole number)."}, status=400
        )
    article = (
        ArticlePage.objects.live()
        .filter(pk=page_id)
        .annotate(**ArticlePage.live_annotations())
        .select_related("locale")
        .first()
    )
    if article is None:
        raise Http404("No such story.")
    updates = selectors.live_updates(article, after=int(after) if after else None)
    with translation.override(article.locale.language_code):
        items = [
            {
                "id": update.pk,
                "html": render_to_string(
                    "news/includes/live_update.html", {"update": update, "page": article}
                ),
            }
            for update in updates
        ]
        notice = ngettext("%(count)s new update", "%(count)s new updates", len(items)) % {
            "count": len(items)
        }
    return JsonResponse({"live": article.is_live_now, "updates": items, "notice": notice})
