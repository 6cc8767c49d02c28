"""The Content-Security-Policy in Chromium: public pages run their own scripts and styles
under it and trip no violation, while code slipped into a page is refused."""

import pytest

from tests.helpers.waiting import wait_until

pytestmark = pytest.mark.browser

# Every kind of page whose scripts, styles, media or forms the policy could break: the live
# story (live.js, the audience beacon, the republish box, the newsletter form), the podcast
# player, video, a visual story, search and the desk's forms.
PAGES = [
    ("home", "/"),
    ("article", "/azerbaijan-launches-offensive-in-nagorno-karabakh/"),
    ("listing", "/regions/caucasus/"),
    ("episode", "/podcasts/the-weekly-ledger/weekly-ledger-ceasefires-and-elections/"),
    ("video", "/video/glacier-survey-in-the-tien-shan/"),
    ("visual-story", "/visual-stories/a-winter-on-the-aral-sea/"),
    ("search", "/search/?q=Karabakh"),
    ("contribute", "/contribute/"),
    ("russian-article", "/ru/azerbajdzhan-nachal-nastuplenie-v-nagornom-karabahe/"),
]

# Installed through the DevTools protocol before any of the page's own code runs, so the
# policy does not apply to it and it sees every violation from the first byte on.
RECORD_VIOLATIONS = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (event) => {
    window.__violations.push(`${event.violatedDirective} blocked ${event.blockedURI}`);
});
"""


def open_recording(page_at, path):
    page = page_at.new_page("phone")
    page.add_init_script(RECORD_VIOLATIONS)
    console_errors = []
    page.on(
        "console", lambda message: message.type == "error" and console_errors.append(message.text)
    )
    response = page.goto(page_at.base_url + path, wait_until="load")
    assert response is not None and response.status == 200, path
    page.wait_for_load_state("networkidle")  # the beacon and live.js start after "load"
    return page, response, console_errors


@pytest.mark.parametrize(("name", "path"), PAGES, ids=[p[0] for p in PAGES])
def test_public_page_runs_under_the_policy_without_a_violation(page_at, name, path):
    page, response, console_errors = open_recording(page_at, path)
    policy = response.headers.get("content-security-policy", "")
    assert "script-src 'self'" in policy and "'unsafe-inline'" not in policy

    assert page.evaluate("window.__violations") == []
    assert [text for text in console_errors if "Content Security Policy" in text] == []
    # The page's own stylesheet applied: the skip link sits off screen until focused.
    skip_link_right = page.evaluate(
        "document.querySelector('.skip-link').getBoundingClientRect().right"
    )
    assert skip_link_right < 0


def test_the_pages_own_script_runs(page_at):
    page, _, _ = open_recording(page_at, "/")
    page.locator("summary", has_text="Regions").click()
    # dateline.js shows the keyword box of a panel only when it runs.
    box = page.locator("[data-menu-panel][open] [data-menu-filter]")
    assert box.is_visible()


def test_code_slipped_into_a_page_is_refused(page_at):
    page, _, _ = open_recording(page_at, "/azerbaijan-launches-offensive-in-nagorno-karabakh/")
    page.evaluate(
        """() => {
            const script = document.createElement("script");
            script.textContent = "window.__injected = true";
            document.body.append(script);
            const styled = document.createElement("p");
            styled.setAttribute("style", "color: red");
            document.body.append(styled);
        }"""
    )
    assert page.evaluate("window.__injected") is None

    # The browser reports the violations as events, after the elements were added.
    def both_refused() -> bool:
        violations = page.evaluate("window.__violations")
        return all(any(v.startswith(d) for v in violations) for d in ("script-src", "style-src"))

    wait_until(both_refused, 5, "the browser to report the refused script and style")
