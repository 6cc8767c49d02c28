"""The live desk: an editor posts, edits, pins and deletes a live story's updates and ends
its coverage, without publishing the page; readers see the result."""

import datetime as dt

import lxml.html
import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client
from django.utils import timezone
from wagtail.models import PageLogEntry
from wagtail.test.utils.form_data import rich_text
from wagtail.users.models import UserProfile

from dateline.accounts.roles import setup_roles
from dateline.news.models import ArticlePage, LiveUpdate
from tests.helpers.factories import ArticlePageFactory, make_russian_edition, translate

pytestmark = pytest.mark.django_db


@pytest.fixture
def newsroom(site):
    russian = make_russian_edition(site)
    setup_roles()
    story = ArticlePageFactory(
        parent=site["home"], title="Spring floods in Fergana", slug="floods", is_live=True
    )
    story.save_revision().publish()
    return {"en": site, "ru": russian, "story": ArticlePage.objects.get(pk=story.pk)}


def sign_in(client, username, group, full_name=""):
    first, _space, last = full_name.partition(" ")
    user = get_user_model().objects.create_user(
        username, f"{username}@example.org", "pw", first_name=first, last_name=last
    )
    user.groups.add(Group.objects.get(name=group))
    client.force_login(user)
    return user


def desk(story) -> str:
    return f"/admin/desk/live/{story.pk}/"


def post(client, story, body, headline="", key=False, pinned=False):
    data = {"headline": headline, "body": rich_text(f"<p>{body}</p>")}
    if key:
        data["is_key_event"] = "on"
    if pinned:
        data["is_pinned"] = "on"
    return client.post(desk(story), data)


def desk_text(client, story) -> str:
    html = lxml.html.fromstring(client.get(desk(story)).content)
    return " ".join(html.get_element_by_id("main").text_content().split())


def actions(story) -> list[str]:
    return list(
        PageLogEntry.objects.filter(page=story, action__startswith="dateline.live_")
        .order_by("pk")
        .values_list("action", flat=True)
    )


def test_an_editor_posts_an_update_signed_by_their_author_page(client, newsroom):
    story = newsroom["story"]
    user = sign_in(client, "editor", "English editors")
    newsroom["en"]["author"].specific.__class__.objects.filter(
        pk=newsroom["en"]["author"].pk
    ).update(user=user)
    # An unsaved (unpublished) change to the article is waiting in its draft.
    story.title = "Spring floods in Fergana (draft headline)"
    draft = story.save_revision()
    published_at = ArticlePage.objects.get(pk=story.pk).last_published_at

    page = client.get(desk(story)).content.decode()
    assert "Post update" in page and "Signed Nino Beridze." in page
    response = post(client, story, "The river has burst its banks at Kokand.", "Kokand flooded")
    assert response.status_code == 302 and response.url == desk(story)

    update = LiveUpdate.objects.get(page=story)
    assert update.headline == "Kokand flooded"
    assert update.author.title == "Nino Beridze"
    # Not republished, and the draft is still the latest, unpublished revision.
    story = ArticlePage.objects.get(pk=story.pk)
    assert story.last_published_at == published_at
    assert story.title == "Spring floods in Fergana"
    assert story.has_unpublished_changes and story.latest_revision_id == draft.pk
    # Readers' feed has it; the desk lists it; the page's History says who posted it.
    feed = client.get(f"/live/{story.pk}/updates/?after=0").json()
    assert feed["live"] is True and "Kokand" in feed["updates"][0]["html"]
    assert "Kokand flooded" in desk_text(client, story)
    entry = PageLogEntry.objects.get(page=story, action="dateline.live_update.add")
    assert entry.user == user
    history = client.get(f"/admin/pages/{story.pk}/history/").content.decode()
    assert "Live update posted: “Kokand flooded”" in history


def test_the_author_falls_back_to_the_page_titled_with_the_users_name(client, newsroom):
    sign_in(client, "nino", "English editors", full_name="Nino Beridze")
    post(client, newsroom["story"], "Evacuations begin.")
    assert LiveUpdate.objects.get().author_id == newsroom["en"]["author"].pk


def test_an_update_without_a_matching_author_is_left_unsigned(client, newsroom):
    sign_in(client, "desk", "English editors", full_name="Night Desk")
    assert "Not signed" in desk_text(client, newsroom["story"])
    post(client, newsroom["story"], "Evacuations begin.")
    assert LiveUpdate.objects.get().author is None


def test_an_empty_update_is_refused_with_the_form_kept(client, newsroom):
    sign_in(client, "editor", "English editors")
    response = client.post(desk(newsroom["story"]), {"headline": "Only a headline"})
    assert response.status_code == 200
    assert "This field is required" in response.content.decode()
    response = post(client, newsroom["story"], "", headline="Only a headline")
    assert "Write the update&#x27;s text." in response.content.decode()
    assert not LiveUpdate.objects.exists()


