"""The public site in Chromium, at desktop and phone widths, as readers meet it.

Every page below must be valid HTML (Nu checker), have no serious or critical axe-core
violation, and leave a full-page screenshot in test-artifacts/screenshots/.
"""

import re
from urllib.parse import urljoin, urlsplit

import pytest

from tests.helpers.page_checks import (
    VIEWPORTS,
    axe_violations,
    describe_violations,
    html_errors,
    screenshot,
)

pytestmark = pytest.mark.browser

# The seed story (content.py: published 2023-09-19T13:30, updated 21:10).
SEED_ARTICLE = "/azerbaijan-launches-offensive-in-nagorno-karabakh/"
SEED_TITLE = "Azerbaijan launches military offensive in Nagorno-Karabakh"
SEED_PLACES = {
    "Nagorno Karabakh": "/regions/conflict-zones/nagorno-karabakh/",
    "Azerbaijan": "/regions/caucasus/azerbaijan/",
    "Armenia": "/regions/caucasus/armenia/",
    "Caucasus": "/regions/caucasus/",
}

# name (for the screenshot file), path, expected status
PAGES = [
    ("home", "/", 200),
    ("article", SEED_ARTICLE, 200),
    ("region", "/regions/caucasus/", 200),
    ("place", "/regions/caucasus/armenia/", 200),
    ("topic", "/topics/politics/", 200),
    ("collection", "/topics/politics/kazakhstans-bloody-january-2022/", 200),
    ("author", "/authors/lilit-hakobyan/", 200),
    ("search", "/search/?q=Karabakh", 200),
    ("about", "/about/", 200),
    ("blog-post", "/blogs/kitchen-table/plov-at-dawn-in-tashkent/", 200),
    ("contact", "/contact/", 200),
    ("corrections", "/corrections/", 200),
    ("newsletter", "/newsletter/", 200),
    ("ru-home", "/ru/", 200),
    ("ru-search", "/ru/search/?q=Карабах", 200),
    ("not-found", "/no-such-page/", 404),
]


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
@pytest.mark.parametrize(("name", "path", "status"), PAGES, ids=[p[0] for p in PAGES])
def test_page_is_valid_accessible_and_photographed(page_at, name, path, status, viewport):
    page = page_at(path, viewport)
    response = page_at.last_response
    assert response.status == status, f"{path}: HTTP {response.status}"
    # Screenshot first: a failing check below still leaves the picture to look at.
    screenshot(page, name, viewport)

    errors = html_errors(response.text())
    assert not errors, f"{path}: the Nu HTML checker reports:\n" + "\n".join(errors)

    violations = axe_violations(page)
    assert not violations, f"{path} at {viewport} width, axe-core:\n" + describe_violations(
        violations
    )


# --------------------------------------------------------------------------------------
# The header's Regions panel
# --------------------------------------------------------------------------------------


def _regions_panel(page):
    return page.locator("details").filter(has=page.locator("summary", has_text="Regions"))


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_regions_panel_opens_and_narrows_as_the_reader_types(page_at, viewport):
    page = page_at("/", viewport)
    panel = _regions_panel(page)
    armenia = panel.get_by_role("link", name="Armenia", exact=True)
    assert not armenia.is_visible(), "the Regions panel should start closed"

    panel.locator("summary").click()
    assert armenia.is_visible(), "clicking Regions should open its panel"
    box = panel.get_by_label(re.compile("part of a name to shorten the list", re.IGNORECASE))
    assert box.is_visible(), "the keyword box should show when JavaScript runs"

    box.press_sequentially("arm")
    entries = panel.locator("[data-menu-entry] > a")
    visible = [entries.nth(i).text_content().strip() for i in range(entries.count())
               if entries.nth(i).is_visible()]  # fmt: skip
    assert visible == ["Caucasus", "Armenia"], f"after typing 'arm', visible entries: {visible}"

    box.fill("")
    box.press_sequentially("zzz")
    assert panel.get_by_text("Nothing matches these keywords").is_visible()


def test_regions_panel_works_without_javascript(page_at):
    page = page_at("/", "desktop", java_script_enabled=False)
    panel = _regions_panel(page)
    box = panel.get_by_label(re.compile("part of a name to shorten the list", re.IGNORECASE))
    panel.locator("summary").click()

    links = panel.get_by_role("link")
    names = [links.nth(i).text_content().strip() for i in range(links.count())
             if links.nth(i).is_visible()]  # fmt: skip
    for region in ("Caucasus", "Central Asia", "Conflict Zones", "Eastern Europe",
                   "Eurasian Fringe", "Armenia", "Kazakhstan", "Ukraine", "Mongolia"):  # fmt: skip
        assert region in names, f"{region} missing from the open panel without JS: {names}"
    assert box.count() == 1, "the panel should carry its keyword box (hidden until JS runs)"
    assert not box.is_visible(), "the keyword box needs JavaScript and must be hidden without it"

    panel.get_by_role("link", name="Armenia", exact=True).click()
    page.wait_for_url("**/regions/caucasus/armenia/")
    assert page.get_by_role("heading", level=1).text_content().strip() == "Armenia"


