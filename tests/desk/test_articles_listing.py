"""Articles apart from the standing pages: the explorer opens on the editor's edition home,
whose listing keeps the standing pages, and the Articles listing filters stories by
edition, status, author and place."""

import lxml.html
import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.users.models import UserProfile

from dateline.accounts.roles import setup_roles
from tests.helpers.factories import ArticlePageFactory, make_russian_edition

pytestmark = pytest.mark.django_db


@pytest.fixture
def editions(site):
    russian = make_russian_edition(site)
    setup_roles()
    return {"en": site, "ru": russian}


def sign_in(client, username, *groups):
    User = get_user_model()
    if not groups:
        user = User.objects.create_superuser(username, f"{username}@example.org", "pw")
    else:
        user = User.objects.create_user(username, f"{username}@example.org", "pw")
        user.groups.add(*Group.objects.filter(name__in=groups))
    client.force_login(user)
    return user


def sidebar_explorer_url(client) -> str:
    """Where the sidebar's "Pages" item leads (its link, and the flyout's start)."""
    page = lxml.html.fromstring(client.get("/admin/").content)
    props = page.get_element_by_id("wagtail-sidebar-props").text
    start = props.index('"explorer"')
    return props[start : start + 200]


def test_pages_opens_on_the_editors_own_edition_home(client, editions):
    sign_in(client, "ru-editor", "Russian editors")
    assert f'"/admin/pages/{editions["ru"]["home"].pk}/"' in sidebar_explorer_url(client)
    sign_in(client, "en-editor", "English editors")
    assert f'"/admin/pages/{editions["en"]["home"].pk}/"' in sidebar_explorer_url(client)


def test_an_administrator_starts_on_the_home_of_the_admins_language(client, editions):
    chief = sign_in(client, "chief")
    assert f'"/admin/pages/{editions["en"]["home"].pk}/"' in sidebar_explorer_url(client)
    profile = UserProfile.get_for_user(chief)
    profile.preferred_language = "ru"
    profile.save()
    assert f'"/admin/pages/{editions["ru"]["home"].pk}/"' in sidebar_explorer_url(client)


def test_an_edition_home_lists_its_standing_pages_and_leads_to_its_articles(client, editions):
    home = editions["en"]["home"]
    ArticlePageFactory(parent=home, title="Border reopens", slug="border")
    sign_in(client, "chief")
    response = client.get(f"/admin/pages/{home.pk}/")
    html = response.content.decode()
    assert "About us" in html and "Regions" in html
    assert "Border reopens" not in html
    assert "/admin/articles/?locale=en" in html  # the home's "Articles in this edition"
    assert "Border reopens" in client.get(f"/admin/pages/{home.pk}/?q=Border").content.decode()


def test_the_articles_listing_filters_by_edition_status_author_and_place(client, editions):
    en, ru = editions["en"], editions["ru"]
    signed = ArticlePageFactory(
        parent=en["home"],
        title="Signed in Armenia",
        slug="signed",
        authors=[en["author"]],
        terms=[en["armenia"]],
    )
    signed.save_revision().publish()
    ArticlePageFactory(
        parent=en["home"],
        title="Unsigned draft",
        slug="draft",
        live=False,
        first_published_at=None,
        last_published_at=None,
    )
    russian = ArticlePageFactory(parent=ru["home"], title="Русская статья", slug="russkaya")
    russian.save_revision().publish()
    sign_in(client, "chief")

    def titles(query: str = "") -> set[str]:
        response = client.get(f"/admin/articles/{query}")
        assert response.status_code == 200
        html = response.content.decode()
        return {
            title
            for title in ("Signed in Armenia", "Unsigned draft", "Русская статья", "About us")
            if title in html
        }

    assert titles() == {"Signed in Armenia", "Unsigned draft", "Русская статья"}
    assert titles("?locale=ru") == {"Русская статья"}
    assert titles("?status=draft") == {"Unsigned draft"}
    assert titles(f"?author={en['author'].pk}") == {"Signed in Armenia"}
    assert titles(f"?place={en['armenia'].pk}") == {"Signed in Armenia"}
    assert client.get("/admin/articles/?place=not-a-number").status_code == 200
