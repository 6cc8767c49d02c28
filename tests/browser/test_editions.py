"""A reader switches between the English and Russian editions with the header's link."""

import pytest

from dateline.home.demo import content, content_ru
from tests.helpers.page_checks import axe_violations, html_errors, screenshot

pytestmark = pytest.mark.browser

SEED_ARTICLE = "/azerbaijan-launches-offensive-in-nagorno-karabakh/"
SEED_ARTICLE_RU = "/ru/azerbajdzhan-nachal-nastuplenie-v-nagornom-karabahe/"


@pytest.mark.parametrize("viewport", ["desktop", "phone"])
def test_reader_goes_to_the_russian_translation_and_back(page_at, viewport):
    page = page_at(SEED_ARTICLE, viewport)
    page.get_by_role("link", name="русский").click()
    page.wait_for_url(f"**{SEED_ARTICLE_RU}")
    assert page.locator("html").get_attribute("lang") == "ru"
    assert "Азербайджан" in page.locator("h1").inner_text()
    assert page.get_by_role("link", name="Регионы").count() == 0  # a summary, not a link
    assert page.get_by_text("Регионы").first.is_visible()
    assert page.get_by_text("19 сентября 2023").first.is_visible()
    assert html_errors(page.content()) == []
    assert axe_violations(page) == []
    screenshot(page, "article-ru", viewport)

    page.get_by_role("link", name="English").click()
    page.wait_for_url(f"**{SEED_ARTICLE}")
    assert page.locator("html").get_attribute("lang") == "en"


def test_a_story_without_translation_leads_to_the_russian_home(page_at):
    translated = {
        data["translation_of"] for data in content_ru.ARTICLES if "translation_of" in data
    }
    english_only = next(data["slug"] for data in content.ARTICLES if data["slug"] not in translated)
    page = page_at(f"/{english_only}/")
    page.get_by_role("link", name="русский").click()
    page.wait_for_url("**/ru/")
    assert page.locator("html").get_attribute("lang") == "ru"


def test_footer_pages_and_search_switch_to_their_russian_counterparts(page_at):
    page = page_at("/about/")
    page.get_by_role("link", name="русский").click()
    page.wait_for_url("**/ru/about/")
    page = page_at("/search/?q=Karabakh")
    page.get_by_role("link", name="русский").click()
    page.wait_for_url("**/ru/search/?q=Karabakh")
    assert page.locator("html").get_attribute("lang") == "ru"
