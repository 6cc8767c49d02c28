"""Writes for edition home pages."""

from dateline.core.editions import translation_ids

from .models import FocusCollection, HomePage


def localize_front_page(home: HomePage) -> None:
    """Point a translated home page's lead story and collections at its own edition.

    Translations copy these from the source home page; see news.services.localize_relations.
    """
    focus = list(home.focus_collections.all())
    ids = [f.collection_id for f in focus] + ([home.lead_story_id] if home.lead_story_id else [])
    mapping = translation_ids(ids, home.locale_id)
    for row in focus:
        if row.collection_id in mapping:
            FocusCollection.objects.filter(pk=row.pk).update(
                collection_id=mapping[row.collection_id]
            )
    if home.lead_story_id in mapping:
        HomePage.objects.filter(pk=home.pk).update(lead_story_id=mapping[home.lead_story_id])


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
