"""Feeds, podcast feeds, sitemaps, the republishing beacon, robots.txt and the API's
OpenAPI description."""

import base64
import math
from io import StringIO

from django.conf import settings
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control, never_cache
from django.views.decorators.http import require_GET
from wagtail.models import Locale, Page, Site

from dateline.core.errors import ReaderNotFound
from dateline.core.models import SiteSettings
from dateline.core.pagecache import active_locale
from dateline.multimedia.models import PodcastEpisodePage, PodcastSeriesPage
from dateline.news.models import ArticlePage

from . import openapi, selectors, services
from .api import nothing_here_message
from .content import item_content, item_summary
from .feeds import FEED_FORMATS, PodcastChannel, absolute_urls, podcast_guid, write_podcast_feed
from .models import FeedSettings

SITEMAP_PAGE_SIZE = 10_000  # the protocol allows 50,000; smaller files are kinder to crawlers
FEED_CACHE = 900


@require_GET
@cache_control(max_age=3600, public=True)
def openapi_description(request):
    """The OpenAPI 3.1 description of /api/v2/ (see syndication/openapi/)."""
    return JsonResponse(openapi.describe(), json_dumps_params={"indent": 1})


def api_not_found(request, path: str):
    """Any other address under /api/v2/ (a misspelt endpoint, /articles/-1/): a 404 in the
    API's own JSON shape rather than the site's HTML page."""
    return JsonResponse({"message": nothing_here_message()}, status=404)


