import os
import subprocess
import sys

import pytest

from tests.helpers.factories import ArticlePageFactory

PRODUCTION_ENV = {
    "DATELINE_SETTINGS": "production",
    "SECRET_KEY": "k" * 20 + "-unguessable-production-secret-for-tests-0123456789",
    "ALLOWED_HOSTS": "news.example.org",
    "DATELINE_BASE_URL": "https://news.example.org",
    "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/dateline",
    "PATH": os.environ["PATH"],
}


def run_dateline(*args, env):
    return subprocess.run(
        [sys.executable, "-m", "dateline.cli", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize(
    ("missing", "message"),
    [
        ("SECRET_KEY", "SECRET_KEY"),
        ("ALLOWED_HOSTS", "ALLOWED_HOSTS"),
        ("DATELINE_BASE_URL", "DATELINE_BASE_URL"),
        ("DATABASE_URL", "DATABASE_URL"),
    ],
)
def test_production_refuses_unsafe_settings(missing, message):
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != missing}
    result = run_dateline("check", env=env)
    assert result.returncode != 0
    assert message in result.stderr


def test_production_refuses_debug():
    result = run_dateline("check", env={**PRODUCTION_ENV, "DEBUG": "1"})
    assert result.returncode != 0
    assert "DEBUG must be off" in result.stderr


@pytest.mark.django_db
def test_designed_404(client, site):
    response = client.get("/no-such-story/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Page not found" in html
    assert 'name="q"' in html  # a search box to find the story
    assert "<footer" in html


@pytest.mark.django_db
def test_dates_are_shown_in_the_newsroom_time_zone(client, site, settings):
    import datetime as dt

    article = ArticlePageFactory(
        parent=site["home"],
        first_published_at=dt.datetime(2023, 9, 19, 21, 30, tzinfo=dt.UTC),
    )
    # 21:30 UTC is already 20 September in Tbilisi (UTC+4).
    assert "20 September 2023" in client.get(article.url).content.decode()
