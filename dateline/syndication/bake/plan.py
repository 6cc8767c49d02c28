"""The incremental bake's plan: from the last manifest and the live pages now, which
addresses to render again and which to drop.

A story (tagged content) that was published, changed, moved or unpublished since the last
bake is re-rendered with everything that shows it: its ancestors, the listings it linked
to (its terms, authors and series), the pages whose main part linked it (listings,
Related), each edition's home, every feed and sitemap, and the further pages of those
listings. A menu, index or listing page that changed means a full bake instead: every page
shows those.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .pages import LivePage

# The kinds of manifest entry that list stories (feeds, sitemaps): always re-rendered.
LISTING_FILE_KINDS = ("xml", "text")


@dataclass
class IncrementalPlan:
    rerender: set[str]  # addresses to render again
    drop: set[str]  # addresses no longer published, whose files go


def incremental_plan(
    pages: dict[str, LivePage], previous: dict[str, dict]
) -> IncrementalPlan | None:
    """What to re-render and drop since the bake whose manifest entries are ``previous``,
    or None when only a full bake will do."""
    baked = _baked_pages(previous)
    changed = [page for page in pages.values() if baked.get(page.id) != (page.url, page.published)]
    unpublished = _addresses_left(pages, baked)
    if not _only_stories(changed, unpublished, previous):
        return None
    rerender = _addresses_showing(changed, unpublished, pages, previous)
    rerender |= further_pages(rerender, previous)
    drop = unpublished - rerender
    drop |= further_pages(drop, previous)
    return IncrementalPlan(rerender=rerender - drop, drop=drop)


def _baked_pages(previous: dict[str, dict]) -> dict[int, tuple[str, str | None]]:
    """Page id -> (address, publish time) of the pages the last bake rendered."""
    return {
        entry["page"]: (url, entry.get("published"))
        for url, entry in previous.items()
        if entry.get("page")
    }


def _addresses_left(
    pages: dict[str, LivePage], baked: dict[int, tuple[str, str | None]]
) -> set[str]:
    """The addresses of baked pages that are no longer live there (unpublished or moved)."""
    live_urls = {page.id: page.url for page in pages.values()}
    return {url for page_id, (url, _published) in baked.items() if live_urls.get(page_id) != url}


def _only_stories(
    changed: list[LivePage], unpublished: set[str], previous: dict[str, dict]
) -> bool:
    """Whether every changed or unpublished page is a story (and not a menu, an index or a
    listing, which every page shows)."""
    return all(page.content for page in changed) and all(
        previous[url].get("content") for url in unpublished
    )


def _addresses_showing(
    changed: list[LivePage],
    unpublished: set[str],
    pages: dict[str, LivePage],
    previous: dict[str, dict],
) -> set[str]:
    """The changed stories and every address that showed or now shows them."""
    touched = {page.url for page in changed} | unpublished
    showing = {page.url for page in changed}
    for page in changed:
        showing.update(page.ancestors)
        # The listings a story appeared in: its terms, authors and series, linked from it.
        showing.update(_live_links(previous.get(page.url, {}), pages))
    showing |= _linking_to(touched, previous)
    showing.update(page.url for page in pages.values() if not page.ancestors)  # the homes
    return showing


def _linking_to(touched: set[str], previous: dict[str, dict]) -> set[str]:
    """Pages whose main part links a touched story (listings, Related), and every feed
    and sitemap."""
    return {
        url
        for url, entry in previous.items()
        if touched & set(entry.get("links", [])) or entry.get("kind") in LISTING_FILE_KINDS
    }


def _live_links(entry: dict, pages: dict[str, LivePage]) -> Iterable[str]:
    return (url for url in entry.get("links", []) if url in pages)


def further_pages(addresses: set[str], previous: dict[str, dict]) -> set[str]:
    """The baked addresses that are ``addresses`` with a query: a listing's further pages."""
    # Equivalent to url.startswith(address + "?") for every pair, in one pass over each url.
    return {
        url
        for url in previous
        if "?" in url and any(url[:at] in addresses for at, char in enumerate(url) if char == "?")
    }


def listings_now_linked(
    rerendered: set[str], entries: dict[str, dict], pages: dict[str, LivePage]
) -> list[str]:
    """The listings that re-rendered stories link to now and were not re-rendered: a
    story that gained a tag or an author shows on that listing too."""
    listings = []
    for url in rerendered:
        entry = entries.get(url, {})
        if entry.get("content"):
            listings += [
                link
                for link in _live_links(entry, pages)
                if not pages[link].content and link not in rerendered
            ]
    return listings
