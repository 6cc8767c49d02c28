"""The search page (/search/, /ru/search/) and the OpenSearch description."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.templatetags.static import static
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from wagtail.models import Page

from dateline.core.models import SiteSettings
from dateline.core.pagecache import active_locale
from dateline.taxonomy.selectors import cached_edition_menus

from . import results, selectors, suggestions
from .forms import read_search
from .language import config_for, highlight, query_stems, snippet
from .registry import entry_for, searchable_models

# How long an edge cache in front may answer the same search from its copy. Breaking news
# sends thousands of readers to the same few words; the page cache keeps no search (any
# query string would fill it), the edge does, and a story's publish bans its edition's
# searches there (core.pagecache.urls_touched). Browsers keep none.
SEARCH_CDN_SECONDS = 60


def search(request):
    context, status = search_context(request)
    response = TemplateResponse(request, "dateline_search/search.html", context, status=status)
    # Only for a reader the page cache would serve (no session): never an editor's page.
    if status == 200 and getattr(request, "_dateline_anonymous", False):
        patch_cache_control(response, public=True, max_age=0, s_maxage=SEARCH_CDN_SECONDS)
    return response


def search_context(request) -> tuple[dict, int]:
    """Everything the search page shows but the page around it (header, footer): what
    bench/search.py times as the search's own work."""
    locale = active_locale()
    # The header's Regions and Topics menus read the same data: share it for this request.
    menus = cached_edition_menus(locale)
    request._dateline_term_menus = menus
    asked = read_search(request.GET, menus)
    context = _empty_context(asked, menus)
    status = 200
    if asked.query:
        status = _add_results(context, request, asked, locale, menus)
    return context, status


def _empty_context(asked, menus: dict) -> dict:
    """The page before any search is run: the form, the menus and what the reader should know."""
    return {
        "search": asked,
        "query": asked.text,
        # The page's <title> (core_tags.seo): readers tell their search tabs apart by it.
        "title": _("“%(query)s” — search") % {"query": asked.text} if asked.text else _("Search"),
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


def _add_results(context: dict, request, asked, locale, menus: dict) -> int:
    """One page of results into ``context`` (and what to try when there are none); the
    response's status: 404 for a page of results that does not exist."""
    language = config_for(locale.language_code)
    page_size = settings.DATELINE_LISTING_PAGE_SIZE
    number, page_error = _page_number(request.GET.get("page", "1"))
    hits = selectors.search_ids(
        asked.query,
        locale,
        asked.filters,
        sort=asked.sort,
        offset=(number - 1) * page_size,
        limit=page_size,
    )
    total, more = _total(hits, asked, locale, number)
    num_pages = max(1, -(-total // page_size))
    status = 200
    if page_error or (number > num_pages and total):
        status = 404
        asked.messages.append(
            page_error
            or _("There is no page %(number)d of these results: there are %(count)d.")
            % {"number": number, "count": num_pages}
        )
    stems = query_stems(asked.query, language)
    terms = _menu_terms(menus)
    context.update(
        total=total,
        more=more,
        page_number=number,
        num_pages=num_pages,
        items=[_result(found, terms, stems, language) for found in results.results(hits)],
        promotions=results.promotions(asked.text, locale) if number == 1 else [],
        previous_url=_url(asked, number - 1) if 1 < number <= num_pages + 1 else "",
        next_url=_url(asked, number + 1) if number < num_pages else "",
        first_url=_url(asked, 1),
    )
    if not total:
        _add_alternatives(context, asked, locale)
    return status


def _total(hits, asked, locale, number: int) -> tuple[int, bool]:
    """How many results there are (at most MAX_RESULTS), and whether there are more."""
    total = hits.total
    if not hits.page_ids and number > 1:
        total = selectors.count(asked.query, locale, asked.filters)
    return min(total, selectors.MAX_RESULTS), total > selectors.MAX_RESULTS


def _add_alternatives(context: dict, asked, locale) -> None:
    """For a search that found nothing: a spelling to try, and the search without filters."""
    suggested = suggestions.suggestion(asked.query, locale)
    if suggested:
        context["suggestion"] = suggested.text()
        context["suggestion_url"] = _url(asked, 1, q=suggested.text())
    if asked.has_filters:
        context["unfiltered_url"] = _url_params({"q": asked.text})


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


def _menu_terms(menus: dict) -> dict[int, tuple[Page, bool]]:
    """term id -> (term, whether it is a place), for every term in the edition's menus."""
    terms = {}
    for key in ("regions", "topics"):
        _index, tree = menus.get(key, (None, []))
        for term, children in tree:
            for page in (term, *children):
                terms[page.pk] = (page, key == "regions")
    return terms


class Result:
    """A search result as the page shows it."""

    def __init__(self, page, kind: str, title_html, snippet_html, published_at, tags):
        self.page = page
        self.kind = kind
        self.title = page.title
        self.title_html = title_html
        self.snippet = snippet_html
        self.tags = tags
        self.published_at = published_at


def _result(found, terms: dict, stems: set[str], language: str) -> Result:
    model = ContentType.objects.get_for_id(found.content_type_id).model_class()
    entry = entry_for(model)
    standfirst, body = found.standfirst, found.body
    text = snippet(body, stems, language) or snippet(standfirst, stems, language)
    if text is None:
        text = highlight(standfirst or body[:240], stems, language)
    tagged = [terms[pk] for pk in found.term_ids if pk in terms]
    # Places first, then topics, each in the editors' order (as on the article itself).
    tags = [term for term, is_place in tagged if is_place]
    tags += [term for term, is_place in tagged if not is_place]
    return Result(
        found.page,
        entry.label if entry else "",
        highlight(found.page.title, stems, language),
        text,
        found.published_at,
        tags,
    )


def opensearch(request):
    """The OpenSearch description: lets a browser add this edition's search."""
    locale = active_locale()
    base = settings.DATELINE_BASE_URL
    name = SiteSettings.for_request(request).name
    xml = render_to_string(
        "dateline_search/opensearch.xml",
        {
            "name": name,
            "short_name": short_name(name),
            "description": _("Search the stories of %(name)s") % {"name": name},
            "search_url": base + reverse("search"),
            "description_url": base + reverse("opensearch"),
            "language": locale.language_code,
            "image_url": base + static("core/favicon.svg"),
        },
        request=request,
    )
    return HttpResponse(xml, content_type="application/opensearchdescription+xml; charset=utf-8")


def short_name(name: str, limit: int = 16) -> str:
    """The OpenSearch ShortName: at most 16 characters, as the specification allows; a
    longer name keeps its first whole words ("Borderland Ledger" → "Borderland")."""
    if len(name) <= limit:
        return name
    kept = ""
    for word in name.split():
        if len(f"{kept} {word}".strip()) > limit:
            break
        kept = f"{kept} {word}".strip()
    return kept or name[:limit]
