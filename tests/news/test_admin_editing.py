import json

import pytest
from django.contrib.auth import get_user_model

from dateline.news.models import ArticlePage
from tests.helpers.factories import ArticlePageFactory

pytestmark = pytest.mark.django_db

# A paragraph as the admin's rich text editor (Draftail) submits it.
DRAFTAIL_PARAGRAPH = {
    "blocks": [
        {
            "key": "a",
            "text": "The river fell overnight.",
            "type": "unstyled",
            "depth": 0,
            "inlineStyleRanges": [],
            "entityRanges": [],
        }
    ],
    "entityMap": {},
}


@pytest.fixture
def editor_client(client):
    user = get_user_model().objects.create_superuser("editor", "editor@example.org", "pw")
    client.force_login(user)
    return client


def test_editor_opens_the_article_editor_with_every_panel(editor_client, site):
    article = ArticlePageFactory(parent=site["home"], terms=[site["armenia"]])
    response = editor_client.get(f"/admin/pages/{article.pk}/edit/")
    assert response.status_code == 200
    html = response.content.decode()
    for label in ["Standfirst", "Authors", "Lead image", "Places and topics", "Corrections"]:
        assert label in html


def article_form(**fields) -> dict:
    """POST data as the admin's article form sends it, with empty inline panels."""
    data = {"body-count": "0"}
    for relation in ["authors", "corrections", "related_pins"]:
        data.update(
            {
                f"{relation}-TOTAL_FORMS": "0",
                f"{relation}-INITIAL_FORMS": "0",
                f"{relation}-MIN_NUM_FORMS": "0",
                f"{relation}-MAX_NUM_FORMS": "1000",
            }
        )
    data.update(fields)
    return data


def test_editor_creates_and_publishes_an_article_through_the_admin(editor_client, site, client):
    url = f"/admin/pages/add/news/articlepage/{site['home'].pk}/"
    assert editor_client.get(url).status_code == 200
    data = article_form(
        **{
            "title": "Flood waters recede in Batumi",
            "slug": "flood-waters-recede",
            "standfirst": "Residents began clearing mud from their homes.",
            "body-count": "1",
            "body-0-type": "paragraph",
            "body-0-value": json.dumps(DRAFTAIL_PARAGRAPH),
            "body-0-deleted": "",
            "body-0-order": "0",
            "body-0-id": "",
            "action-publish": "Publish",
        }
    )
    data["term_tags"] = f"{site['armenia'].pk},{site['politics'].pk}"
    response = editor_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    article = ArticlePage.objects.get(slug="flood-waters-recede")
    assert article.live
    public = client.get("/flood-waters-recede/")
    assert public.status_code == 200
    html = public.content.decode()
    assert "The river fell overnight." in html
    assert 'href="/regions/caucasus/armenia/"' in html


def test_an_invalid_article_is_refused_with_a_message_and_nothing_is_lost(editor_client, site):
    article = ArticlePageFactory(parent=site["home"], title="Original headline")
    response = editor_client.post(
        f"/admin/pages/{article.pk}/edit/",
        article_form(
            title="", slug=article.slug, standfirst="Still here.", **{"action-publish": "1"}
        ),
    )
    assert response.status_code == 200  # the form again, with its errors
    assert "This field is required" in response.content.decode()
    assert ArticlePage.objects.get(pk=article.pk).title == "Original headline"
