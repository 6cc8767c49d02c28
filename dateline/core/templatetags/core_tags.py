"""Template helpers shared by every page: dates, edition links, footer, structured data."""

import json

from django import template
from django.conf import settings
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import translate_url
from django.utils import formats, timezone
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from wagtail.models import Locale, Page, Site

from dateline.core.editions import home_page_query, og_locale, own_name
from dateline.core.models import SiteSettings, StandardPage
from dateline.core.pagecache import active_locale, edition_cached, edition_fragment, locale_of

register = template.Library()

# Characters that must not appear raw inside a <script> element.
_JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.filter
def newsdate(value, with_time: bool = False) -> str:
    """The house date: "19 September 2023" (in Russian, "19" and the month in the genitive),
    with ", 13:05" if asked.

    Shown in the newsroom's time zone (settings.TIME_ZONE).
    """
    if not value:
        return ""
    if hasattr(value, "tzinfo") and timezone.is_aware(value):
        value = timezone.localtime(value)
    text = formats.date_format(value, "j E Y")
    if with_time and hasattr(value, "hour"):
        text = f"{text}, {formats.time_format(value, 'H:i')}"
    return text


@register.filter
def isodate(value) -> str:
    if not value:
        return ""
    if hasattr(value, "tzinfo") and timezone.is_aware(value):
        value = timezone.localtime(value)
    if hasattr(value, "microsecond"):
        # HTML's datetime allows at most three digits of a second; readers need none.
        value = value.replace(microsecond=0)
    return value.isoformat()


@register.simple_tag
def json_ld(data) -> str:
    """Structured data for search engines, safe to place inside the page."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return format_html(
        '<script type="application/ld+json">{}</script>',
        mark_safe(text.translate(_JSON_SCRIPT_ESCAPES)),  # noqa: S308 - escaped above
    )


def _request_cache(request, key, compute):
    if request is None:
        return compute()
    cache = request.__dict__.setdefault("_dateline_cache", {})
    if key not in cache:
        cache[key] = compute()
    return cache[key]


def current_locale(context) -> Locale:
    page = context.get("page")
    if isinstance(page, Page):
        return locale_of(page)
    request = context.get("request")
    return _request_cache(request, "locale", active_locale)


@register.simple_tag(takes_context=True)
def edition_home(context) -> Page | None:
    """The home page of the edition being read."""
    request = context.get("request")
    locale = current_locale(context)

    def compute():
        site = Site.find_for_request(request) if request else Site.objects.get(is_default_site=True)
        if site is None:
            return None
        return home_page_query(site, locale).specific().first()

    def cached():
        # Every page asks for this: keep it across requests until the edition changes.
        site = Site.find_for_request(request) if request else None
        if site is None:
            return compute()
        return edition_cached(locale.language_code, f"home:{site.pk}:{locale.pk}", compute)

    return _request_cache(request, f"home-{locale.pk}", cached)


# Pages under an edition's home that the header and the calls to action link by slug.
LINKED_PAGE_SLUGS = ("about", "newsletter", "support-us")


def _edition_pages(context) -> dict:
    """The footer pages and the linked pages of the edition, in one query per request."""
    home = edition_home(context)
    if home is None:
        return {"footer": []}

    def compute():
        pages = (
            home.get_children()
            .live()
            .filter(Q(show_in_menus=True) | Q(slug__in=LINKED_PAGE_SLUGS))
            .order_by("path")
        )
        found = {"footer": []}
        for page in pages:
            # Corrections, Team, Contact... are standard pages with more to show.
            if page.show_in_menus and issubclass(page.specific_class or Page, StandardPage):
                found["footer"].append(page)
            found[page.slug] = page
        return found

    return _request_cache(
        context.get("request"),
        f"edition-pages-{home.pk}",
        lambda: edition_cached(locale_of(home).language_code, f"edition-pages:{home.pk}", compute),
    )


@register.simple_tag(takes_context=True)
def footer_pages(context) -> list[Page]:
    """Standard pages under the edition's home marked "show in menus", in tree order."""
    return _edition_pages(context)["footer"]


@register.simple_tag(takes_context=True)
def edition_page(context, slug: str) -> Page | None:
    """A page directly under the edition's home by slug: one of LINKED_PAGE_SLUGS."""
    return _edition_pages(context).get(slug)


