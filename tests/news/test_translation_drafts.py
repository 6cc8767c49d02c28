"""Asking for a translation never puts untranslated copy in front of the other edition's readers.

wagtail-localize publishes a new translation at once when its source is live, unless
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE is off: these tests go through the admin's own
views, with the request's on-commit work run, and then read the other edition as a reader.
"""

import lxml.html
import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import Locale

from dateline.accounts.roles import setup_roles
from dateline.news.models import ArticlePage
from dateline.search.services import index_page
from tests.helpers.factories import ArticlePageFactory, make_russian_edition

pytestmark = pytest.mark.django_db

EDITION_PAGES = {
    "en": ["/", "/regions/caucasus/", "/feeds/rss/", "/sitemap-en.xml", "/search/?q={word}"],
    "ru": [
        "/ru/",
        "/ru/regions/caucasus/",
        "/ru/feeds/rss/",
        "/sitemap-ru.xml",
        "/ru/search/?q={word}",
    ],
}


@pytest.fixture
def editions(site):
    russian = make_russian_edition(site)
    setup_roles()
    return {"en": site, "ru": russian}


def make_user(username: str, *groups: str):
    user = get_user_model().objects.create_user(username, f"{username}@example.org", "pw")
    user.groups.add(*Group.objects.filter(name__in=groups))
    return user


def live_story(home, title: str, slug: str, word: str, terms) -> ArticlePage:
    article = ArticlePageFactory(
        parent=home, title=title, slug=slug, standfirst=f"{word} in one sentence.", terms=terms
    )
    article.save_revision().publish()
    index_page(article)
    return ArticlePage.objects.get(pk=article.pk)


def request_translation(client, capture, article: ArticlePage, locale: Locale) -> ArticlePage:
    """Submit ``article`` for translation as the admin's form does, on-commit work included."""
    with capture(execute=True):
        response = client.post(
            f"/admin/localize/submit/page/{article.pk}/", {"locales": [locale.pk]}
        )
    assert response.status_code == 302
    return ArticlePage.objects.get(translation_key=article.translation_key, locale=locale)


def reader_sees(client, edition: str, text: str, word: str) -> list[str]:
    """The other edition's pages, as an anonymous reader gets them, that show ``text``."""
    client.logout()
    shown = []
    for path in EDITION_PAGES[edition]:
        response = client.get(path.format(word=word))
        assert response.status_code == 200, path
        if text in response.content.decode():
            shown.append(path)
    return shown


@pytest.mark.parametrize(
    ("source", "target", "title", "slug", "word"),
    [
        ("en", "ru", "Pipeline talks stall in Tbilisi", "pipeline-talks", "Pipelines"),
        ("ru", "en", "Переговоры о трубопроводе зашли в тупик", "peregovory", "Трубопровод"),
    ],
)
def test_requesting_a_translation_publishes_nothing_in_the_other_edition(
    client, editions, django_capture_on_commit_callbacks, source, target, title, slug, word
):
    terms = [editions[source]["armenia"], editions[source]["politics"]]
    article = live_story(editions[source]["home"], title, slug, word, terms)
    client.force_login(get_user_model().objects.create_superuser("chief", "c@example.org", "pw"))

    draft = request_translation(
        client,
        django_capture_on_commit_callbacks,
        article,
        Locale.objects.get(language_code=target),
    )

    assert not draft.live
    assert draft.has_unpublished_changes
    assert reader_sees(client, target, title, word) == []
    assert client.get(draft.url or f"/{target}/{slug}/").status_code == 404
    # The source edition still shows its story.
    assert "/" in reader_sees(client, source, title, word)[0]


def test_a_russian_desk_editor_publishes_a_translation_without_english_rights(
    client, editions, django_capture_on_commit_callbacks
):
    article = live_story(
        editions["en"]["home"],
        "Pipeline talks stall in Tbilisi",
        "pipeline-talks",
        "Pipelines",
        [editions["en"]["armenia"]],
    )
    client.force_login(make_user("en-editor", "English editors"))
    draft = request_translation(
        client, django_capture_on_commit_callbacks, article, Locale.objects.get(language_code="ru")
    )
    assert not draft.live
    # The English desk may ask for the translation but has no say in the Russian edition.
    assert client.get(f"/admin/pages/{draft.pk}/edit/").status_code in (302, 403)

    client.force_login(make_user("ru-editor", "Russian editors"))
    assert client.get(f"/admin/pages/{article.pk}/edit/").status_code in (302, 403)
    edit = client.get(f"/admin/pages/{draft.pk}/edit/")
    assert edit.status_code == 200
    # wagtail-localize's translation editor offers the Russian desk its Publish button.
    assert "&quot;canPublish&quot;: true" in edit.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/admin/pages/{draft.pk}/edit/", {"action": "publish"})
    assert response.status_code in (200, 302)
    assert ArticlePage.objects.get(pk=draft.pk).live


def test_the_dashboard_lists_a_requested_translation_as_needing_translation(
    client, editions, django_capture_on_commit_callbacks
):
    article = live_story(
        editions["en"]["home"],
        "Pipeline talks stall in Tbilisi",
        "pipeline-talks",
        "Pipelines",
        [editions["en"]["armenia"]],
    )
    requester = make_user("en-editor", "English editors")
    requester.first_name, requester.last_name = "Ana", "Kvirikashvili"
    requester.save()
    client.force_login(requester)
    request_translation(
        client, django_capture_on_commit_callbacks, article, Locale.objects.get(language_code="ru")
    )

    client.force_login(make_user("ru-editor", "Russian editors"))
    page = lxml.html.fromstring(client.get("/admin/").content)
    panel = " ".join(
        page.get_element_by_id("desk-translations-to-publish-section").text_content().split()
    )
    assert "Needs translation" in panel
    assert "Pipeline talks stall in Tbilisi" in panel
    assert "Requested by Ana Kvirikashvili" in panel

    # Once published, it is no longer waiting.
    draft = ArticlePage.objects.get(
        translation_key=article.translation_key, locale__language_code="ru"
    )
    draft.save_revision().publish()
    assert b"desk-translations-to-publish" not in client.get("/admin/").content
