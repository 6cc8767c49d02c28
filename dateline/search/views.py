"""The search page (/search/, /ru/search/) and the OpenSearch description."""

from django.conf import settings
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.templatetags.static import static
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from wagtail.models import Locale

from dateline.core.models import SiteSettings
from dateline.taxonomy.selectors import edition_menus

from . import selectors
from .forms import read_search
from .language import config_for, highlight, query_stems, snippet
from .registry import entry_for, searchable_models


def search(request):
    context, status = search_context(request)
    return TemplateResponse(request, "dateline_search/search.html", context, status=status)


def search_context(request) -> tuple[dict, int]:
    """Everything the search page shows but the page around it (header, footer): what
    bench/search.py times as the search's own work."""
    locale = Locale.get_active()
    menus = edition_menus(locale)
    # The header's Regions and Topics menus read the same data: share it for this request.
    request._dateline_term_menus = menus
    asked = read_search(request.GET, menus)
    language = config_for(locale.language_code)
    page_size = settings.DATELINE_LISTING_PAGE_SIZE
    context = {
        "search": asked,
        "query": asked.text,
        "menus": menus,
        "kinds": searchable_models(),
        "messages_for_reader": asked.messages,
        "items": [],
        "total": 0,
        "promotions": [],
        "suggestion": None,
        "page_number": 1,
        "num_pages": 0,
    }
    status = 200
    if asked.query:
        number, page_error = _page_number(request.GET.get("page", "1"))
        hits = selectors.search_ids(
            asked.query,
            locale,
            asked.filters,
            sort=asked.sort,
            offset=(number - 1) * page_size,
            limit=page_size,
        )
        total = hits.total
        if not hits.page_ids and number > 1:
            total = selectors.count(asked.query, locale, asked.filters)
        more = total > selectors.MAX_RESULTS
        total = min(total, selectors.MAX_RESULTS)
        num_pages = max(1, -(-total // page_size))
        if page_error or (number > num_pages and total):
            status = 404
            asked.messages.append(
                page_error
                or _("There is no page %(number)d of these results: there are %(count)d.")
                % {"number": number, "count": num_pages}
            )
        stems = query_stems(asked.query, language)
        context.update(
            total=total,
            more=more,
            page_number=number,
            num_pages=num_pages,
            items=[_result(page, stems, language) for page in selectors.results(hits)],
            promotions=selectors.promotions(asked.text, locale) if number == 1 else [],
            previous_url=_url(asked, number - 1) if 1 < number <= num_pages + 1 else "",
            next_url=_url(asked, number + 1) if number < num_pages else "",
            first_url=_url(asked, 1),
        )
        if not total:
            suggested = selectors.suggestion(asked.query, locale)
            if suggested:
                context["suggestion"] = suggested.text()
                context["suggestion_url"] = _url(asked, 1, q=suggested.text())
            if asked.has_filters:
                context["unfiltered_url"] = _url_params({"q": asked.text})
    return context, status


def _page_number(raw: str) -> tuple[int, str]:
    try:
        number = int(raw)
    except (TypeError, ValueError):
        return 1, _("“%(page)s” is not a page number.") % {"page": raw[:40]}
    if number < 1:
        return 1, _("“%(page)s” is not a page number.") % {"page": raw[:40]}
    return min(number, 1_000_000), ""


def _url(asked, number: int, **changes) -> str:
    params = asked.params(**changes)
    if number > 1:
        params["page"] = str(number)
    return _url_params(params)


def _url_params(params: dict) -> str:
    return reverse("search") + ("?" + urlencode(params) if params else "")


class Result:
    """A search result as the page shows it."""

    def __init__(self, page, kind: str, title_html, snippet_html):
        self.page = page
        self.kind = kind
        self.title = page.title
        self.title_html = title_html
        self.snippet = snippet_html
        self.tags = [*getattr(page, "place_terms", ()), *getattr(page, "topic_terms", ())]
        self.published_at = getattr(page, "published_at", None) or page.first_published_at


def _result(page, stems: set[str], language: str) -> Result:
    entry = entry_for(type(page))
    title, standfirst, body = entry.texts(page) if entry else (page.title, "", "")
    text = snippet(body, stems, language) or snippet(standfirst, stems, language)
    if text is None:
        text = highlight(standfirst or body[:240], stems, language)
    return Result(page, entry.label if entry else "", highlight(title, stems, language), text)


def opensearch(request):
    """The OpenSearch description: lets a browser add this edition's search."""
    locale = Locale.get_active()
    base = settings.DATELINE_BASE_URL
    name = SiteSettings.for_request(request).name
    xml = render_to_string(
        "dateline_search/opensearch.xml",
        {
            "name": name,
            "description": _("Search the stories of %(name)s") % {"name": name},
            "search_url": base + reverse("search"),
            "description_url": base + reverse("opensearch"),
            "language": locale.language_code,
            "image_url": base + static("core/favicon.svg"),
        },
        request=request,
    )
    return HttpResponse(xml, content_type="application/opensearchdescription+xml; charset=utf-8")
