import datetime as dt
import json
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from dateline.news.models import ArticlePage, LiveUpdate
from tests.helpers.factories import ArticlePageFactory, make_russian_edition, translate

pytestmark = pytest.mark.django_db


def structured_data(html: str) -> list[dict]:
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return [json.loads(block) for block in blocks]


def at(hour: int, minute: int = 0) -> dt.datetime:
    """19 September 2023 at hour:minute in the newsroom's time zone (Asia/Tbilisi)."""
    return timezone.make_aware(dt.datetime(2023, 9, 19, hour, minute))


def add_update(article, when, body, headline="", key=False, author=None) -> LiveUpdate:
    return LiveUpdate.objects.create(
        page=article,
        published_at=when,
        headline=headline,
        body=f"<p>{body}</p>",
        is_key_event=key,
        author=author,
    )


@pytest.fixture(autouse=True)
def never_quiet(settings):
    """These stories are dated 2023: keep their coverage from ending by itself."""
    settings.DATELINE_LIVE_QUIET_HOURS = 100 * 365 * 24


@pytest.fixture
def live_story(site):
    article = ArticlePageFactory(
        parent=site["home"],
        title="Offensive in Karabakh",
        is_live=True,
        authors=[site["author"]],
        first_published_at=at(13),
    )
    add_update(article, at(13, 10), "The operation began.", "Operation announced", key=True)
    add_update(article, at(17, 5), "At least 25 dead.", author=site["author"])
    add_update(article, at(19, 5), "A ceasefire appeal.", "Ceasefire appeal", key=True)
    return article


def test_live_story_shows_updates_newest_first_with_anchors_and_local_times(client, live_story):
    html = client.get(live_story.url).content.decode()
    main = html[html.index("<main") :]
    assert "Latest updates" in main
    positions = [
        main.index(text)
        for text in ["A ceasefire appeal.", "At least 25 dead.", "The operation began."]
    ]
    assert positions == sorted(positions)
    update = live_story.live_updates.get(headline="Ceasefire appeal")
    assert f'id="update-{update.pk}"' in main
    assert f'href="#update-{update.pk}"' in main
    # 19:05 in Tbilisi is 15:05 UTC: readers see the newsroom's local time.
    assert "19 September 2023, 19:05" in main
    assert 'datetime="2023-09-19T19:05:00+04:00"' in main
    assert 'By <a href="/authors/nino-beridze/">Nino Beridze</a>' in main


def test_key_events_are_listed_and_link_to_their_updates(client, live_story):
    html = client.get(live_story.url).content.decode()
    key_events = html[
        html.index('class="key-events"') : html.index("</nav>", html.index('class="key-events"'))
    ]
    assert "Ceasefire appeal" in key_events and "Operation announced" in key_events
    assert "At least 25 dead" not in key_events
    first = live_story.live_updates.get(headline="Operation announced")
    assert f'href="#update-{first.pk}"' in key_events


def test_live_page_loads_the_polling_script_and_is_a_live_blog_posting(client, live_story):
    html = client.get(live_story.url).content.decode()
    assert "news/live.js" in html
    assert f'data-live-url="/live/{live_story.pk}/updates/"' in html
    article_ld = structured_data(html)[0]
    assert article_ld["@type"] == "LiveBlogPosting"
    assert [u["headline"] for u in article_ld["liveBlogUpdate"]][0] == "Ceasefire appeal"
    assert article_ld["liveBlogUpdate"][1]["headline"] == "At least 25 dead."
    assert article_ld["liveBlogUpdate"][0]["url"].endswith(
        f"#update-{live_story.live_updates.get(headline='Ceasefire appeal').pk}"
    )
    assert article_ld["dateModified"] == "2023-09-19T19:05:00+04:00"


def test_closed_story_is_a_normal_article_that_keeps_its_timeline(client, live_story):
    ArticlePage.objects.filter(pk=live_story.pk).update(is_live=False)
    html = client.get(live_story.url).content.decode()
    assert "news/live.js" not in html
    assert "data-live-url" not in html
    assert "Timeline" in html and "A ceasefire appeal." in html
    assert structured_data(html)[0]["@type"] == "NewsArticle"
    # The timeline follows the body once the story is over.
    assert html.index("The first paragraph of the story.") < html.index("A ceasefire appeal.")


