"""Translations from a multilingual WordPress export (Polylang)."""

from pathlib import Path

import pytest
from wagtail.models import Locale

from dateline.imports.models import ImportedItem
from dateline.news.models import ArticlePage
from tests.helpers.factories import make_russian_edition

FIXTURES = Path(__file__).parent / "fixtures"

pytestmark = pytest.mark.django_db


def test_polylang_translations_become_wagtail_translations(site, run_import, client):
    ru = make_russian_edition(site)
    report = run_import("wordpress", FIXTURES / "polylang.xml")
    assert report["counts"]["created"] == 3
    english = ArticlePage.objects.get(slug="a-new-road-to-dilijan")
    russian = ArticlePage.objects.get(slug="novaya-doroga-v-dilizhan")
    assert english.locale.language_code == "en" and russian.locale.language_code == "ru"
    assert russian.get_parent().pk == ru["home"].pk
    # The Russian story came first in the file; the English one joined it when written.
    assert english.get_translation(Locale.objects.get(language_code="ru")).pk == russian.pk
    assert russian.get_translation(Locale.objects.get(language_code="en")).pk == english.pk
    # Each edition's terms: the Russian category "Армения" is the Russian Armenia page.
    assert [t.term.pk for t in russian.tags.all()] == [ru["armenia"].pk]
    assert [t.term.pk for t in english.tags.all()] == [site["armenia"].pk]
    # Readers see the language switch both ways.
    english_page = client.get(english.url).content.decode()
    assert f'hreflang="ru" href="http://localhost{russian.url}"' in english_page
    russian_page = client.get(russian.url).content.decode()
    assert f'hreflang="en" href="http://localhost{english.url}"' in russian_page
    # A story with no translation stays alone.
    alone = ArticlePage.objects.get(slug="snow-on-the-sevan-road")
    assert not alone.get_translations().exists()


def test_polylang_translations_survive_a_second_run(site, run_import):
    make_russian_edition(site)
    run_import("wordpress", FIXTURES / "polylang.xml")
    report = run_import("wordpress", FIXTURES / "polylang.xml")
    assert report["counts"]["created"] == 0 and report["counts"]["unchanged"] == 3
    english = ArticlePage.objects.get(slug="a-new-road-to-dilijan")
    assert ArticlePage.objects.filter(translation_key=english.translation_key).count() == 2
    assert ImportedItem.objects.filter(translation_group="pll_6571c0de1a2b3").count() == 2


def test_a_language_whose_edition_is_not_set_up_fails_alone(site, run_import):
    # No Russian pages yet: the Russian story fails with the reason, the others go in.
    report = run_import("wordpress", FIXTURES / "polylang.xml")
    assert report["counts"]["created"] == 2 and report["counts"]["failed"] == 1
    assert report["errors"][0]["item"] == "301"
    assert "edition has no Authors page" in report["errors"][0]["error"]
    english = ArticlePage.objects.get(slug="a-new-road-to-dilijan")
    assert english.live and not english.get_translations().exists()
