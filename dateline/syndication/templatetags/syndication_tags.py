"""Feed announcements for every page's <head>, feed links and the republishing box.

core's SEO include and news' article template load this library by name, so neither
imports the syndication floor.
"""

from django import template
from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from wagtail.models import Page, Site

from dateline.core.models import SiteSettings
from dateline.multimedia.models import PodcastSeriesPage

from ..content import republish_html
from ..selectors import FEED_PAGE_TYPES

register = template.Library()


def page_path(page: Page) -> str:
    """The page's address below its edition's home: "regions/caucasus" (no query)."""
    return "/".join(page.url_path.strip("/").split("/")[1:])


def feeds_for(page, language_code: str, site_name: str) -> list[dict]:
    """The feeds a page announces: its own (a listing's, a blog's, a podcast's) first, then
    the edition's. Each: {"title", "url", "type"}."""
    feeds = []
    with translation.override(language_code):
        if isinstance(page, FEED_PAGE_TYPES):
            path = page_path(page)
            feeds += [
                {
                    "title": _("%(name)s: %(title)s (RSS)")
                    % {"name": site_name, "title": page.title},
                    "url": reverse("feed_page", args=["rss", path]),
                    "type": "application/rss+xml",
                },
                {
                    "title": _("%(name)s: %(title)s (Atom)")
                    % {"name": site_name, "title": page.title},
                    "url": reverse("feed_page", args=["atom", path]),
                    "type": "application/atom+xml",
                },
            ]
        elif isinstance(page, PodcastSeriesPage):
            feeds.append(
                {
                    "title": _("%(title)s (podcast feed)") % {"title": page.title},
                    "url": reverse("podcast_feed", args=[page_path(page)]),
                    "type": "application/rss+xml",
                }
            )
        feeds += [
            {
                "title": _("%(name)s (RSS)") % {"name": site_name},
                "url": reverse("feed", args=["rss"]),
                "type": "application/rss+xml",
            },
            {
                "title": _("%(name)s (Atom)") % {"name": site_name},
                "url": reverse("feed", args=["atom"]),
                "type": "application/atom+xml",
            },
        ]
    return feeds


def _site_name(request) -> str:
    site_settings = SiteSettings.for_request(request) if request else None
    return site_settings.name if site_settings else "Dateline"


@register.inclusion_tag("syndication/includes/head_feeds.html", takes_context=True)
def feed_alternates(context):
    """<link rel="alternate"> for each feed of the page being read (no query of its own:
    the site settings are cached on the request)."""
    page = context.get("page")
    request = context.get("request")
    language = (
        page.locale.language_code
        if isinstance(page, Page) and page.pk
        else translation.get_language() or settings.LANGUAGE_CODE
    )
    return {"feeds": feeds_for(page, language, _site_name(request))}


@register.inclusion_tag("syndication/includes/feed_links.html", takes_context=True)
def feed_links(context, page):
    """Visible links to a listing's, blog's or podcast's own feeds."""
    request = context.get("request")
    feeds = feeds_for(page, page.locale.language_code, _site_name(request))
    podcast = isinstance(page, PodcastSeriesPage)
    own = feeds[:1] if podcast else feeds[:2]
    return {"feeds": own, "podcast": isinstance(page, PodcastSeriesPage)}


@register.inclusion_tag("syndication/includes/republish.html", takes_context=True)
def republish_box(context, article):
    """ "Republish this story": the terms in brief and the copy-ready HTML."""
    request = context.get("request")
    if not getattr(article, "republishable", False) or request is None:
        return {"show": False}
    site = Site.find_for_request(request)
    root = site.root_url if site else ""
    beacon = root + reverse("republish_beacon", args=[article.pk])
    return {
        "show": True,
        "article": article,
        "html": republish_html(article, request, _site_name(request), beacon),
        "request": request,
        "page": context.get("page"),
    }
