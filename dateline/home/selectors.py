"""What the front page shows, gathered in a number of queries fixed by the page's layout."""

from wagtail.models import Page

from dateline.news import selectors as news_selectors
from dateline.news.models import ArticlePage
from dateline.taxonomy.models import PlacePage, RegionPage

LATEST_COUNT = 6
RAIL_COUNT = 4


def front_page(home: Page) -> dict:
    """Lead story, latest stories, a rail of recent stories per region, collections in focus."""
    locale = home.locale
    lead = None
    if home.lead_story_id:
        lead = ArticlePage.objects.live().filter(pk=home.lead_story_id).first()
    latest = news_selectors.latest_articles(
        locale, LATEST_COUNT + (0 if lead else 1), exclude=[lead.pk] if lead else []
    )
    if lead is None and latest:
        lead, latest = latest[0], latest[1:]
    elif lead is not None:
        news_selectors.with_article_card_data([lead])

    regions = list(RegionPage.objects.live().filter(locale=locale).order_by("path"))
    term_ids = _region_term_ids(regions)
    rails = [
        (region, news_selectors.articles_tagged(term_ids[region.pk], locale, RAIL_COUNT))
        for region in regions
    ]
    news_selectors.with_article_card_data([a for _, articles in rails for a in articles])

    collections = [
        focus.collection
        for focus in home.focus_collections.select_related("collection").filter(
            collection__live=True
        )
    ]
    return {"lead": lead, "latest": latest, "rails": rails, "focus_collections": collections}


def _region_term_ids(regions: list[RegionPage]) -> dict[int, list[int]]:
    """Each region's id with the ids of its live places, in one query."""
    term_ids = {region.pk: [region.pk] for region in regions}
    if regions:
        places = PlacePage.objects.live().filter(locale=regions[0].locale_id).only("pk", "path")
        region_by_path = {region.path: region.pk for region in regions}
        for place in places:
            region_pk = region_by_path.get(place.path[: -PlacePage.steplen])
            if region_pk:
                term_ids[region_pk].append(place.pk)
    return term_ids