@register.simple_tag(takes_context=True)
def other_editions(context) -> list[dict]:
    """For each other edition, where its language link leads.

    A page leads to its translation, else to the other edition's home page; a view that is
    not a page (search) leads to the same view in the other language.
    """
    locale = current_locale(context)
    request = context.get("request")
    page = context.get("page")
    is_page = isinstance(page, Page) and page.pk
    translations = {p.locale_id: p for p in live_translations(context)}
    links = []
    others = edition_cached(
        locale.language_code,
        f"other-locales:{locale.pk}",
        lambda: list(Locale.objects.exclude(pk=locale.pk).order_by("language_code")),
    )
    for other in others:
        url = None
        if other.pk in translations:
            url = translations[other.pk].get_url(request)
        elif not is_page and request is not None and request.resolver_match:
            url = translate_url(request.get_full_path(), other.language_code)
            if url == request.get_full_path():
                url = None
        if url is None:
            home = _other_home(request, other)
            url = home.get_url(request) if home else None
        if url:
            links.append(
                {
                    "url": url,
                    "language_code": other.language_code,
                    # In its own language, as readers look for it (core.editions.own_name).
                    "name": own_name(other.language_code),
                    "is_translation": other.pk in translations,
                }
            )
    return links


def _other_home(request, locale: Locale) -> Page | None:
    site = Site.find_for_request(request) if request else None
    if site is None:
        return None
    return edition_cached(
        locale.language_code,
        f"home:{site.pk}:{locale.pk}",
        lambda: home_page_query(site, locale).specific().first(),
    )


@register.simple_tag(takes_context=True)
def canonical_url(context) -> str:
    page = context.get("page")
    request = context.get("request")
    if isinstance(page, Page):
        return page.get_full_url(request) or ""
    if request is not None:
        return f"{settings.DATELINE_BASE_URL}{request.path}"
    return settings.DATELINE_BASE_URL


@register.simple_tag
def language_code() -> str:
    return get_language() or settings.LANGUAGE_CODE


def live_translations(context) -> list[Page]:
    """The live translations of the page being read (itself excluded), once per request."""
    page = context.get("page")
    if not isinstance(page, Page) or not page.pk:
        return []
    if getattr(page, "has_live_translation", None) is False:  # routing asked (core.routing)
        return []
    # A translation's publish or unpublish bumps "tr:<translation key>"
    # (pagecache.dependencies), or this edition's generation for a page that is no story.
    return _request_cache(
        context.get("request"),
        f"translations-{page.pk}",
        lambda: edition_cached(
            locale_of(page).language_code,
            f"translations:{page.pk}",
            lambda: list(page.get_translations().live().select_related("locale")),
            tags=[f"tr:{page.translation_key}"],
        ),
    )


@register.simple_tag(takes_context=True)
def seo(context) -> dict:
    """Title, description, canonical URL and hreflang alternates of the page being read."""
    page = context.get("page")
    request = context.get("request")
    site_settings = SiteSettings.for_request(request) if request else None
    site_name = site_settings.name if site_settings else "Dateline"
    home = edition_home(context)
    tagline = getattr(home, "tagline", "")
    is_page = isinstance(page, Page)
    heading = (page.seo_title or page.title) if is_page else context.get("title", "")
    description = _meta_description(page) if is_page else ""
    canonical = canonical_url(context)
    return {
        "title": _page_title(page if is_page else None, heading, site_name, tagline),
        "heading": heading,
        "description": description or tagline,
        "canonical": canonical,
        "alternates": _alternates(context, page, canonical),
        "site_name": site_name,
        "og_locale": og_locale(current_locale(context).language_code),
    }


def _page_title(page: Page | None, heading: str, site_name: str, tagline: str) -> str:
    """An edition's home is the site's name and tagline; any other page, its heading first."""
    if page is not None and page.depth <= 2:
        return f"{site_name} — {tagline}" if tagline else site_name
    return f"{heading} | {site_name}" if heading else site_name


def _meta_description(page: Page) -> str:
    meta = getattr(page.specific_deferred, "get_meta_description", None)
    return meta() if meta else page.search_description


def _alternates(context, page, canonical: str) -> list[tuple[str, str]]:
    """hreflang alternates: this page and each live translation, and x-default."""
    translations = live_translations(context)
    if not translations:
        return []
    alternates = [(page.locale.language_code, canonical)] + [
        (t.locale.language_code, t.get_full_url(context.get("request"))) for t in translations
    ]
    default = next((url for code, url in alternates if code == settings.LANGUAGE_CODE), None)
    if default:
        alternates.append(("x-default", default))
    return alternates


@register.simple_tag(takes_context=True)
def shared_include(context, template_name: str, **values) -> str:
    """``{% include "..." with name=value %}`` for a part that is the same on every page of
    the edition given the same values (the footer, the empty signup form): rendered once
    per edition generation, site and values (core.pagecache)."""
    request = context.get("request")

    def render() -> str:
        return render_to_string(template_name, {**context.flatten(), **values}, request)

    edition = current_locale(context).language_code
    shape = ":".join(f"{name}={value}" for name, value in sorted(values.items()))
    return edition_fragment(request, edition, f"include:{template_name}:{shape}", render)