@require_GET
@cache_control(max_age=3600, public=True)
def robots_txt(request):
    lines = ["User-agent: *", "Disallow: /admin/"]
    for language_code, _name in settings.LANGUAGES:  # each edition's search page
        with translation.override(language_code):
            lines.append(f"Disallow: {reverse('search')}")
    lines += [
        "",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


# Feeds ---------------------------------------------------------------------------------


def _site(request) -> Site:
    site = Site.find_for_request(request)
    if site is None:
        raise Http404(_("This address is not a site of this newsroom."))
    return site


def _edition(request) -> tuple[Site, Locale, Page]:
    site = _site(request)
    locale = active_locale()
    home = selectors.edition_home(site, locale)
    if home is None:
        raise ReaderNotFound(_("This edition has no home page yet."))
    return site, locale, home


@require_GET
@cache_control(max_age=FEED_CACHE, public=True)
def feed(request, kind: str, path: str = ""):
    """RSS or Atom for the edition, or for a region, place, topic, collection, author or
    blog (``path`` is that page's address below the edition's home)."""
    site, locale, home = _edition(request)
    page = None
    if path:
        page = selectors.page_at(home, path)
        if page is None or not isinstance(page, selectors.FEED_PAGE_TYPES):
            raise ReaderNotFound(
                _("There is no feed at this address: “%(path)s” is not a listing with a feed.")
                % {"path": path[:80]}
            )
    site_settings = SiteSettings.for_site(site)
    feed_settings = FeedSettings.for_site(site)
    base_url = site.root_url
    link = (page or home).get_full_url(request)
    title = f"{site_settings.name}: {page.title}" if page else site_settings.name
    description = (
        page.specific.get_meta_description() if page else getattr(home.specific, "tagline", "")
    ) or title
    generator = FEED_FORMATS[kind](
        title=title,
        link=link,
        description=description,
        language=locale.language_code,
        feed_url=request.build_absolute_uri(),
        feed_guid=request.build_absolute_uri(),
        author_name=site_settings.name,
        author_link=home.get_full_url(request),
    )
    for item in selectors.feed_items(page, locale, feed_settings.item_count):
        url = item.get_full_url(request)
        authors = [a.title for a in getattr(item, "author_pages", [])]
        content = (
            absolute_urls(item_content(item, request), base_url) if feed_settings.full_text else ""
        )
        generator.add_item(
            title=item.title,
            link=url,
            description=item_summary(item),
            unique_id=url,
            unique_id_is_permalink=True,
            pubdate=item.first_published_at,
            updateddate=getattr(item, "updated_at", None) or item.last_published_at,
            author_name=", ".join(authors) or site_settings.name,
            categories=[t.title for t in item.place_terms + item.topic_terms],
            content=content,
        )
    response = HttpResponse(content_type=f"{generator.content_type}")
    generator.write(response, "utf-8")
    return response


@require_GET
@cache_control(max_age=FEED_CACHE, public=True)
def podcast_feed(request, path: str):
    """A podcast series as podcast apps read it."""
    site, locale, home = _edition(request)
    series = selectors.page_at(home, path)
    if not isinstance(series, PodcastSeriesPage):
        raise ReaderNotFound(
            _("There is no podcast at this address: “%(path)s”.") % {"path": path[:80]}
        )
    site_settings = SiteSettings.for_site(site)
    base_url = site.root_url
    feed_url = request.build_absolute_uri()
    cover = _image_url(series.cover_image, base_url, "fill-1400x1400|format-jpeg")
    episodes = selectors.podcast_episodes(series)
    channel = PodcastChannel(
        title=series.title,
        link=series.get_full_url(request),
        feed_url=feed_url,
        description=series.description,
        language=series.language_code,
        author=series.hosts or site_settings.name,
        owner_name=series.owner_name,
        owner_email=series.owner_email,
        image_url=cover,
        categories=series.category_path,
        explicit=series.explicit,
        copyright=getattr(home.specific, "copyright", ""),
        guid=podcast_guid(feed_url),
        last_build=max((e.last_published_at for e in episodes), default=series.last_published_at),
    )
    for episode in episodes:
        url = episode.get_full_url(request)
        notes = absolute_urls(str(_richtext(episode.show_notes)), base_url)
        channel.items.append(
            {
                "title": episode.title,
                "link": url,
                "guid": str(episode.guid),
                "pubdate": episode.first_published_at,
                "description": episode.standfirst,
                "content": notes or f"<p>{_escape(episode.standfirst)}</p>",
                "enclosure_url": base_url + episode.audio.file.url
                if episode.audio.file.url.startswith("/")
                else episode.audio.file.url,
                "enclosure_length": episode.audio_size,
                "enclosure_type": episode.audio_type or "audio/mpeg",
                "duration": episode.duration_text,
                "season": episode.season_number,
                "episode": episode.episode_number,
                "episode_type": episode.episode_type,
                "explicit": episode.explicit or series.explicit,
                "image_url": _image_url(episode.lead_image, base_url, "fill-1400x1400|format-jpeg"),
                "transcript_url": f"{url}#transcript" if episode.transcript else "",
                "chapters_url": request.build_absolute_uri(
                    reverse("podcast_chapters", args=[episode.pk])
                )
                if episode.chapter_list
                else "",
            }
        )
    out = StringIO()
    write_podcast_feed(channel, out)
    return HttpResponse(out.getvalue(), content_type="application/rss+xml; charset=utf-8")


@require_GET
@cache_control(max_age=FEED_CACHE, public=True)
def podcast_chapters(request, episode_id: int):
    """An episode's chapter marks in the Podcast Namespace's JSON chapters format."""
    episode = PodcastEpisodePage.objects.live().public().filter(pk=episode_id).first()
    if episode is None:
        raise ReaderNotFound(_("There is no episode with the number %(id)d.") % {"id": episode_id})
    data = {"version": "1.2.0", "chapters": [
        {"startTime": chapter["start"], "title": chapter["title"]}
        for chapter in episode.chapter_list
    ]}  # fmt: skip
    return JsonResponse(data, content_type="application/json+chapters")


def _image_url(image, base_url: str, spec: str) -> str:
    if image is None:
        return ""
    url = image.get_rendition(spec).url
    return base_url + url if url.startswith("/") else url


def _richtext(value) -> str:
    from wagtail.rich_text import expand_db_html

    return expand_db_html(value or "")


def _escape(text: str) -> str:
    from django.utils.html import escape

    return escape(text)


# Sitemaps ------------------------------------------------------------------------------


def _locales_with_pages(site: Site) -> list[tuple[Locale, Page]]:
    editions = []
    for locale in Locale.objects.order_by("pk"):
        home = selectors.edition_home(site, locale)
        if home is not None:
            editions.append((locale, home))
    return editions


@require_GET
@cache_control(max_age=3600, public=True)
def sitemap_index(request):
    """The sitemap index: each edition's pages (in parts of 10,000) and its news sitemap."""
    site = _site(request)
    entries = []
    for locale, _home in _locales_with_pages(site):
        pages = selectors.sitemap_pages(locale)
        count = pages.count()
        newest = (
            pages.order_by("-last_published_at").values_list("last_published_at", flat=True).first()
        )
        url = site.root_url + reverse("sitemap_pages", args=[locale.language_code])
        for part in range(1, max(1, math.ceil(count / SITEMAP_PAGE_SIZE)) + 1):
            entries.append({"loc": url if part == 1 else f"{url}?p={part}", "lastmod": newest})
        news = selectors.news_sitemap_articles(locale)
        entries.append(
            {
                "loc": site.root_url + reverse("sitemap_news", args=[locale.language_code]),
                # A page published before Wagtail kept last_published_at (the demo's live
                # story) has none: it cannot be the newest.
                "lastmod": max(
                    (a.last_published_at for a in news if a.last_published_at), default=None
                ),
            }
        )
    return render(
        request, "syndication/sitemap_index.xml", {"entries": entries},
        content_type="application/xml; charset=utf-8",
    )  # fmt: skip


def _sitemap_locale(language_code: str) -> Locale:
    locale = Locale.objects.filter(language_code=language_code).first()
    if locale is None:
        raise ReaderNotFound(_("There is no “%(code)s” edition.") % {"code": language_code[:10]})
    return locale


def _alternates(page: Page, translations: dict, request) -> list[tuple[str, str]]:
    versions = translations.get(page.translation_key, [])
    if len(versions) < 2:
        return []
    links = [(p.locale.language_code, p.get_full_url(request)) for p in versions]
    default = [url for code, url in links if code == settings.LANGUAGE_CODE]
    return links + [("x-default", default[0])] if default else links


@require_GET
@cache_control(max_age=3600, public=True)
def sitemap_pages(request, language_code: str):
    """Every public page of an edition, with its last change and its translations."""
    locale = _sitemap_locale(language_code)
    raw = request.GET.get("p", "1")
    if not raw.isdigit() or int(raw) < 1:
        return HttpResponse(
            _("“%(p)s” is not a sitemap part number.") % {"p": raw[:20]},
            status=400,
            content_type="text/plain; charset=utf-8",
        )
    part = int(raw)
    start = (part - 1) * SITEMAP_PAGE_SIZE
    pages = list(selectors.sitemap_pages(locale)[start : start + SITEMAP_PAGE_SIZE])
    if not pages and part > 1:
        raise ReaderNotFound(_("This sitemap has no part %(p)d.") % {"p": part})
    translations = selectors.translations_of(pages)
    urls = [
        {
            "loc": page.get_full_url(request),
            "lastmod": page.last_published_at,
            "alternates": _alternates(page, translations, request),
        }
        for page in pages
    ]
    return render(
        request, "syndication/sitemap.xml", {"urls": urls},
        content_type="application/xml; charset=utf-8",
    )  # fmt: skip


@require_GET
@cache_control(max_age=900, public=True)
def sitemap_news(request, language_code: str):
    """The Google News sitemap of an edition: its articles of the last two days."""
    locale = _sitemap_locale(language_code)
    site = _site(request)
    articles = selectors.news_sitemap_articles(locale)
    translations = selectors.translations_of(articles)
    name = SiteSettings.for_site(site).name
    urls = [
        {
            "loc": article.get_full_url(request),
            "title": article.title,
            "published": article.first_published_at,
            "alternates": _alternates(article, translations, request),
        }
        for article in articles
    ]
    return render(
        request,
        "syndication/sitemap_news.xml",
        {"urls": urls, "publication": name, "language": locale.language_code},
        content_type="application/xml; charset=utf-8",
    )


# Republishing --------------------------------------------------------------------------

# A transparent 1×1 GIF: the smallest image every mail client and browser shows.
PIXEL = base64.b64decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7")


@require_GET
@never_cache
def republish_beacon(request, article_id: int):
    """The image in a republished copy: each load counts one view for the partner site."""
    article = ArticlePage.objects.live().filter(pk=article_id).only("pk", "republishable").first()
    if article is None or not article.republishable:
        return HttpResponse(
            _("No republishable story has the number %(id)d.") % {"id": article_id},
            status=404,
            content_type="text/plain; charset=utf-8",
        )
    own_hosts = {s.hostname.lower().removeprefix("www.") for s in Site.objects.all()}
    own_hosts.add(request.get_host().split(":")[0].lower().removeprefix("www."))
    partner = services.partner_from_referer(request.headers.get("Referer", ""), own_hosts)
    if partner is not None:
        services.count_republished_view(article.pk, partner)
    response = HttpResponse(PIXEL, content_type="image/gif")
    # Partners' pages may send no Referer otherwise (strict-origin-when-cross-origin keeps
    # the host, which is all we record).
    response["Cross-Origin-Resource-Policy"] = "cross-origin"
    return response
