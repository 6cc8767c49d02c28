"""A reader's request, handed what Wagtail would otherwise query for: the Site and its
settings from the per-edition cache, and the page from ``core.routing``'s two queries."""

from django.conf import settings
from django.http import HttpRequest

from dateline.core import wagtail_internals

from .fragments import edition_cached


def prime_view(request: HttpRequest, view_func, view_args, view_kwargs, public: bool) -> None:
    """Prime the request before its view runs; a ``public`` request (one that may be
    stored) to Wagtail's page view gets its route as well."""
    prime_site(request)
    from wagtail.views import serve

    if public and view_func is serve:
        from dateline.core.routing import prime_route

        # Wagtail's URL pattern passes the path as its one positional argument.
        path = view_args[0] if view_args else view_kwargs.get("path")
        if path is not None:
            prime_route(request, path)


def prime_site(request: HttpRequest) -> None:
    """Hand Wagtail the request's Site and SiteSettings from the cache (two queries saved
    on every page). Both are cleared by a site-wide bump when either is saved."""
    site = edition_cached(
        settings.LANGUAGE_CODE,
        f"site:{wagtail_internals.site_lookup_key(request)}",
        lambda: wagtail_internals.find_site(request),
    )
    wagtail_internals.give_site(request, site)
    if site is not None:
        site_settings = edition_cached(
            settings.LANGUAGE_CODE, f"site-settings:{site.pk}", lambda: _site_settings(site)
        )
        wagtail_internals.give_site_settings(request, site_settings)


def _site_settings(site):
    """The site's settings with the header's logo and its renditions loaded, to be cached."""
    from django.db.models import prefetch_related_objects

    from dateline.core.models import SiteSettings

    site_settings = SiteSettings.for_site(site)
    if site_settings.logo is not None:
        prefetch_related_objects([site_settings.logo], "renditions")
    return site_settings
