"""What the front page shows, gathered in a number of queries fixed by the page's layout."""

from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page

from dateline.core.pagecache import locale_of
from dateline.news import selectors as news_selectors
from dateline.news.models import ArticlePage
from dateline.taxonomy.models import PlacePage, RegionPage

LATEST_COUNT = 6
RAIL_COUNT = 4


def front_page(home: Page) -> dict:
    """Lead story, latest stories, a rail of recent stories per region, collections in focus.

    The card data of every story on the page is fetched once, for all of them together.
    """
    locale = locale_of(home)
    regions, term_ids = _regions_with_term_ids(locale)
    found = news_selectors.newest_of_each(_story_lists(home, locale, regions, term_ids))
    lead, latest = _lead_and_latest(found)
    rails = _rails(found, regions, shown={a.pk for a in [lead, *latest] if a})
    on_page = [a for a in [lead, *latest] if a] + [a for _, articles in rails for a in articles]
    news_selectors.with_article_card_data(on_page)
    return {
        "lead": lead,
        "latest": latest,
        "rails": rails,
        "focus_collections": _focus_collections(home),
    }


def _story_lists(home: Page, locale, regions: list[Page], term_ids: dict) -> dict:
    """What newest_of_each reads in one query: the lead story, the latest, every rail."""
    lead_id = home.lead_story_id
    # Each story appears once on the page: the lead, then Latest, then the rails in menu
    # order take the newest stories not shown above them. A rail can lose at most every
    # story shown before it, so it asks for that many more than it shows.
    shown_before_rails = 1 + LATEST_COUNT + 1
    lists = {
        "lead": (ArticlePage.objects.live().filter(pk=lead_id or 0), 1),
        "latest": (news_selectors.live_articles(locale).exclude(pk=lead_id or 0), LATEST_COUNT + 1),
    }
    for index, region in enumerate(regions):
        spare = shown_before_rails + index * RAIL_COUNT
        lists[region.pk] = (
            news_selectors.articles_tagged(term_ids[region.pk], locale),
            RAIL_COUNT + spare,
        )
    return lists


def _lead_and_latest(found: dict) -> tuple:
    """The lead story (the newest, when none is chosen or it is not live) and Latest."""
    lead = found["lead"][0] if found["lead"] else None
    latest = found["latest"]
    if lead is None and latest:
        lead, latest = latest[0], latest[1:]
    return lead, latest[:LATEST_COUNT]


def _rails(found: dict, regions: list[Page], shown: set[int]) -> list[tuple]:
    """Each region with its newest stories not shown above it."""
    rails = []
    for region in regions:
        fresh = [a for a in found[region.pk] if a.pk not in shown][:RAIL_COUNT]
        shown.update(a.pk for a in fresh)
        rails.append((region, fresh))
    return rails


def _focus_collections(home: Page) -> list:
    return [
        focus.collection
        for focus in home.focus_collections.select_related("collection").filter(
            collection__live=True
        )
    ]


def _regions_with_term_ids(locale) -> tuple[list[Page], dict[int, list[int]]]:
    """The edition's live regions, each with its id and its live places' ids: one query."""
    region_type = ContentType.objects.get_for_model(RegionPage).pk
    terms = list(
        Page.objects.live().filter(locale=locale).type(RegionPage, PlacePage).order_by("path")
    )
    # A rail needs only a region's title and address: the base page has both.
    regions = [term for term in terms if term.content_type_id == region_type]
    region_by_path = {region.path: region.pk for region in regions}
    term_ids = {region.pk: [region.pk] for region in regions}
    for term in terms:
        if term.content_type_id != region_type:
            region_pk = region_by_path.get(term.path[: -PlacePage.steplen])
            if region_pk:
                term_ids[region_pk].append(term.pk)
    return regions, term_ids
