"""An editor translates an article with wagtail-localize, through the admin's own views."""

import pytest
from django.contrib.auth import get_user_model
from wagtail_localize.models import StringSegment, Translation

from dateline.news.models import ArticlePage
from tests.helpers.factories import ArticlePageFactory, make_russian_edition

pytestmark = pytest.mark.django_db

RUSSIAN = {
    "Ceasefire holds in Karabakh": "Перемирие в Карабахе соблюдается",
    "Guns fell silent overnight.": "Ночью орудия замолчали.",
    "The first paragraph of the story.": "Первый абзац материала.",
}


def test_editor_translates_and_publishes_an_article_in_the_admin(
    client, site, django_capture_on_commit_callbacks
):
    ru = make_russian_edition(site)
    editor = get_user_model().objects.create_superuser("editor", "e@example.org", "pw")
    client.force_login(editor)
    article = ArticlePageFactory(
        parent=site["home"],
        title="Ceasefire holds in Karabakh",
        slug="ceasefire-holds",
        standfirst="Guns fell silent overnight.",
        terms=[site["armenia"], site["politics"]],
    )
    article.save_revision().publish()

    # 1. From the English page, submit it for translation into Russian.
    response = client.post(f"/admin/localize/submit/page/{article.pk}/", {"locales": [ru["ru"].pk]})
    assert response.status_code == 302
    translation = Translation.objects.get(source__object_id=article.translation_key)
    draft = ArticlePage.objects.get(translation_key=article.translation_key, locale=ru["ru"])
    assert not draft.live
    assert client.get(f"/admin/pages/{draft.pk}/edit/").status_code == 200

    # 2. Translate it segment by segment, as the admin's editor does.
    segments = StringSegment.objects.filter(source=translation.source).select_related("string")
    for segment in segments:
        russian = RUSSIAN.get(segment.string.data)
        if russian is None:
            continue
        response = client.put(
            f"/admin/localize/translate/{translation.pk}/strings/{segment.pk}/edit/",
            data=f"value={russian}".encode(),
            content_type="application/x-www-form-urlencoded; charset=utf-8",
        )
        assert response.status_code in (200, 201), response.content

    # 3. Publish the translation.
    # wagtail-localize publishes once the request's transaction commits.
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/admin/pages/{draft.pk}/edit/", {"action": "publish"})
    assert response.status_code in (200, 302)
    published = ArticlePage.objects.get(pk=draft.pk)
    assert published.live
    assert published.title == "Перемирие в Карабахе соблюдается"

    client.logout()
    html = client.get(published.url).content.decode()
    assert "Ночью орудия замолчали." in html
    assert "Первый абзац материала." in html
    assert 'href="/ru/regions/caucasus/armenia/"' in html  # tags follow the edition
    # 4. Later changes to the English story can be synced into the translation.
    article.standfirst = "Guns fell silent overnight, officials said."
    article.save_revision().publish()
    client.force_login(editor)
    update_url = f"/admin/localize/update/{translation.source.pk}/"
    assert client.get(update_url).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(update_url, {}).status_code == 302
    strings = StringSegment.objects.filter(source=translation.source).values_list(
        "string__data", flat=True
    )
    assert "Guns fell silent overnight, officials said." in strings  # awaits its translation
