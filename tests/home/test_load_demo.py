import io
import re

import pytest
from django.core.cache import caches
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from wagtail.models import Page

from dateline.home.demo import content
from dateline.news.models import ArticlePage, AuthorPage
from dateline.taxonomy.models import CollectionPage, PlacePage, RegionPage, TopicPage

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def loaded_demo(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo, loaded once for this module (a load takes half a minute): in a transaction
    rolled back after the module's last test, so the other modules never see it. Returns
    what the load printed and its var dir."""
    var_dir = tmp_path_factory.mktemp("demo-var")
    out = io.StringIO()
    with django_db_blocker.unblock(), override_settings(VAR_DIR=var_dir), transaction.atomic():
        call_command("load_demo", stdout=out)
        yield out.getvalue(), var_dir
        transaction.set_rollback(True)


@pytest.fixture
def demo(loaded_demo, db):
    """Each test starts from the loaded demo; what it changes is rolled back (its own
    transaction is a savepoint in the module's), and no cached page of another test's
    changes is left behind."""
    for cache in caches.all():
        cache.clear()
    return loaded_demo


def test_demo_builds_the_newsroom_of_site_md(demo, client):
    english = {"locale__language_code": "en"}
    assert RegionPage.objects.filter(**english).count() == 5
    assert PlacePage.objects.filter(**english).count() == 24
    assert TopicPage.objects.filter(**english).count() == 5
    assert CollectionPage.objects.filter(**english).count() == 6
    # Blog posts are ArticlePages too (multimedia.BlogPostPage): count the articles only.
    articles = ArticlePage.objects.live().exact_type(ArticlePage)
    # ...and the running live story (home.demo.newsroom), dated from the demo's loading.
    assert articles.filter(**english).count() == len(content.ARTICLES) + 1 > 30
    assert AuthorPage.objects.filter(**english).count() == len(content.AUTHORS)
    for place in PlacePage.objects.filter(**english):
        assert client.get(place.url).status_code == 200

    seed = ArticlePage.objects.get(first_published_at__date="2023-09-19", **english)
    assert [t.term.title for t in seed.tags.all()][:4] == [
        "Nagorno Karabakh",
        "Azerbaijan",
        "Armenia",
        "Caucasus",
    ]
    html = client.get(seed.url).content.decode()
    assert "Related" in html and "19 September 2023" in html

    footer = client.get("/").content.decode().split("<footer", 1)[1]
    for title in [
        "About",
        "Team",
        "Contribute",
        "Republishing",
        "Privacy",
        "Corrections",
        "Contact",
    ]:
        assert title in footer


def test_demo_articles_span_years_regions_and_topics(demo):
    years = {a.first_published_at.year for a in ArticlePage.objects.all()}
    assert len(years) >= 4
    for term in list(RegionPage.objects.all()) + list(TopicPage.objects.all()):  # both editions
        assert (
            ArticlePage.objects.filter(tags__term=term).exists()
            or ArticlePage.objects.filter(tags__term__in=term.get_children()).exists()
        ), term.title


def test_loading_twice_changes_nothing(demo):
    before = Page.objects.count()
    out = io.StringIO()
    call_command("load_demo", stdout=out)
    assert Page.objects.count() == before
    assert "loaded already" in out.getvalue(), "a second `make demo` skips the loading"
    call_command("load_demo", "--again", stdout=io.StringIO())
    assert Page.objects.count() == before


def test_the_demo_follows_the_sites_address_and_reads_as_a_newsroom(demo, client, settings):
    settings.DATELINE_BASE_URL = "http://127.0.0.1:8420"
    call_command("load_demo", stdout=io.StringIO())  # a second `PORT=8420 make demo`
    html = client.get("/").content.decode()
    assert '<link rel="canonical" href="http://127.0.0.1:8420/">' in html
    # Blogs are in the Media menu of both editions.
    assert 'class="menu-panel__term" href="/blogs/"' in html
    assert 'class="menu-panel__term" href="/ru/blogs/"' in client.get("/ru/").content.decode()
    # Addresses on Contact and Corrections are links; credits name the newsroom.
    for path in ["/contact/", "/corrections/"]:
        page = client.get(path).content.decode()
        assert re.search(r'<a href="mailto:\w+@example\.org">\w+@example\.org</a>', page), path
    seed = ArticlePage.objects.get(
        first_published_at__date="2023-09-19", locale__language_code="en"
    )
    article = client.get(seed.url).content.decode()
    assert "Dateline" not in article.split("<main", 1)[1]


def test_demo_prints_the_admin_login(demo):
    out, var_dir = demo
    password = (var_dir / "demo-admin-password.txt").read_text().strip()
    assert "Admin: http://127.0.0.1:8000/admin/" in out
    accounts = "admin, en-editor, en-contributor, ru-editor, ru-contributor"
    assert f"Accounts: {accounts}  password (all of them): {password}" in out
    from django.contrib.auth import authenticate

    assert authenticate(username="admin", password=password) is not None


def test_demo_has_a_russian_edition(demo, client):
    from wagtail.models import Locale

    from dateline.home.demo import content_ru

    ru = Locale.objects.get(language_code="ru")
    russian = ArticlePage.objects.live().exact_type(ArticlePage).filter(locale=ru)
    assert russian.count() == len(content_ru.ARTICLES) + 1 > 12  # + the running live story
    seed = ArticlePage.objects.get(
        first_published_at__date="2023-09-19", locale__language_code="en"
    )
    translation = seed.get_translation(ru)
    assert translation.live
    assert {t.term.locale_id for t in translation.tags.all()} == {ru.pk}
    assert any("translation_of" not in data for data in content_ru.ARTICLES)  # Russian-only too
    html = client.get("/ru/").content.decode()
    assert '<html lang="ru">' in html
    assert "Kazakhstan's Bloody January 2022" not in html
    for place in PlacePage.objects.filter(locale=ru):
        assert client.get(place.url).status_code == 200


def test_demo_has_an_ended_live_story_and_one_still_running(demo, client):
    from dateline.home.demo import newsroom

    for language in ("en", "ru"):
        ended = ArticlePage.objects.get(
            first_published_at__date="2023-09-19", locale__language_code=language
        )
        running = ArticlePage.objects.get(
            translation_key=ArticlePage.objects.get(slug=newsroom.RUNNING_STORY).translation_key,
            locale__language_code=language,
        )
        assert not ended.is_live_now and ended.live_updates.count() == 7
        assert running.is_live_now and running.live_updates.count() == 3
        html = client.get(ended.url).content.decode()
        assert "live__badge" not in html and 'class="live__note live__note--ended"' in html
        assert "live__badge" in client.get(running.url).content.decode()


def test_demo_terms_carry_other_names_that_the_article_form_suggests_from(demo):
    from dateline.desk.suggestions import mentioned_terms
    from dateline.taxonomy.tagging import term_choices

    choices = term_choices()
    for language, edition, text in [
        ("english", "en", "Shelling was heard across Stepanakert overnight."),
        ("russian", "ru", "Ночью в Степанакерте были слышны взрывы."),
    ]:
        terms = [c for c in choices if c.locale_id == locale_id(edition)]
        assert [term.title for term in mentioned_terms(text, terms, language)] == [
            {"en": "Nagorno Karabakh", "ru": "Нагорный Карабах"}[edition]
        ]


def locale_id(language_code: str) -> int:
    from wagtail.models import Locale

    return Locale.objects.get(language_code=language_code).pk
