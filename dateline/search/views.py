"""The search page: Wagtail's database search over the edition being read.

The search issue replaces this with per-language ranking, filters and snippets.
"""

import re

from django.conf import settings
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from wagtail.models import Locale, Page

from dateline.core.pagination import paginate
from dateline.taxonomy.selectors import with_card_data

MAX_QUERY_LENGTH = 200
# Characters with a meaning in the backends' query syntax (FTS5, tsquery) that readers
# do not mean as such; the search issue brings phrase search back properly.
QUERY_SYNTAX = re.compile(r'["\x00*^:()\[\]{}<>\\|&!~+]')


def search(request):
    query = QUERY_SYNTAX.sub(" ", request.GET.get("q", "")).strip()
    message = ""
    if len(query) > MAX_QUERY_LENGTH:
        query = query[:MAX_QUERY_LENGTH]
        message = _("Your search was long, so only its first %(n)d characters were used.") % {
            "n": MAX_QUERY_LENGTH
        }
    page_obj = None
    items = []
    if query:
        results = (
            Page.objects.live()
            .filter(locale=Locale.get_active())
            .exclude(depth__lte=2)
            .search(query, operator="and")
        )
        page_obj = paginate(request, results, settings.DATELINE_LISTING_PAGE_SIZE)
        items = with_card_data(list(page_obj.object_list))
    return TemplateResponse(
        request,
        "dateline_search/search.html",
        {"query": query, "page_obj": page_obj, "items": items, "message": message},
    )
