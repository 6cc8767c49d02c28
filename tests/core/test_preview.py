"""The admin's preview panel can frame a preview; nothing else can frame any page.

Wagtail renders a preview through the whole middleware stack with a made-up request for the
page's public address, so the public policy (``frame-ancestors 'none'``) used to blank the
panel. These tests read the headers of the admin's own preview view.
"""

import pytest
from django.contrib.auth import get_user_model

from tests.helpers.factories import ArticlePageFactory

pytestmark = pytest.mark.django_db


def frame_ancestors(response) -> str:
    directives = dict(
        part.strip().split(" ", 1) for part in response["Content-Security-Policy"].split(";")
    )
    return directives["frame-ancestors"]


@pytest.fixture
def editor(client):
    user = get_user_model().objects.create_superuser("chief", "chief@example.org", "pw")
    client.force_login(user)
    return user


@pytest.fixture
def article(site):
    story = ArticlePageFactory(parent=site["home"], title="Dam talks resume", slug="dam-talks")
    story.save_revision().publish()
    return story


@pytest.mark.parametrize("page_name", ["home", "caucasus", "armenia", "politics", "author"])
def test_every_page_type_can_be_previewed_in_the_admins_frame(client, site, editor, page_name):
    page = site[page_name].specific
    # What Wagtail's preview view renders (it adds X-Frame-Options: SAMEORIGIN itself).
    response = page.make_preview_request(None, page.default_preview_mode)
    assert response.status_code == 200
    assert frame_ancestors(response) == "'self'"
    # The public page keeps its strict policy.
    client.logout()
    public = client.get(page.url)
    assert frame_ancestors(public) == "'none'"


def test_an_article_preview_shows_the_unsaved_headline_in_a_frameable_page(
    client, site, editor, article
):
    from wagtail.test.utils.form_data import (
        inline_formset,
        nested_form_data,
        rich_text,
        streamfield,
    )

    form = client.get(f"/admin/pages/{article.pk}/edit/").context["form"]
    data = {
        "title": "Dam talks resume after a year",
        "slug": article.slug,
        "standfirst": "Engineers from both sides met at the border.",
        "body": streamfield([("paragraph", rich_text("<p>The first paragraph.</p>"))]),
        **{name: inline_formset([]) for name in form.formsets},
    }
    posted = client.post(f"/admin/pages/{article.pk}/edit/preview/", nested_form_data(data))
    assert posted.json()["is_valid"]
    response = client.get(f"/admin/pages/{article.pk}/edit/preview/?mode=")
    assert "Dam talks resume after a year" in response.content.decode()
    assert frame_ancestors(response) == "'self'"
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]
    client.logout()
    assert frame_ancestors(client.get(article.url)) == "'none'"


def test_an_article_preview_shows_its_unsaved_places_and_authors(site, editor, article):
    from dateline.news.models import ArticleAuthor, ArticleTag

    article.tags = [ArticleTag(term=site["kazakhstan"])]
    article.authors = [ArticleAuthor(author=site["author"])]
    html = article.make_preview_request(None, article.default_preview_mode).content.decode()
    assert f">{site['kazakhstan'].title}</a>" in html
    assert f">{site['author'].title}</a>" in html
