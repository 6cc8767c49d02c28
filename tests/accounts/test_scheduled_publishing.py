"""Scheduled publishing and unpublishing, run by the worker's periodic job."""

import datetime as dt

import pytest
from django.utils import timezone

from dateline.accounts.publishing import publish_scheduled_pages
from dateline.news.models import ArticlePage
from tests.helpers.factories import ArticlePageFactory

pytestmark = pytest.mark.django_db


def test_a_scheduled_page_goes_live_when_the_job_runs_after_its_time(site, client, monkeypatch):
    article = ArticlePageFactory(parent=site["home"], title="Election results", slug="results")
    article.unpublish()
    article = ArticlePage.objects.get(pk=article.pk)
    article.go_live_at = timezone.now() + dt.timedelta(minutes=5)
    article.save_revision().publish()  # scheduled: Wagtail keeps it waiting
    assert not ArticlePage.objects.get(pk=article.pk).live
    assert client.get("/results/").status_code == 404

    publish_scheduled_pages()
    assert not ArticlePage.objects.get(pk=article.pk).live  # not yet time

    later = timezone.now() + dt.timedelta(minutes=6)
    monkeypatch.setattr(timezone, "now", lambda: later)  # six minutes pass
    publish_scheduled_pages()
    assert ArticlePage.objects.get(pk=article.pk).live
    assert client.get("/results/").status_code == 200


def test_a_page_past_its_expiry_is_unpublished_when_the_job_runs(site, client):
    article = ArticlePageFactory(parent=site["home"], title="Road closed", slug="road-closed")
    ArticlePage.objects.filter(pk=article.pk).update(
        expire_at=timezone.now() - dt.timedelta(minutes=1)
    )
    assert ArticlePage.objects.get(pk=article.pk).live
    publish_scheduled_pages()
    article = ArticlePage.objects.get(pk=article.pk)
    assert not article.live
    assert article.expired
    assert client.get("/road-closed/").status_code == 404


def test_the_worker_runs_the_job_once_a_minute_and_it_publishes(site, client):
    from dateline.core import periodic

    job = periodic.registered()["publish_scheduled"]
    assert job.every == dt.timedelta(minutes=1)
    article = ArticlePageFactory(parent=site["home"], title="Polls close", slug="polls-close")
    ArticlePage.objects.filter(pk=article.pk).update(
        expire_at=timezone.now() - dt.timedelta(minutes=1)
    )
    now = timezone.now()
    assert "publish_scheduled" in periodic.run_due(now)
    assert not ArticlePage.objects.get(pk=article.pk).live
    assert "publish_scheduled" not in periodic.run_due(now + dt.timedelta(seconds=30))
    assert "publish_scheduled" in periodic.run_due(now + dt.timedelta(seconds=61))
