"""The desk in Chromium, as journalists use it: an English editor writes a story, takes the
places the text mentions with a click and publishes it; an editor asks for a translation
(one edition left, so no choice to make), the Russian edition shows nothing until the
translation is published; a Russian-desk contributor cannot publish in English; a contributor
submits a story for review and an editor approves it from the dashboard's review panel."""

import re

import pytest
from playwright.sync_api import expect

from tests.helpers.browser_server import demo_password
from tests.helpers.page_checks import axe_violations, describe_violations, screenshot

pytestmark = pytest.mark.browser

TITLE = "Armenia and Azerbaijan resume talks on Nagorno Karabakh"


def sign_in(page_at, site_url, tmp_path_factory, username: str, viewport: str = "desktop"):
    page = page_at.new_page(viewport)
    page.goto(site_url + "/admin/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(demo_password(tmp_path_factory))
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(site_url + "/admin/")
    return page


def assert_accessible(page, within: str | None = None) -> None:
    violations = axe_violations(page, within)
    assert not violations, describe_violations(violations)


def publish(page) -> None:
    """Wagtail's footer "Publish" (in the menu under "Save draft")."""
    with page.expect_navigation():
        page.locator("button[name=action-publish]").evaluate("button => button.click()")


def test_an_editor_writes_and_publishes_a_story_with_the_places_its_text_mentions(
    page_at, site_url, tmp_path_factory
):
    editor = sign_in(page_at, site_url, tmp_path_factory, "en-editor")
    editor.get_by_role("link", name="New article in English").click()
    editor.wait_for_url("**/admin/pages/add/news/articlepage/*/")
    editor.locator("#id_title").fill(TITLE)
    editor.locator("#id_standfirst").fill("Negotiators met again after three months.")
    editor.locator(".c-sf-add-button").first.click()
    editor.get_by_role("option", name="Paragraph").first.click()
    body = editor.locator("[data-contentpath=body] .Draftail-Editor [contenteditable=true]")
    body.first.click()
    body.first.type("Delegations met in Yerevan to discuss the road through Nagorno Karabakh.")

    # What the text mentions is offered, one click each; the first place is the dateline.
    field = editor.locator(".term-tags")
    suggestion = field.get_by_role("button", name=re.compile("Add: Nagorno Karabakh"))
    expect(suggestion).to_be_visible(timeout=15_000)
    expect(field.get_by_role("button", name=re.compile("Add: Armenia"))).to_be_visible()
    suggestion.click()
    field.get_by_role("button", name=re.compile("Add: Armenia")).click()
    # Type-ahead in the other language finds the same terms.
    field.get_by_role("combobox").fill("Азербайджан")
    expect(field.get_by_role("option", name=re.compile("Azerbaijan"))).to_be_visible()
    field.get_by_role("combobox").press("Enter")  # the first match is the active one
    chips = field.locator(".term-tags__chip")
    expect(chips).to_have_count(3)
    expect(chips.first).to_contain_text("dateline")
    field.scroll_into_view_if_needed()
    screenshot(editor, "desk-places-and-topics", "desktop")
    # The field is ours; the rest of the form is Wagtail's (its rich text box has no name).
    assert_accessible(editor, ".term-tags")

    publish(editor)
    expect(editor.get_by_text(TITLE).first).to_be_visible()
    story = page_at.new_page()
    story.goto(site_url + "/armenia-and-azerbaijan-resume-talks-on-nagorno-karabakh/")
    links = story.locator("article a[href*='/regions/']")
    hrefs = [links.nth(n).get_attribute("href") for n in range(links.count())]
    assert any("nagorno-karabakh" in href for href in hrefs), hrefs
    assert any("armenia" in href for href in hrefs), hrefs


def untranslated_story(editor) -> tuple[str, str]:
    """An English story of the demo with no Russian version: (its title, its page id)."""
    panel = editor.locator("#desk-missing-translations-section")
    link = panel.locator("a[href*='/admin/pages/']").first
    title = link.inner_text().strip()
    page_id = re.search(r"/admin/pages/(\d+)/", link.get_attribute("href")).group(1)
    return title, page_id


def test_an_editor_asks_for_a_translation_and_the_russian_desk_publishes_it(
    page_at, site_url, tmp_path_factory
):
    chief = sign_in(page_at, site_url, tmp_path_factory, "admin")
    title, page_id = untranslated_story(chief)
    chief.goto(f"{site_url}/admin/localize/submit/page/{page_id}/")
    form = chief.locator("main form")
    expect(form).to_contain_text("A copy of this page goes into the Russian edition as a draft")
    expect(form).not_to_contain_text("Locales")
    assert_accessible(chief)
    screenshot(chief, "desk-translate", "desktop")
    with chief.expect_navigation():
        form.get_by_role("button", name="Submit").click()

    # The translation editor opens on the text; the PO file is folded away below it.
    expect(chief.locator(".js-translation-editor")).to_contain_text(title[:20])
    expect(chief.get_by_role("link", name="Download PO file")).to_be_hidden()
    offline = chief.locator("#desk-offline")
    expect(offline.locator("summary")).to_contain_text("Translate offline instead")
    screenshot(chief, "desk-translation-editor", "desktop")
    draft_url = chief.url

    reader = page_at.new_page()
    for path in ["/ru/", "/ru/feeds/rss/"]:
        reader.goto(site_url + path)
        assert title not in reader.content(), f"{path} shows the untranslated draft"

    russian_desk = sign_in(page_at, site_url, tmp_path_factory, "ru-editor")
    russian_desk.goto(draft_url)
    with russian_desk.expect_navigation():
        russian_desk.get_by_role("button", name=re.compile("^Publish")).first.click()
    russian_desk.goto(site_url + "/admin/")
    waiting = russian_desk.locator("#desk-translations-to-publish-section", has_text=title)
    expect(waiting).to_have_count(0)  # published: no longer waiting for the Russian desk


def test_the_russian_desk_cannot_publish_in_english(page_at, site_url, tmp_path_factory):
    chief = sign_in(page_at, site_url, tmp_path_factory, "admin")
    chief.goto(site_url + "/admin/articles/?locale=en")
    # The listing is ours; its header's "Add article" button is Wagtail's (its label is
    # not its text, which axe reports on every Wagtail listing).
    assert_accessible(chief, "#listing-results")
    screenshot(chief, "desk-articles", "desktop")
    edit_url = chief.locator("main table a[href$='/edit/']").first.get_attribute("href")

    contributor = sign_in(page_at, site_url, tmp_path_factory, "ru-contributor")
    contributor.goto(site_url + edit_url)
    expect(contributor.locator("button[name=action-publish]")).to_have_count(0)
    assert not contributor.url.endswith(edit_url), "English stories are not theirs to edit"

    contributor.goto(site_url + "/admin/")
    expect(contributor.get_by_role("link", name="New article in English")).to_have_count(0)
    contributor.get_by_role("link", name="New article in Russian").click()
    contributor.wait_for_url("**/admin/pages/add/news/articlepage/*/")
    expect(contributor.locator("button[name=action-publish]")).to_have_count(0)
    expect(contributor.locator("button[name=action-submit]")).to_have_count(1)

    # The Russian desk's editor publishes Russian stories, and no English one.
    editor = sign_in(page_at, site_url, tmp_path_factory, "ru-editor")
    editor.goto(site_url + edit_url)
    expect(editor.locator("button[name=action-publish]")).to_have_count(0)
    assert not editor.url.endswith(edit_url), "English stories are not the Russian desk's"
    editor.goto(site_url + "/admin/")
    expect(editor.get_by_role("link", name="New article in English")).to_have_count(0)


REVIEWED_TITLE = "Georgian wine harvest comes in early after a dry summer"


def field_errors(page) -> dict[str, str]:
    """What the editor form says is wrong, by field: {content path: error text}."""
    return page.evaluate(
        """() => Object.fromEntries(Array.from(
            document.querySelectorAll("[data-field-errors], .error-message, .help-critical"),
            node => [node.closest("[data-contentpath]")?.dataset.contentpath || node.className,
                     node.innerText.trim()],
        ).filter(([, text]) => text))"""
    )


def footer_action(page, button: str) -> None:
    """A footer action of Wagtail's page editor (in the menu beside its main button), as
    clicked: open the menu, press the button, wait for the page it leads to."""
    button = page.locator(f"footer {button}")
    page.locator("footer [data-w-dropdown-target=toggle]").first.click()
    expect(button).to_be_visible()
    with page.expect_navigation():
        button.click()


def test_a_contributor_submits_a_story_and_an_editor_publishes_it_from_the_dashboard(
    page_at, site_url, tmp_path_factory
):
    contributor = sign_in(page_at, site_url, tmp_path_factory, "en-contributor")
    contributor.get_by_role("link", name="New article in English").click()
    contributor.wait_for_url("**/admin/pages/add/news/articlepage/*/")
    contributor.locator("#id_title").fill(REVIEWED_TITLE)
    contributor.locator("#id_standfirst").fill("Vineyards in Kakheti picked grapes in August.")
    contributor.locator(".c-sf-add-button").first.click()
    contributor.get_by_role("option", name="Paragraph").first.click()
    body = contributor.locator("[data-contentpath=body] .Draftail-Editor [contenteditable=true]")
    body.first.click()
    body.first.type("Growers say the heat brought the harvest forward by three weeks.")
    # Draftail keeps what was typed in the form's hidden input a moment later: wait for it.
    contributor.wait_for_function(
        """text => Array.from(document.querySelectorAll("[data-contentpath=body] [type=hidden]"))
            .some(input => input.value.includes(text))""",
        arg="brought the harvest forward",
    )
    footer_action(contributor, "button[name=action-submit]")
    assert not field_errors(contributor), field_errors(contributor)
    expect(contributor.locator(".messages")).to_contain_text("submitted")

    story_url = site_url + "/georgian-wine-harvest-comes-in-early-after-a-dry-summer/"
    reader = page_at.new_page()
    assert reader.goto(story_url).status == 404, "a story waiting for review is not public"

    editor = sign_in(page_at, site_url, tmp_path_factory, "en-editor")
    waiting = editor.get_by_role("region", name="Awaiting your review")
    story = waiting.get_by_role("row").filter(has_text=REVIEWED_TITLE)
    expect(story).to_have_count(1)
    expect(story).to_contain_text("English contributor")  # who sent it
    waiting.scroll_into_view_if_needed()
    screenshot(editor, "desk-awaiting-review", "desktop")
    assert_accessible(editor)

    story.get_by_role("link", name=REVIEWED_TITLE).click()
    editor.wait_for_url("**/admin/pages/*/edit/")
    expect(editor.locator("#id_title")).to_have_value(REVIEWED_TITLE)
    # The editor reads the story (its body editor is ready) before approving it.
    expect(editor.locator("[data-contentpath=body] .Draftail-Editor").first).to_contain_text(
        "brought the harvest forward"
    )
    # The review workflow's "Approve" (not "Approve with comment"): its last step publishes.
    footer_action(
        editor, "button[data-workflow-action-name=approve]:not([data-workflow-action-modal-url])"
    )

    assert not field_errors(editor), field_errors(editor)
    expect(editor.locator(".messages")).to_contain_text("has been updated")
    editor.goto(site_url + "/admin/")
    expect(waiting.get_by_role("row").filter(has_text=REVIEWED_TITLE)).to_have_count(0)
    response = reader.goto(story_url)
    assert response.status == 200
    expect(reader.locator("h1")).to_have_text(REVIEWED_TITLE)
    expect(reader.locator("article")).to_contain_text("brought the harvest forward")
