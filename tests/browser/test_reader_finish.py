"""What #20 fixed, as a reader meets it in Chromium at desktop and phone widths."""

import re

import pytest

from tests.helpers.page_checks import VIEWPORTS, screenshot

pytestmark = pytest.mark.browser

BLOG_POST = "/blogs/kitchen-table/plov-at-dawn-in-tashkent/"


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_links_carry_the_address_the_site_runs_at(page_at, site_url, viewport):
    page = page_at("/", viewport)
    canonical = page.locator('link[rel="canonical"]').get_attribute("href")
    assert canonical == f"{site_url}/"
    opensearch = page.request.get(f"{site_url}/opensearch.xml").text()
    assert f'template="{site_url}/search/?q={{searchTerms}}"' in opensearch
    feed = page.request.get(f"{site_url}/feeds/rss/").text()
    links = re.findall(r"<link>([^<]+)</link>", feed)
    assert links and all(link.startswith(site_url) for link in links)


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_the_home_page_shows_each_story_once(page_at, viewport):
    page = page_at("/", viewport)
    titles = page.locator("main .card__title a").all_inner_texts()
    assert titles and len(titles) == len(set(titles)), "a story repeated on the home page"


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_blogs_are_in_the_media_menu_and_a_post_names_its_blog(page_at, viewport):
    page = page_at("/", viewport)
    page.locator("#menu-media").locator("xpath=..").locator("summary").click()
    page.get_by_role("link", name="Blogs", exact=True).click()
    assert page.url.endswith("/blogs/")
    page = page_at(BLOG_POST, viewport)
    page.locator(".story__blog a").click()
    assert page.url.endswith("/blogs/kitchen-table/")


def test_the_phone_header_leaves_room_for_the_story(page_at):
    for path in ["/", "/ru/", BLOG_POST]:
        page = page_at(path, "phone")
        bottom = page.locator(".site-header").bounding_box()
        assert bottom["y"] + bottom["height"] <= 120, f"{path}: header {bottom}"


def test_search_filters_fold_on_a_phone_and_stay_open_on_a_desktop(page_at):
    phone = page_at("/search/?q=Karabakh", "phone")
    assert not phone.locator("details.search-filters-panel").evaluate("d => d.open")
    first = phone.locator(".search-result").first.bounding_box()
    assert first["y"] < VIEWPORTS["phone"]["height"], "the first result is on the first screen"
    screenshot(phone, "search-folded", "phone")
    desktop = page_at("/search/?q=Karabakh", "desktop")
    assert desktop.locator("details.search-filters-panel").evaluate("d => d.open")
    assert "Karabakh" in desktop.title()


def test_a_chapter_link_moves_the_pages_player(page_at):
    page = page_at("/podcasts/the-weekly-ledger/weekly-ledger-ceasefires-and-elections/")
    chapter = page.locator("a[data-seek]").nth(2)  # "The election", at 0:12
    assert chapter.get_attribute("href").endswith(".mp3#t=12"), "a plain link without script"
    before = page.url
    chapter.click()
    assert page.url == before, "the reader stays on the page"
    page.wait_for_function(
        "() => Math.abs(document.querySelector('audio.player__audio').currentTime - 12) < 1.5",
        timeout=5000,
    )
