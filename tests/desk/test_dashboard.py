"""The editors' dashboard: the newsroom's name, and the panels a journalist starts from."""

import re

import lxml.html
import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Site

from dateline.accounts.roles import setup_roles
from dateline.audience.models import DailyViews
from dateline.core.models import SiteSettings
from tests.helpers.factories import ArticlePageFactory, make_russian_edition

pytestmark = pytest.mark.django_db


@pytest.fixture
def editions(site):
    russian = make_russian_edition(site)
    setup_roles()
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.name = "Steppe Courier"
    settings.save()
    return {"en": site, "ru": russian}


def panel_text(response, panel_id: str) -> str:
    """The visible text of one dashboard panel."""
    page = lxml.html.fromstring(response.content)
    return " ".join(page.get_element_by_id(f"{panel_id}-section").text_content().split())


def story(home, title, slug, **fields):
    article = ArticlePageFactory(parent=home, title=title, slug=slug, **fields)
    article.save_revision().publish()
    return article


def sign_in(client, username, *groups, superuser=False):
    User = get_user_model()
    if superuser:
        user = User.objects.create_superuser(username, f"{username}@example.org", "pw")
    else:
        user = User.objects.create_user(username, f"{username}@example.org", "pw")
        user.groups.add(*Group.objects.filter(name__in=groups))
    client.force_login(user)
    return user


def test_the_admin_carries_the_newsrooms_name_not_wagtails(client, editions):
    sign_in(client, "chief", superuser=True)
    page = client.get("/admin/").content.decode()
    assert "<title>Dashboard - Steppe Courier</title>" in page
    assert re.search(r"<h1[^>]*>\s*Steppe Courier\s*</h1>", page)
    client.logout()
    login = client.get("/admin/login/").content.decode()
    assert "Sign in to Steppe Courier" in login
    assert "Sign in to Wagtail" not in login


def test_a_desk_editor_gets_one_click_to_write_in_their_edition_only(client, editions):
    sign_in(client, "ru-ed", "Russian editors")
    page = client.get("/admin/").content.decode()
    ru_home = editions["ru"]["home"]
    assert f'href="/admin/pages/add/news/articlepage/{ru_home.pk}/"' in page
    assert f"/admin/pages/add/news/articlepage/{editions['en']['home'].pk}/" not in page
    assert client.get(f"/admin/pages/add/news/articlepage/{ru_home.pk}/").status_code == 200


def test_drafts_live_stories_and_missing_translations_are_listed(client, editions):
    user = sign_in(client, "chief", superuser=True)
    draft = ArticlePageFactory(parent=editions["en"]["home"], title="Half-written", slug="half")
    draft.unpublish()
    draft.save_revision(user=user)
    story(editions["en"]["home"], "Floods in Fergana", "floods", is_live=True)
    story(editions["ru"]["home"], "Выборы в Бишкеке", "vybory")

    page = client.get("/admin/")
    assert "Half-written" in panel_text(page, "desk_my_drafts")
    assert "Floods in Fergana" in panel_text(page, "desk_live_now")
    missing = panel_text(page, "desk-missing-translations")
    assert "English stories with no Russian version" in missing
    assert "Floods in Fergana" in missing
    assert "Выборы в Бишкеке" in missing


def test_stories_sent_for_review_come_first_on_an_editors_dashboard(client, editions):
    contributor = sign_in(client, "reporter", "English contributors")
    draft = ArticlePageFactory(parent=editions["en"]["home"], title="Harvest comes early", slug="h")
    draft.unpublish()
    draft.save_revision(user=contributor)
    draft.get_workflow().start(draft, contributor)
    sign_in(client, "desk", "English editors")

    page = client.get("/admin/")
    assert "Harvest comes early" in panel_text(page, "awaiting-review")
    order = [section.get("id") for section in lxml.html.fromstring(page.content).iter("section")]
    assert order.index("awaiting-review-section") < order.index("desk_my_drafts-section")


def test_most_read_counts_each_editions_readers_apart(client, editions):
    sign_in(client, "chief", superuser=True)
    english = story(editions["en"]["home"], "Border reopens", "border")
    russian = story(editions["ru"]["home"], "Граница открыта", "granica")
    today = timezone.localdate()
    DailyViews.objects.create(page=english, date=today, views=120)
    DailyViews.objects.create(page=russian, date=today, views=35)

    panel = lxml.html.fromstring(client.get("/admin/").content).get_element_by_id(
        "desk-most-read-section"
    )
    columns = panel.find_class("desk-columns")[0].findall("section")
    english_part, russian_part = (column.text_content() for column in columns)
    assert "Border reopens" in english_part and "(120 views)" in english_part
    assert "Граница открыта" in russian_part and "(35 views)" in russian_part
    assert "Граница" not in english_part


def test_the_dashboard_costs_a_bounded_number_of_queries(client, editions):
    sign_in(client, "chief", superuser=True)
    for number in range(3):
        story(editions["en"]["home"], f"Story {number}", f"story-{number}", is_live=True)
    client.get("/admin/")
    with CaptureQueriesContext(connection) as few:
        client.get("/admin/")
    for number in range(3, 12):
        story(editions["en"]["home"], f"Story {number}", f"story-{number}", is_live=True)
    with CaptureQueriesContext(connection) as many:
        assert client.get("/admin/").status_code == 200
    assert len(many) == len(few)
    # Wagtail's own dashboard and menus take 20 of these; the edition homes are read once
    # for every desk panel (they were read three times, 44 queries in all).
    assert len(few) <= 33, [query["sql"][:120] for query in few.captured_queries]
