"""A live story in Chromium: an update published while the page is open reaches the reader
as an "N new updates" button; the newsroom's other new pages are checked and photographed.

Updates are written the way the live desk writes them (news.services.post_live_update), by
a `dateline shell` run against the browser server's own database.
"""

import os
import subprocess
from urllib.parse import urlsplit, urlunsplit

import pytest

from tests.helpers.browser_server import BIN_DIR, BROWSER_DB_NAME, LEAKY_ENV, PROJECT_DIR
from tests.helpers.page_checks import (
    VIEWPORTS,
    axe_violations,
    describe_violations,
    html_errors,
    screenshot,
)

pytestmark = pytest.mark.browser

LIVE_STORY = "/azerbaijan-launches-offensive-in-nagorno-karabakh/"  # its coverage has ended
RUNNING_STORY = "/osh-city-council-vote-count/"
RUSSIAN_LIVE_STORY = "/ru/azerbajdzhan-nachal-nastuplenie-v-nagornom-karabahe/"

PUBLISH_UPDATE = """
from django.contrib.auth import get_user_model
from dateline.news.models import ArticlePage
from dateline.news.services import post_live_update
story = ArticlePage.objects.get(slug="osh-city-council-vote-count")
user = get_user_model().objects.get(username="admin")
post_live_update(story, user, headline={headline!r}, body="<p>{text}</p>")
"""


def server_env(tmp_path_factory) -> dict:
    """The environment conftest.site_url gave the server: same database, same var dir."""
    env = {key: value for key, value in os.environ.items() if key not in LEAKY_ENV}
    var_dirs = sorted(tmp_path_factory.getbasetemp().glob("dateline-var*"))
    assert var_dirs, "the browser server's var dir was not found"
    env.update(DATELINE_VAR_DIR=str(var_dirs[0]), DATELINE_SETTINGS="dev")
    database_url = os.environ.get("DATABASE_URL", "")
    if database_url.startswith("postgres"):
        parts = urlsplit(database_url)
        env["DATABASE_URL"] = urlunsplit(parts._replace(path=f"/{BROWSER_DB_NAME}"))
    return env


def publish_update(tmp_path_factory, headline: str, text: str) -> None:
    code = PUBLISH_UPDATE.format(headline=headline, text=text)
    result = subprocess.run(
        [str(BIN_DIR / "dateline"), "shell", "-c", code],
        env=server_env(tmp_path_factory),
        cwd=PROJECT_DIR,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr


def test_an_update_published_while_the_page_is_open_reaches_the_reader(
    page_at, site_url, tmp_path_factory
):
    page = page_at.new_page("desktop")
    page.clock.install()  # the page polls every 5 s: the test moves its clock instead
    page.goto(site_url + RUNNING_STORY, wait_until="load")
    updates = page.locator("[data-live-updates] > article")
    before = updates.count()
    assert before >= 3
    scroll = page.evaluate("window.scrollY")

    publish_update(tmp_path_factory, "Browser test: night falls", "The shelling has stopped.")
    page.clock.run_for(6_000)

    button = page.get_by_role("button", name="1 new update")
    button.wait_for(state="visible")
    # The text the reader is reading has not moved.
    assert updates.count() == before
    assert page.evaluate("window.scrollY") == scroll
    assert page.get_by_text("The shelling has stopped.").count() == 0

    button.click()
    assert updates.count() == before + 1
    newest = updates.first
    assert "Browser test: night falls" in newest.inner_text()
    assert "The shelling has stopped." in newest.inner_text()
    assert newest.evaluate("node => document.activeElement === node")
    assert not button.is_visible()
    anchor = newest.get_attribute("id")
    assert newest.locator(f"a[href='#{anchor}']").count() == 1


def test_an_ended_story_shows_the_end_and_does_not_poll(page_at):
    page = page_at(LIVE_STORY)
    assert "Live coverage ended 19 September 2023, 21:10" in page.locator("main").inner_text()
    assert not page.locator(".live__badge").count()
    assert not page.locator("[data-live-url]").count()


def test_live_page_without_javascript_is_a_plain_page_with_every_update(page_at):
    page = page_at(LIVE_STORY, java_script_enabled=False)
    assert page.locator("[data-live-updates] > article").count() >= 7
    assert not page.get_by_role("button", name="new update").count()
    key_events = page.get_by_role("navigation", name="Key events")
    assert key_events.get_by_role("link").count() >= 3


def test_the_russian_live_story_speaks_russian(page_at):
    page = page_at(RUSSIAN_LIVE_STORY)
    main = page.locator("main")
    assert main.get_by_role("heading", name="Ключевые события").count() == 1
    assert "Степанакерт призвал к прекращению огня" in main.inner_text()
    assert "19 сентября 2023, 19:05" in main.inner_text()


def test_the_view_beacon_is_sent_after_load_without_cookies(page_at, site_url):
    page = page_at.new_page("desktop")
    with page.expect_request("**/audience/views/") as beacon:
        page.goto(site_url + LIVE_STORY, wait_until="load")
    request = beacon.value
    assert request.method == "POST"
    assert "cookie" not in {name.lower() for name in request.all_headers()}
    response = request.response()  # None if the beacon got no answer at all
    assert response is not None and response.status == 204


NEW_PAGES = [
    ("live-story", LIVE_STORY),
    ("live-story-ru", RUSSIAN_LIVE_STORY),
    ("support", "/support-us/"),
    ("contribute", "/contribute/"),
    ("contact", "/contact/"),
    ("team", "/team/"),
    ("corrections", "/corrections/"),
]


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
@pytest.mark.parametrize(("name", "path"), NEW_PAGES, ids=[p[0] for p in NEW_PAGES])
def test_newsroom_page_is_valid_accessible_and_photographed(page_at, name, path, viewport):
    page = page_at(path, viewport)
    response = page_at.last_response
    assert response.status == 200, f"{path}: HTTP {response.status}"
    screenshot(page, name, viewport)
    errors = html_errors(response.text())
    assert not errors, f"{path}: the Nu HTML checker reports:\n" + "\n".join(errors)
    violations = axe_violations(page)
    assert not violations, f"{path} at {viewport}, axe-core:\n" + describe_violations(violations)


def test_a_reader_sends_a_pitch_and_is_thanked(page_at):
    page = page_at("/contribute/")
    page.get_by_label("Your name").fill("Ana")
    page.get_by_label("Your email address").fill("ana@example.org")
    page.get_by_label("Working headline").fill("Glaciers of Svaneti")
    page.get_by_label("Your pitch", exact=False).fill("A story about melting ice.")
    page.get_by_role("button", name="Send").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", name="Thank you").count() == 1