def test_article_without_updates_shows_no_timeline(client, site):
    article = ArticlePageFactory(parent=site["home"])
    html = client.get(article.url).content.decode()
    assert "Latest updates" not in html and "Timeline" not in html


def test_updates_feed_returns_only_newer_updates_as_html(client, live_story):
    newest = live_story.live_updates.get(headline="Ceasefire appeal")
    response = client.get(f"/live/{live_story.pk}/updates/?after={newest.pk}")
    assert response.status_code == 200
    assert response.json() == {"live": True, "updates": [], "notice": "0 new updates"}

    later = add_update(live_story, at(21, 10), "Peacekeepers move civilians.", "Evacuations")
    data = client.get(f"/live/{live_story.pk}/updates/?after={newest.pk}").json()
    assert [u["id"] for u in data["updates"]] == [later.pk]
    assert data["notice"] == "1 new update"
    assert f'id="update-{later.pk}"' in data["updates"][0]["html"]
    assert "19 September 2023, 21:10" in data["updates"][0]["html"]
    assert "max-age" in client.get(f"/live/{live_story.pk}/updates/").headers["Cache-Control"]


def test_updates_feed_speaks_the_story_language(client, site, live_story):
    ru = make_russian_edition(site)
    translation = translate(live_story, ru["ru"], title="Наступление в Карабахе")
    # The Russian story has its own updates: the English ones are not copied.
    assert not translation.live_updates.exists()
    for hour in (13, 17, 19):
        add_update(translation, at(hour, 5), "Обновление.")
    data = client.get(f"/live/{translation.pk}/updates/?after=0").json()
    assert data["notice"] == "3 новых обновления"
    assert "19 сентября 2023, 19:05" in data["updates"][0]["html"]


def test_updates_feed_rejects_bad_input_clearly(client, live_story, site):
    response = client.get(f"/live/{live_story.pk}/updates/?after=abc")
    assert response.status_code == 400
    assert "whole number" in response.json()["error"]
    assert client.get("/live/999999/updates/").status_code == 404
    draft = ArticlePageFactory(parent=site["home"], live=False, is_live=True)
    assert client.get(f"/live/{draft.pk}/updates/").status_code == 404
    assert client.post(f"/live/{live_story.pk}/updates/").status_code == 405


def test_updates_feed_query_count_does_not_grow_with_updates(client, live_story):
    def count():
        client.get(f"/live/{live_story.pk}/updates/?after=0")  # warms the site's cache
        with CaptureQueriesContext(connection) as queries:
            assert client.get(f"/live/{live_story.pk}/updates/?after=0").status_code == 200
        return len(queries)

    few = count()
    for minute in range(10):
        add_update(live_story, at(22, minute), f"Update {minute}.")
    assert count() == few
    assert few <= 3


def test_live_page_query_count_does_not_grow_with_updates(client, live_story, site):
    def count():
        client.get(live_story.url)
        with CaptureQueriesContext(connection) as queries:
            client.get(live_story.url)
        return len(queries)

    few = count()
    for minute in range(10):
        add_update(live_story, at(22, minute), f"Update {minute}.", key=True, author=site["author"])
    assert count() == few


def test_publishing_an_older_revision_keeps_the_updates_posted_since(client, live_story):
    """Updates are not part of the page's revisions: a publish neither drops nor restores them."""
    old = live_story.save_revision()
    add_update(live_story, at(22, 30), "The shelling has stopped.", "Night falls")
    LiveUpdate.objects.filter(headline="Operation announced").delete()
    old.publish()
    headlines = set(live_story.live_updates.values_list("headline", flat=True))
    assert "Night falls" in headlines and "Operation announced" not in headlines
    html = client.get(live_story.url).content.decode()
    assert "The shelling has stopped." in html and "The operation began." not in html


def test_the_article_form_has_no_live_updates_inline(admin_client, live_story):
    form = admin_client.get(f"/admin/pages/{live_story.pk}/edit/").context["form"]
    assert "live_updates" not in form.formsets
    assert "is_live" in form.fields


def test_pinned_updates_come_first_for_readers(client, live_story):
    LiveUpdate.objects.filter(headline="Operation announced").update(is_pinned=True)
    html = client.get(live_story.url).content.decode()
    main = html[html.index('class="live__updates"') :]
    assert main.index("The operation began.") < main.index("A ceasefire appeal.")
    assert "Pinned" in main
