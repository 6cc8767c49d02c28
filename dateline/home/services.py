"""Writes for edition home pages."""

from dateline.core.editions import point_at_edition

from .models import HomePage


def localize_front_page(home: HomePage) -> None:
    """Point a translated home page's collections in focus and lead story at its own edition
    (``core.editions.point_at_edition``): translations copy them from the source home page."""
    point_at_edition(
        home.locale_id, [(home.focus_collections.all(), "collection_id"), ([home], "lead_story_id")]
    )


def match_site_to_base_url(home: HomePage | None = None) -> bool:
    """Make the default Wagtail Site answer at DATELINE_BASE_URL, the one setting that says
    where the site runs: page URLs (canonical links, sitemaps, feeds, the API) are built
    from the Site record, links in emails and OpenSearch from the setting. Gives the
    home page as root when one is passed. Answers whether anything changed."""
    from urllib.parse import urlsplit

    from django.conf import settings
    from wagtail.models import Site

    address = urlsplit(settings.DATELINE_BASE_URL)
    wanted = {
        "hostname": address.hostname or "localhost",
        "port": address.port or (443 if address.scheme == "https" else 80),
    }
    if home is not None:
        wanted["root_page"] = home
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        if home is None:
            return False
        Site.objects.create(is_default_site=True, **wanted)
        return True
    changed = {k: v for k, v in wanted.items() if getattr(site, k) != v}
    if changed:
        for name, value in changed.items():
            setattr(site, name, value)
        site.save()  # the page cache forgets pages built with the old address
    return bool(changed)
