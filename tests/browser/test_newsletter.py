"""The newsletter as a reader meets it, in Chromium at phone and desktop widths: signing up
from an article's footer, the "check your inbox" page, the link in the confirmation email,
the preferences page and the archive of past issues.

The demo server's task worker mails to the console (no EMAIL_URL), so their log is the outbox the
confirmation link is read from, as a reader would read it from their inbox.
"""

import re
from urllib.parse import urlsplit

import pytest

from tests.helpers.page_checks import (
    VIEWPORTS,
    axe_violations,
    describe_violations,
    html_errors,
    screenshot,
)
from tests.helpers.waiting import wait_until

pytestmark = pytest.mark.browser

SEED_ARTICLE = "/azerbaijan-launches-offensive-in-nagorno-karabakh/"
CONFIRM_LINK = re.compile(r"https?://\S+?(/newsletter/confirm/[^/\s]+/)")


@pytest.fixture(scope="module")
def outbox(site_url, tmp_path_factory):
    """The demo server's log (where its console email backend writes), as a function that
    waits for the confirmation link sent to an address."""
    # pytest keeps a "dateline-varcurrent" link to the newest numbered folder: count once.
    found = tmp_path_factory.getbasetemp().glob("dateline-var*/gunicorn.log")
    logs = sorted({log.resolve() for log in found})
    assert len(logs) == 1, f"expected the demo server's one log, found {logs}"

    def confirm_path(address: str, timeout: float = 10) -> str:
        def sent_link() -> str | None:
            for message in logs[0].read_text(errors="replace").split("-" * 79):
                if f"To: {address}" in message and (link := CONFIRM_LINK.search(message)):
                    return link.group(1)
            return None

        return wait_until(sent_link, timeout, f"a confirmation email to {address} in {logs[0]}")

    return confirm_path


def check_page(page, name: str, viewport: str, served_html: str | None = None) -> None:
    """Photographed, valid HTML (as served) and no serious or critical axe violation."""
    screenshot(page, name, viewport)
    html = served_html if served_html is not None else page.request.get(page.url).text()
    errors = html_errors(html)
    assert not errors, f"{page.url}: the Nu HTML checker reports:\n" + "\n".join(errors)
    violations = axe_violations(page)
    assert not violations, f"{page.url} at {viewport} width, axe-core:\n" + describe_violations(
        violations
    )


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_sign_up_from_an_article_confirm_and_choose_editions(page_at, outbox, viewport):
    address = f"reader-{viewport}@example.org"
    page = page_at(SEED_ARTICLE, viewport)
    # One signup form on an article: the story's own call to action; the footer leaves its
    # copy out.
    assert page.locator("form.signup").count() == 1
    signup_form = page.locator("main form.signup")
    signup_form.scroll_into_view_if_needed()
    signup_form.get_by_label("Email address").fill(address)
    signup_form.get_by_label("English").check()
    signup_form.get_by_role("button", name="Sign up").click()

    page.wait_for_url("**/newsletter/subscribe/check-your-inbox/")
    heading = page.get_by_role("heading", level=1)
    assert heading.text_content().strip() == "Check your inbox"
    assert page.get_by_text("Open the link in that email").is_visible()
    check_page(page, "newsletter-check-inbox", viewport)

    page.goto(outbox(address))
    assert page.get_by_role("heading", level=1).text_content().strip() == (
        "Confirm your subscription"
    )
    check_page(page, "newsletter-confirm", viewport)
    page.get_by_role("button", name="Confirm my subscription").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", level=1).text_content().strip() == "You are subscribed"

    page.get_by_role("link", name="Choose editions or pause the newsletter").click()
    page.wait_for_url("**/newsletter/preferences/**")
    assert page.get_by_role("heading", level=1).text_content().strip() == "Your newsletter"
    # The page's own form, not the signup form in its footer.
    editions = page.get_by_role("group", name="Editions")
    assert editions.get_by_label("English", exact=True).is_checked()
    check_page(page, "newsletter-preferences", viewport)
    editions.get_by_label("English and Russian").check()
    page.get_by_role("button", name="Save").click()
    page.wait_for_load_state()
    assert page.get_by_role("status").text_content().strip() == "Saved."
    assert editions.get_by_label("English and Russian").is_checked()


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_newsletter_page_offers_the_form_and_the_archive(page_at, viewport):
    page = page_at("/newsletter/", viewport)
    assert page_at.last_response.status == 200
    served = page_at.last_response.text()
    assert page.get_by_role("heading", level=1).text_content().strip() == "Newsletter"
    assert page.locator("main form.signup").count() == 1
    assert page.locator("footer form.signup").count() == 0, "one signup form per page"
    check_page(page, "newsletter-archive", viewport, served)

    archive = page.get_by_role("region", name="Past issues")
    issues = archive.get_by_role("link")
    assert issues.count() >= 1, "the demo's sample issue is in the archive"
    title = issues.first.text_content().strip()
    issues.first.click()
    page.wait_for_load_state()
    assert urlsplit(page.url).path.startswith("/newsletter/")
    assert page.get_by_role("heading", level=1).text_content().strip() == title
    stories = page.locator("main .newsletter-story")
    assert stories.count() >= 1, "the issue lists its stories"
    check_page(page, "newsletter-issue", viewport)
