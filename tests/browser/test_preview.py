"""Preview in Chromium, as an editor uses it: the panel beside the form shows the unsaved
story at desktop and phone sizes and opens in a new tab; a newsletter issue's "Email" mode
shows what subscribers will get, styled, with pictures from the site's real address. The
public pages still refuse to be framed by anyone."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.test_desk_editing import sign_in
from tests.helpers.page_checks import screenshot

pytestmark = pytest.mark.browser

PREVIEW = "#w-preview-iframe"


def open_preview(editor) -> None:
    """The preview toggle in the side panel bar, then wait for the frame's first page."""
    editor.locator("button[data-side-panel-toggle=preview]").click()
    expect(editor.locator(PREVIEW)).to_be_visible()


def first_article_id(page, site_url, query: str = "") -> int:
    """An English story's id, from the public API (other tests publish stories too)."""
    answer = page.request.get(f"{site_url}/api/v2/articles/?limit=1&locale=en{query}").json()
    return answer["items"][0]["id"]


def test_an_article_preview_shows_unsaved_edits_at_desktop_and_phone_sizes_and_in_a_new_tab(
    page_at, site_url, tmp_path_factory
):
    editor = sign_in(page_at, site_url, tmp_path_factory, "en-editor")
    article_id = first_article_id(editor, site_url)
    editor.goto(f"{site_url}/admin/pages/{article_id}/edit/")
    headline = "Preview check: a headline not yet saved"
    editor.locator("#id_title").fill(headline)
    open_preview(editor)

    frame = editor.frame_locator(PREVIEW)
    # The panel shows the page itself (no broken-frame icon), with the unsaved headline.
    expect(frame.locator("h1")).to_have_text(headline, timeout=15_000)
    expect(frame.locator(".site-header, header").first).to_be_visible()
    screenshot(editor, "preview-article-panel", "desktop")

    # The phone size narrows the frame to a phone's width; the page lays out for it.
    editor.locator("input[name=preview-size][value=mobile]").check(force=True)
    expect(frame.locator("h1")).to_have_text(headline)
    width = editor.locator(PREVIEW).evaluate("frame => frame.contentWindow.innerWidth")
    assert width <= 400, f"the phone-size preview is {width} px wide"
    screenshot(editor, "preview-article-panel-phone", "desktop")

    # "Preview in new tab" opens the same unsaved page on its own.
    with editor.expect_popup() as popup_info:
        editor.locator("[data-w-preview-target=newTab]").click()
    tab = popup_info.value
    tab.wait_for_load_state()
    expect(tab.locator("h1")).to_have_text(headline)
    screenshot(tab, "preview-article-new-tab", "desktop")

    # Nothing was saved: readers still see the published headline, in a page no other
    # site may frame.
    reader = page_at.new_page()
    response = reader.goto(f"{site_url}/api/v2/articles/{article_id}/")
    public_url = response.json()["meta"]["html_url"]
    public = reader.goto(public_url)
    expect(reader.locator("h1")).not_to_have_text(headline)
    assert "frame-ancestors 'none'" in public.headers["content-security-policy"]


def test_a_newsletter_issue_previews_as_the_web_page_and_as_the_email(
    page_at, site_url, tmp_path_factory
):
    editor = sign_in(page_at, site_url, tmp_path_factory, "en-editor")
    # The editor finds the sample issue under Newsletter in the page explorer.
    editor.goto(f"{site_url}/admin/pages/")
    editor.get_by_role("link", name=re.compile(r"Explore child pages of 'Newsletter'")).click()
    editor.locator("table.listing a[href*='/edit/']").first.click()
    editor.wait_for_url("**/admin/pages/*/edit/")
    title = editor.locator("#id_title").input_value()
    # The issue's long title wraps in its box instead of scrolling out of sight.
    assert editor.locator("#id_title").evaluate("box => box.scrollWidth <= box.clientWidth")
    open_preview(editor)

    frame = editor.frame_locator(PREVIEW)
    expect(frame.locator("h1")).to_contain_text(title, timeout=15_000)
    screenshot(editor, "preview-newsletter-web", "desktop")

    editor.locator("#id_preview_mode").select_option("email")
    # The email: a layout of tables, as mail programs need.
    expect(frame.locator("table[role=presentation]").first).to_be_attached(timeout=15_000)
    expect(frame.locator("h1")).to_contain_text(title)
    # The email's styles are on its elements (mail programs drop style sheets), and the
    # preview applies them: the stories' headlines are the newsletter's blue links.
    story_link = frame.locator("h2 a").first
    assert "color" in story_link.get_attribute("style")
    expect(story_link).to_have_css("color", "rgb(31, 78, 121)")
    expect(frame.locator("h1")).to_have_css("font-family", re.compile("Georgia"))
    assert frame.locator("link[rel=stylesheet]").count() == 0
    # Its pictures come from the site's real address, and they load.
    pictures = frame.locator("img")
    expect(pictures.first).to_be_attached()
    for index in range(pictures.count()):
        source = pictures.nth(index).get_attribute("src")
        assert source.startswith(site_url + "/"), source
        assert pictures.nth(index).evaluate("img => img.complete && img.naturalWidth > 0")
    screenshot(editor, "preview-newsletter-email", "desktop")


def test_an_editor_compares_a_draft_whose_places_changed_with_the_live_story(
    page_at, site_url, tmp_path_factory
):
    editor = sign_in(page_at, site_url, tmp_path_factory, "en-editor")
    article_id = first_article_id(editor, site_url, "&place=nagorno-karabakh")
    editor.goto(f"{site_url}/admin/pages/{article_id}/edit/")
    field = editor.locator(".term-tags")
    first = field.locator(".term-tags__chip").first
    removed = first.get_attribute("data-pk")
    removed_name = first.evaluate("chip => chip.firstChild.textContent.trim()")
    first.get_by_role("button", name=re.compile("Remove")).click()
    field.get_by_role("combobox").fill("Ташкент")  # the Russian name of Uzbekistan's capital
    expect(field.get_by_role("option", name=re.compile("Uzbekistan"))).to_be_visible()
    field.get_by_role("combobox").press("Enter")
    assert removed not in field.locator("input[type=hidden]").input_value().split(",")
    with editor.expect_navigation():
        editor.get_by_role("button", name="Save draft").click()

    editor.goto(f"{site_url}/admin/pages/{article_id}/revisions/compare/live...latest/")
    expect(editor.locator(".addition", has_text="Uzbekistan")).to_be_visible()
    expect(editor.locator(".deletion", has_text=removed_name)).to_be_visible()
    screenshot(editor, "compare-places-and-topics", "desktop")
