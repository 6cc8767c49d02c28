"""Roles per edition and the review workflow, through the real admin views."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils.text import slugify
from wagtail.models import Page, TaskState, WorkflowPage, WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from dateline.accounts.roles import ensure_desk_accounts, setup_roles
from dateline.news.models import ArticlePage
from tests.helpers.factories import ArticlePageFactory

pytestmark = pytest.mark.django_db


def edit_url(page: Page) -> str:
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def article_form(client, article: ArticlePage, **fields) -> dict:
    """The article's edit form as the admin sends it, with its inline panels left empty."""
    form = client.get(edit_url(article)).context["form"]
    data = {
        "title": article.title,
        "slug": article.slug,
        "standfirst": article.standfirst or "What happened, in one sentence.",
        "body": streamfield([("paragraph", rich_text("<p>What we saw at the crossing.</p>"))]),
        **{name: inline_formset([]) for name in form.formsets},
    }
    data.update(fields)
    return nested_form_data(data)


def draft_article(parent: Page, title: str, slug: str = "") -> ArticlePage:
    article = ArticlePageFactory(parent=parent, title=title, slug=slug or slugify(title))
    article.unpublish()
    return ArticlePage.objects.get(pk=article.pk)


def test_setup_roles_makes_groups_per_edition_and_can_run_again(editions):
    names = set(Group.objects.values_list("name", flat=True))
    assert {
        "Administrators",
        "English contributors",
        "English editors",
        "Russian contributors",
        "Russian editors",
    } <= names
    count = Group.objects.count()
    setup_roles()
    assert Group.objects.count() == count
    for edition in ("en", "ru"):
        home = editions[edition]["home"]
        assert WorkflowPage.objects.get(page=home).workflow.name.endswith("desk review")


def test_a_russian_desk_editor_cannot_publish_an_english_article(editions, make_user, login):
    article = draft_article(editions["en"]["home"], "Border reopens")
    client = login(make_user("ru-ed", "Russian editors"))
    response = client.get(edit_url(article))
    assert response.status_code in (302, 403)  # Wagtail sends them back to the dashboard
    client.post(
        edit_url(article),
        {"title": "Border reopens", "slug": article.slug, "action-publish": "1"},
    )
    assert not ArticlePage.objects.get(pk=article.pk).live


def test_a_russian_desk_editor_publishes_a_russian_article(editions, make_user, login):
    article = draft_article(editions["ru"]["home"], "Граница открыта", "granica-otkryta")
    client = login(make_user("ru-ed", "Russian editors"))
    page = client.get(edit_url(article))
    assert page.status_code == 200
    assert 'name="action-publish"' in page.content.decode()
    response = client.post(
        edit_url(article), article_form(client, article, **{"action-publish": "1"})
    )
    assert response.status_code == 302, response.context and response.context["form"].errors
    assert ArticlePage.objects.get(pk=article.pk).live


