"""wagtail-localize's screens in plain words: no "Locales" choice when one edition is the only
one left, and the translation editor opens on the text with the PO file tucked below it."""

import lxml.html
import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from wagtail.models import Locale
from wagtail_localize.models import StringTranslation

from dateline.news.models import ArticlePage
from tests.helpers.factories import ArticlePageFactory, make_russian_edition

pytestmark = pytest.mark.django_db


@pytest.fixture
def story(site, client):
    make_russian_edition(site)
    client.force_login(get_user_model().objects.create_superuser("chief", "c@example.org", "pw"))
    article = ArticlePageFactory(
        parent=site["home"], title="Pipeline talks stall", slug="pipeline", standfirst="Talks."
    )
    article.save_revision().publish()
    return article


def form_of(client, article) -> lxml.html.HtmlElement:
    response = client.get(f"/admin/localize/submit/page/{article.pk}/")
    assert response.status_code == 200
    return lxml.html.fromstring(response.content).xpath("//main//form")[0]


def test_the_only_other_edition_is_named_instead_of_offered_as_a_choice(
    client, story, django_capture_on_commit_callbacks
):
    form = form_of(client, story)
    text = " ".join(form.text_content().split())
    assert "Locales" not in text and "Select all" not in text
    assert "A copy of this page goes into the Russian edition as a draft" in text
    assert not form.xpath(".//input[@type='checkbox'][@name='locales']")
    russian = Locale.objects.get(language_code="ru")
    (chosen,) = form.xpath(".//input[@name='locales']")
    assert chosen.get("type") == "hidden" and chosen.get("value") == str(russian.pk)

    # Submitting the form as it is (what the browser sends) makes the Russian draft.
    fields = {field.get("name"): field.get("value") or "" for field in form.xpath(".//input")}
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/admin/localize/submit/page/{story.pk}/", fields)
    assert response.status_code == 302
    draft = ArticlePage.objects.get(translation_key=story.translation_key, locale=russian)
    assert not draft.live


def test_several_other_editions_are_still_a_choice(client, story):
    editions = [("en", "English"), ("ru", "Russian"), ("uz", "Uzbek")]
    with override_settings(LANGUAGES=editions, WAGTAIL_CONTENT_LANGUAGES=editions):
        cache.clear()
        Locale.objects.create(language_code="uz")
        form = form_of(client, story)
    cache.clear()
    assert len(form.xpath(".//input[@type='checkbox'][@name='locales']")) == 2
    assert "desk-translate-target" not in lxml.html.tostring(form).decode()


def test_the_translation_editor_opens_on_the_text_with_the_po_file_folded_below(
    client, story, django_capture_on_commit_callbacks
):
    russian = Locale.objects.get(language_code="ru")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/admin/localize/submit/page/{story.pk}/", {"locales": [russian.pk]})
    draft = ArticlePage.objects.get(translation_key=story.translation_key, locale=russian)
    edit_url = f"/admin/pages/{draft.pk}/edit/"
    page = lxml.html.fromstring(client.get(edit_url).content)
    assert page.xpath("//link[contains(@href, 'desk/translation_editor')]")
    editor = page.find_class("js-translation-editor")[0]
    offline = page.get_element_by_id("desk-offline")
    assert offline.tag == "details" and offline.get("open") is None, "folded"
    assert editor in offline.xpath("preceding::div"), "after the text"
    assert "Translate offline instead" in offline.xpath(".//summary")[0].text_content()

    # Its download and upload work: the PO file goes out and comes back with a translation.
    download = offline.xpath(".//a[@download]")[0].get("href")
    po = client.get(download).content.decode()
    assert 'msgid "Pipeline talks stall"' in po
    po = po.replace('msgid "Talks."\nmsgstr ""', 'msgid "Talks."\nmsgstr "Переговоры."')
    upload = offline.xpath(".//form")[0]
    response = client.post(
        upload.get("action"),
        {
            "next": edit_url,
            "file": SimpleUploadedFile("story.po", po.encode(), "text/x-gettext-translation"),
        },
    )
    assert response.status_code == 302 and response["Location"] == edit_url
    assert StringTranslation.objects.filter(data="Переговоры.", locale=russian).exists()