def test_edit_pin_and_delete_are_logged_and_seen_by_readers(client, newsroom):
    story = newsroom["story"]
    sign_in(client, "editor", "English editors")
    post(client, story, "First report.", "Water rising")
    post(client, story, "Second report.", "Bridge closed")
    first, second = LiveUpdate.objects.order_by("pk")

    edit_url = f"{desk(story)}updates/{first.pk}/edit/"
    assert "Water rising" in client.get(edit_url).content.decode()
    client.post(edit_url, {"headline": "Water rising fast", "body": rich_text("<p>First.</p>")})
    first.refresh_from_db()
    assert first.headline == "Water rising fast"

    client.post(f"{desk(story)}updates/{first.pk}/pin/", {"pinned": "1"})
    html = client.get(story.url).content.decode()
    timeline = html[html.index('class="live__updates"') :]
    assert timeline.index("Water rising fast") < timeline.index("Bridge closed")

    delete_url = f"{desk(story)}updates/{second.pk}/delete/"
    confirm = client.get(delete_url).content.decode()
    assert "Delete this update?" in confirm and "Bridge closed" in confirm
    assert LiveUpdate.objects.filter(pk=second.pk).exists()  # asking deletes nothing
    client.post(delete_url)
    assert not LiveUpdate.objects.filter(pk=second.pk).exists()
    assert "Bridge closed" not in client.get(story.url).content.decode()
    assert actions(story) == [
        "dateline.live_update.add",
        "dateline.live_update.add",
        "dateline.live_update.edit",
        "dateline.live_update.pin",
        "dateline.live_update.delete",
    ]


def test_another_editions_editor_gets_403(client, newsroom):
    sign_in(client, "ru-editor", "Russian editors")
    assert client.get(desk(newsroom["story"])).status_code == 403
    assert post(client, newsroom["story"], "Не моё.").status_code == 403
    assert not LiveUpdate.objects.exists()


def test_a_russian_story_has_its_own_updates_and_russian_labels(client, newsroom):
    russian = translate(newsroom["story"], newsroom["ru"]["ru"], title="Паводок в Фергане")
    sign_in(client, "ru-editor", "Russian editors")
    profile = UserProfile.get_for_user(get_user_model().objects.get(username="ru-editor"))
    profile.preferred_language = "ru"
    profile.save()
    page = client.get(desk(russian)).content.decode()
    assert "Опубликовать обновление" in page and "Завершить прямую трансляцию" in page
    post(client, russian, "Вода поднимается.")
    assert russian.live_updates.count() == 1
    assert not newsroom["story"].live_updates.exists()


def test_posting_makes_the_story_fresh_for_readers(
    client, newsroom, settings, django_capture_on_commit_callbacks
):
    settings.DATELINE_PAGE_CACHE = True
    story = newsroom["story"]
    reader = Client()
    reader.get(story.url)  # the site's first request stores its settings row, then pages
    reader.get(story.url)
    assert reader.get(story.url)["X-Dateline-Cache"] == "hit"
    sign_in(client, "editor", "English editors")
    with django_capture_on_commit_callbacks(execute=True):
        post(client, story, "The dam is holding.")
    page = reader.get(story.url)
    assert page["X-Dateline-Cache"] == "miss"
    assert "The dam is holding." in page.content.decode()


def test_ending_coverage_replaces_the_badge_and_stops_polling(client, newsroom):
    story = newsroom["story"]
    sign_in(client, "editor", "English editors")
    post(client, story, "The water is going down.")
    older = ArticlePage.objects.get(pk=story.pk).save_revision()
    assert "Live" in client.get(story.url).content.decode()

    client.post(f"{desk(story)}coverage/", {"action": "end"})
    # Even publishing an older revision does not bring the coverage back.
    older.publish()
    html = client.get(story.url).content.decode()
    assert "live__badge" not in html and "news/live.js" not in html
    assert "Live coverage ended" in html
    assert client.get(f"/live/{story.pk}/updates/").json()["live"] is False
    assert "Resume live coverage" in desk_text(client, story)
    assert (
        "Spring floods in Fergana"
        not in client.get("/admin/")
        .content.decode()
        .split("desk_live_now")[-1]
        .split("</section>")[0]
    )
    assert actions(story)[-1] == "dateline.live_coverage.end"


def test_a_quiet_story_ends_by_itself(client, newsroom, settings):
    settings.DATELINE_LIVE_QUIET_HOURS = 12
    story = newsroom["story"]
    LiveUpdate.objects.create(
        page=story,
        published_at=timezone.now() - dt.timedelta(hours=13),
        body="<p>Last word from the valley.</p>",
    )
    assert client.get(f"/live/{story.pk}/updates/").json()["live"] is False
    html = client.get(story.url).content.decode()
    assert "Live coverage ended" in html and "live__badge" not in html
    settings.DATELINE_LIVE_QUIET_HOURS = 14
    assert client.get(f"/live/{story.pk}/updates/").json()["live"] is True


def test_the_desk_is_linked_from_the_dashboard_and_the_article(client, newsroom):
    story = newsroom["story"]
    sign_in(client, "editor", "English editors")
    dashboard = lxml.html.fromstring(client.get("/admin/").content)
    live_now = dashboard.get_element_by_id("desk_live_now-section")
    assert desk(story) in [a.get("href") for a in live_now.iter("a")]
    edit = client.get(f"/admin/pages/{story.pk}/edit/").content.decode()
    assert "Open live desk" in edit and desk(story) in edit
