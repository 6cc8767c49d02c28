"""Blogs, podcasts, video and visual stories in Chromium: valid, accessible, photographed,
and loading nothing from another host."""

from urllib.parse import urljoin, urlsplit

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

EPISODE = "/podcasts/the-weekly-ledger/weekly-ledger-ceasefires-and-elections/"
PAGES = [
    ("media-podcasts", "/podcasts/"),
    ("media-series", "/podcasts/the-weekly-ledger/"),
    ("media-episode", EPISODE),
    ("media-blog", "/blogs/kitchen-table/"),
    ("media-blog-post", "/blogs/front-lines/drones-change-the-mountain-war/"),
    ("media-video", "/video/glacier-survey-in-the-tien-shan/"),
    ("media-video-link", "/video/explainer-the-middle-corridor/"),
    ("media-visual-story", "/visual-stories/a-winter-on-the-aral-sea/"),
    ("media-ru-blog", "/ru/blogs/kitchen-table/"),
]


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
@pytest.mark.parametrize(("name", "path"), PAGES, ids=[p[0] for p in PAGES])
def test_media_page_is_valid_accessible_and_photographed(page_at, name, path, viewport):
    page = page_at(path, viewport)
    response = page_at.last_response
    assert response.status == 200, f"{path}: HTTP {response.status}"
    screenshot(page, name, viewport)
    errors = html_errors(response.text())
    assert not errors, f"{path}: the Nu HTML checker reports:\n" + "\n".join(errors)
    violations = axe_violations(page)
    assert not violations, f"{path} at {viewport}, axe-core:\n" + describe_violations(violations)


def test_episode_audio_plays_in_the_browser(page_at):
    page = page_at(EPISODE)
    audio = page.get_by_role("figure").locator("audio")
    assert audio.count() == 1
    page.evaluate("document.querySelector('audio').load()")
    # Polled from Python: wait_for_function would evaluate a string in the page, which the
    # site's Content-Security-Policy (no 'unsafe-eval') rightly refuses.
    wait_until(
        lambda: page.evaluate("document.querySelector('audio').readyState") >= 1,
        10,
        "the episode's audio to load its metadata",
    )
    duration = page.evaluate("document.querySelector('audio').duration")
    assert 19 <= duration <= 21, f"the demo episode should last about 20 s, not {duration}"


def test_video_loads_nothing_from_another_host_until_clicked(page_at, site_url):
    page = page_at.new_page("desktop")
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    for path in (
        "/video/explainer-the-middle-corridor/",
        "/video/glacier-survey-in-the-tien-shan/",
    ):
        page.goto(urljoin(site_url, path), wait_until="networkidle")
    foreign = [u for u in requested if urlsplit(u).hostname not in {"127.0.0.1", None}]
    assert not foreign, "requests left 127.0.0.1:\n" + "\n".join(foreign)
    link = page.get_by_role("link", name="Download the video")
    assert link.count() == 1