def test_a_contributor_saves_a_draft_and_submits_it_but_cannot_publish(editions, make_user, login):
    article = draft_article(editions["en"]["home"], "Harvest season begins")
    client = login(make_user("writer", "English contributors"))
    page = client.get(edit_url(article))
    assert page.status_code == 200
    html = page.content.decode()
    assert 'name="action-publish"' not in html
    assert 'name="action-submit"' in html

    client.post(edit_url(article), article_form(client, article, title="Harvest starts early"))
    article.refresh_from_db()
    assert article.latest_revision.as_object().title == "Harvest starts early"
    assert not article.live

    client.post(edit_url(article), article_form(client, article, **{"action-publish": "1"}))
    assert not ArticlePage.objects.get(pk=article.pk).live

    client.post(edit_url(article), article_form(client, article, **{"action-submit": "1"}))
    state = WorkflowState.objects.get(base_content_type__isnull=False, object_id=str(article.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.workflow.name == "English desk review"
    assert not ArticlePage.objects.get(pk=article.pk).live


def submitted_article(editions, make_user, login, client_for_editor=None):
    article = draft_article(editions["en"]["home"], "Mountain pass closed by snow")
    client = login(make_user("writer", "English contributors"))
    client.post(edit_url(article), article_form(client, article, **{"action-submit": "1"}))
    task_state = TaskState.objects.get(
        workflow_state__object_id=str(article.pk), status=TaskState.STATUS_IN_PROGRESS
    )
    return article, task_state


def workflow_action_url(article, action: str, task_state) -> str:
    return reverse("wagtailadmin_pages:workflow_action", args=[article.pk, action, task_state.pk])


def test_an_editor_approves_a_submitted_article_and_it_is_published(editions, make_user, login):
    article, task_state = submitted_article(editions, make_user, login)
    client = login(make_user("desk-chief", "English editors"))
    assert "Approve" in client.get(edit_url(article)).content.decode()
    client.post(workflow_action_url(article, "approve", task_state), {"comment": "Good to go."})
    assert ArticlePage.objects.get(pk=article.pk).live
    task_state.refresh_from_db()
    assert task_state.status == TaskState.STATUS_APPROVED


def test_an_editor_requests_changes_with_a_comment(editions, make_user, login):
    article, task_state = submitted_article(editions, make_user, login)
    client = login(make_user("desk-chief", "English editors"))
    client.post(
        workflow_action_url(article, "reject", task_state),
        {"comment": "Please name the second source."},
    )
    task_state.refresh_from_db()
    assert task_state.status == TaskState.STATUS_REJECTED
    assert task_state.comment == "Please name the second source."
    assert not ArticlePage.objects.get(pk=article.pk).live
    # The writer sees the editor's comment on the page's workflow history.
    writer = login(article.owner or make_user("writer2", "English contributors"))
    history = writer.get(
        reverse("wagtailadmin_pages:workflow_history", args=[article.pk])
    ).content.decode()
    assert "Changes requested" in history or "Rejected" in history


def test_a_russian_editor_cannot_approve_english_submissions(editions, make_user, login):
    article, task_state = submitted_article(editions, make_user, login)
    client = login(make_user("ru-ed", "Russian editors"))
    # The very request that publishes when an English editor sends it (the test above).
    client.post(workflow_action_url(article, "approve", task_state), {"comment": "Good to go."})
    assert not ArticlePage.objects.get(pk=article.pk).live
    task_state.refresh_from_db()
    assert task_state.status == TaskState.STATUS_IN_PROGRESS


def test_the_site_history_shows_who_published_what(editions, make_user, login):
    article = draft_article(editions["ru"]["home"], "Новый мост", "novyj-most")
    editor = make_user("ru-ed", "Russian editors", first_name="Anna", last_name="Petrova")
    editor_client = login(editor)
    editor_client.post(
        edit_url(article), article_form(editor_client, article, **{"action-publish": "1"})
    )
    admin = make_user("chief", "Administrators")
    client = login(admin)
    response = client.get(reverse("wagtailadmin_reports:site_history"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Новый мост" in html
    assert "Published" in html
    assert "Anna Petrova" in html


def test_revisions_can_be_compared_and_reverted(editions, make_user, login):
    article = draft_article(editions["en"]["home"], "First headline")
    first = article.save_revision()
    article.title = "Second headline"
    second = article.save_revision()
    client = login(make_user("desk-chief", "English editors"))
    compare = client.get(
        reverse("wagtailadmin_pages:revisions_compare", args=[article.pk, first.pk, second.pk])
    )
    assert compare.status_code == 200
    changes = {c.field_label(): c.htmldiff() for c in compare.context["comparison"]}
    assert changes["Title"] == (
        '<span class="deletion">First</span><span class="addition">Second</span> headline'
    )
    revert = client.get(reverse("wagtailadmin_pages:revisions_revert", args=[article.pk, first.pk]))
    assert revert.status_code == 200
    # The headline box is a growing textarea (long headlines stay in view).
    assert re.search(
        r'<textarea name="title"[^>]*>\s*First headline\s*</textarea>', revert.content.decode()
    )


def test_the_demo_desk_accounts_sign_in_with_their_roles(editions, client):
    names = ensure_desk_accounts("a demo password for the desk")
    assert sorted(names) == ["en-contributor", "en-editor", "ru-contributor", "ru-editor"]
    response = client.post(
        "/admin/login/",
        {"username": "ru-editor", "password": "a demo password for the desk", "next": "/admin/"},
    )
    assert response.status_code == 302
    assert response["Location"] == "/admin/"
    editor = get_user_model().objects.get(username="ru-editor")
    assert list(editor.groups.values_list("name", flat=True)) == ["Russian editors"]