# --------------------------------------------------------------------------------------
# The seed article
# --------------------------------------------------------------------------------------


def _in_document_order(page, handles) -> bool:
    return page.evaluate(
        """els => els.every((el, i) => i === 0 ||
            Boolean(els[i - 1].compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING))""",
        handles,
    )


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_article_shows_its_parts_in_order(page_at, viewport):
    page = page_at(SEED_ARTICLE, viewport)
    main = page.locator("main")

    places = main.get_by_role("list", name="Places").first
    place_names = [name.strip() for name in places.get_by_role("link").all_text_contents()]
    assert set(place_names) == set(SEED_PLACES), place_names

    headline = main.get_by_role("heading", level=1)
    assert headline.count() == 1
    assert headline.text_content().strip() == SEED_TITLE

    standfirst = main.get_by_text("Artillery and drone strikes hit Stepanakert", exact=False)
    date = main.locator("time[datetime^='2023-09-19']").first
    assert "19 September 2023" in date.inner_text()

    lead_image = main.get_by_role(
        "img", name="Columns of smoke above green hills and a small town at dusk"
    )
    caption = main.get_by_text("Smoke rises over the hills outside Stepanakert", exact=False)
    credit = "Illustration: Borderland Ledger"
    assert credit in caption.inner_text(), "the lead caption lacks its credit"
    body = main.get_by_text("Azerbaijan began a military offensive", exact=False)
    newsletter = main.get_by_role("heading", name=re.compile("newsletter", re.IGNORECASE))

    related = page.get_by_role("region", name="Related")
    related_items = related.locator("article")
    assert related_items.count() == 3, f"Related lists {related_items.count()} items"
    for i in range(3):
        href = related_items.nth(i).get_by_role("heading").get_by_role("link").get_attribute("href")
        assert href and href != SEED_ARTICLE, href
    popular = page.get_by_role("region", name="Popular")

    parts = {
        "place tags": places,
        "headline": headline,
        "standfirst": standfirst,
        "date": date,
        "lead image": lead_image,
        "caption": caption,
        "body": body,
        "newsletter call to action": newsletter,
        "Related": related,
        "Popular": popular,
    }
    for label, locator in parts.items():
        assert locator.count() >= 1, f"the article has no {label}"
        assert locator.first.is_visible(), f"the article's {label} is not visible"
    handles = [locator.first.element_handle() for locator in parts.values()]
    assert _in_document_order(page, handles), "parts out of order: expected " + ", ".join(parts)
    tops = {label: locator.first.bounding_box()["y"] for label, locator in parts.items()}
    assert list(tops.values()) == sorted(tops.values()), f"parts not top-to-bottom: {tops}"


def _listing_links_to(page, path: str, max_pages: int = 10) -> bool:
    """Whether the listing (following its 'next' pages) has a headline link to `path`."""
    for _ in range(max_pages):
        if page.locator(f"main h2 a[href='{path}'], main h3 a[href='{path}']").count():
            return True
        older = page.locator("a[rel='next']")
        if not older.count():
            return False
        older.first.click()
        page.wait_for_load_state()
    return False


def test_place_tags_lead_to_listings_that_list_the_article(page_at):
    page = page_at(SEED_ARTICLE, "desktop")
    for name, listing in SEED_PLACES.items():
        page.goto(SEED_ARTICLE)
        places = page.locator("main").get_by_role("list", name="Places").first
        places.get_by_role("link", name=name, exact=True).click()
        page.wait_for_url(f"**{listing}")
        assert page.get_by_role("heading", level=1).text_content().strip() == name
        assert _listing_links_to(page, SEED_ARTICLE), f"{listing} does not list the seed article"


# --------------------------------------------------------------------------------------
# Privacy: nothing leaves the newsroom's own host
# --------------------------------------------------------------------------------------


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_no_request_leaves_the_site(page_at, site_url, viewport):
    page = page_at.new_page(viewport)
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    for path in ("/", SEED_ARTICLE):
        page.goto(urljoin(site_url, path), wait_until="networkidle")
        # Lazy images and anything else that waits for the reader to scroll.
        page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
        page.wait_for_load_state("networkidle")
    assert requested, "no request was recorded"
    foreign = [
        url for url in requested
        if urlsplit(url).scheme not in {"data", "blob", "about"}
        and urlsplit(url).hostname != "127.0.0.1"
    ]  # fmt: skip
    assert not foreign, "requests left 127.0.0.1:\n" + "\n".join(foreign)
