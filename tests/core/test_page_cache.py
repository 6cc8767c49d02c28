"""The page cache: what readers are served, what editors are never served, and that a
change shows on the next request, with the local-memory cache and with Redis."""

import datetime as dt
import gzip
import os
import time

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.utils.http import http_date

from dateline.core import pagecache
from dateline.core.models import SiteSettings
from dateline.core.pagecache import generations
from dateline.news.models import Correction, LiveUpdate
from tests.helpers.factories import ArticlePageFactory, desk_page, make_russian_edition, translate
from tests.helpers.story_page import related_titles

pytestmark = pytest.mark.django_db

REDIS_URL = os.environ.get("DATELINE_TEST_REDIS_URL", "redis://127.0.0.1:6379/3")


@pytest.fixture(params=["locmem", "redis"])
def page_cache(request):
    """The page cache switched on, over local memory and over Redis (as in production)."""
    if request.param == "redis":
        caches = {
            "default": {
                "BACKEND": "django_redis.cache.RedisCache",
                "LOCATION": REDIS_URL,
                # Our own keys only: the Redis is shared, and never flushed here.
                "KEY_PREFIX": f"dateline-test-{os.getpid()}",
            }
        }
    else:
        caches = {
            "default": {
                "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
                "LOCATION": "page-cache-tests",
            }
        }
    with override_settings(CACHES=caches, DATELINE_PAGE_CACHE=True):
        yield request.param
        if request.param == "redis":
            cache.delete_pattern("*")
        else:
            cache.clear()


@pytest.fixture
def story(site):
    return ArticlePageFactory(
        parent=site["home"],
        title="Floods close the mountain road",
        terms=[site["caucasus"], site["armenia"]],
        authors=[site["author"]],
    )


def publish_change(page, django_capture_on_commit_callbacks, **fields):
    """An editor's edit, published: a new revision, as the admin does it."""
    for name, value in fields.items():
        setattr(page, name, value)
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()


# What readers are served ----------------------------------------------------------------


def test_second_reader_gets_the_stored_page_without_a_query(
    client, page_cache, story, django_assert_num_queries
):
    first = client.get(story.url)
    assert first.status_code == 200
    assert first["X-Dateline-Cache"] == "miss"
    with django_assert_num_queries(0):
        second = client.get(story.url)
    assert second["X-Dateline-Cache"] == "hit"
    assert second.content == first.content
    assert b"Floods close the mountain road" in second.content
    control = second["Cache-Control"]
    assert "public" in control and "max-age=30" in control and "s-maxage=60" in control
    assert second["ETag"] == first["ETag"]
    assert second["Last-Modified"] == first["Last-Modified"]


def test_a_stored_page_keeps_the_security_policies_it_was_rendered_with(client, page_cache, story):
    rendered = client.get(story.url)
    served = client.get(story.url)
    assert (rendered["X-Dateline-Cache"], served["X-Dateline-Cache"]) == ("miss", "hit")
    for header in ("Content-Security-Policy", "Permissions-Policy", "X-Content-Type-Options"):
        assert served[header] == rendered[header], header
    assert "'unsafe-inline'" not in served["Content-Security-Policy"]


def test_a_current_copy_gets_304_by_etag_and_by_date(client, page_cache, story):
    first = client.get(story.url)
    by_etag = client.get(story.url, headers={"If-None-Match": first["ETag"]})
    assert by_etag.status_code == 304
    assert by_etag.content == b""
    by_date = client.get(story.url, headers={"If-Modified-Since": first["Last-Modified"]})
    assert by_date.status_code == 304
    stale = client.get(story.url, headers={"If-None-Match": '"something-older"'})
    assert stale.status_code == 200
    assert b"Floods close the mountain road" in stale.content


def test_browsers_that_take_gzip_get_the_stored_page_compressed(
    client, page_cache, story, django_assert_num_queries
):
    plain = client.get(story.url)
    with django_assert_num_queries(0):
        packed = client.get(story.url, headers={"Accept-Encoding": "gzip, deflate, br"})
    assert packed["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in packed["Vary"] and "Accept-Encoding" in plain["Vary"]
    assert gzip.decompress(packed.content) == plain.content
    assert int(packed["Content-Length"]) == len(packed.content)
    assert int(plain["Content-Length"]) == len(plain.content)
    assert len(packed.content) < len(plain.content) / 2
    # The same page in another encoding: a weak validator that still earns a 304.
    assert packed["ETag"] == f"W/{plain['ETag']}"
    again = client.get(
        story.url, headers={"Accept-Encoding": "gzip", "If-None-Match": packed["ETag"]}
    )
    assert again.status_code == 304


def test_pages_that_are_never_cached_are_compressed_too(client, page_cache, site, story):
    listing = f"{site['caucasus'].url}?sort=oldest"
    response = client.get(listing, headers={"Accept-Encoding": "gzip"})
    assert response.status_code == 200
    assert response["X-Dateline-Cache"] == "bypass"
    assert response["Content-Encoding"] == "gzip"
    assert story.title.encode() in gzip.decompress(response.content)


def test_a_changed_page_has_a_new_etag_and_no_304(
    client, page_cache, story, django_capture_on_commit_callbacks
):
    first = client.get(story.url)
    publish_change(story, django_capture_on_commit_callbacks, title="Road reopens")
    after = client.get(story.url, headers={"If-None-Match": first["ETag"]})
    assert after.status_code == 200
    assert after["ETag"] != first["ETag"]
    old_date = http_date(0)
    assert client.get(story.url, headers={"If-Modified-Since": old_date}).status_code == 200


def test_another_workers_publish_retires_pages_within_the_memo(client, page_cache, story):
    """A worker re-reads an edition's generation at most once per memo period; a bump made
    by another process (here: straight in the cache) shows once that period is over."""
    with override_settings(DATELINE_GENERATION_MEMO_SECONDS=60):
        assert client.get(story.url)["X-Dateline-Cache"] == "miss"
        cache.incr(generations._generation_key("en"))  # another worker published
        assert client.get(story.url)["X-Dateline-Cache"] == "hit"
        # A minute later (the memo's reading aged rather than the test made to wait):
        value, read_at = generations._recent_generations["en"]
        generations._recent_generations["en"] = (value, read_at - 61)
        assert client.get(story.url)["X-Dateline-Cache"] == "miss"


def test_the_edge_caches_fetch_sees_another_workers_publish_at_once(client, page_cache, story):
    """What the edge cache fetches it keeps for minutes: such a request is checked against
    the publishes of the last second too, which a worker's memo would hide from it."""
    from dateline.core.pagecache import tags

    edge = {"X-Dateline-Edge-Fetch": "1"}
    with override_settings(DATELINE_GENERATION_MEMO_SECONDS=60):
        assert client.get(story.url)["X-Dateline-Cache"] == "miss"
        # Another worker publishes the story: its tag moves past the stored page's reading.
        cache.set(tags._tag_key(f"page:{story.pk}"), int(cache.incr(tags.CLOCK_KEY)))
        assert client.get(story.url)["X-Dateline-Cache"] == "hit"  # this worker's memo
        assert client.get(story.url, headers=edge)["X-Dateline-Cache"] == "miss"
        # And another worker's bump of the whole edition.
        cache.incr(generations._generation_key("en"))
        assert client.get(story.url)["X-Dateline-Cache"] == "hit"
        assert client.get(story.url, headers=edge)["X-Dateline-Cache"] == "miss"


def stored_page_key() -> str:
    """The key of the one page this worker holds a copy of."""
    (key,) = (key for key in pagecache.local_copies._entries if ":page:" in key)
    return key


def test_a_worker_serves_its_own_copy_of_a_hot_page_without_asking_the_cache(
    client, page_cache, story
):
    assert client.get(story.url)["X-Dateline-Cache"] == "miss"
    cache.delete(stored_page_key())  # the shared entry is not read again: the copy serves
    assert client.get(story.url)["X-Dateline-Cache"] == "hit"


def test_a_workers_copy_never_outlives_the_shared_entry(client, page_cache, story, monkeypatch):
    assert client.get(story.url)["X-Dateline-Cache"] == "miss"
    assert client.get(story.url)["X-Dateline-Cache"] == "hit"
    later = time.time() + pagecache.page_seconds() + 1
    monkeypatch.setattr(time, "time", lambda: later)
    cache.delete(stored_page_key())  # what the cache itself does once the entry's time is up
    assert client.get(story.url)["X-Dateline-Cache"] == "miss"


def test_a_worker_keeps_only_the_most_recently_used_copies(settings):
    settings.DATELINE_LOCAL_CACHE_ENTRIES = 2
    copies = pagecache.LocalCopies()
    expires = time.time() + 60
    for key in ("home", "story", "listing"):
        copies.put(key, key.upper(), expires)
        copies.get("home")  # the home page is read all the time
    assert [copies.get(key) for key in ("home", "story", "listing")] == ["HOME", None, "LISTING"]


def test_a_new_story_joins_the_related_lists_of_stored_stories(
    client, page_cache, site, story, django_capture_on_commit_callbacks
):
    assert "Second landslide" not in client.get(story.url).content.decode()
    terms = [site["caucasus"], site["armenia"]]
    second = ArticlePageFactory(parent=site["home"], title="Second landslide", terms=terms)
    with django_capture_on_commit_callbacks(execute=True):
        second.save_revision().publish()  # as an editor publishes it
    response = client.get(story.url)
    assert response["X-Dateline-Cache"] == "miss"
    assert related_titles(response)[:1] == ["Second landslide"]


def test_the_publish_reads_the_related_lists_again_not_the_first_reader(
    client, page_cache, site, story, django_capture_on_commit_callbacks
):
    """A publish retires its terms' Related lists and reads them again itself: the first
    reader of a story sharing a term finds them kept, the newcomer in them."""
    terms = [site["caucasus"], site["armenia"]]
    neighbour = ArticlePageFactory(parent=site["home"], title="Bridge repaired", terms=terms)
    assert client.get(neighbour.url).status_code == 200
    second = ArticlePageFactory(parent=site["home"], title="Second landslide", terms=terms)
    with django_capture_on_commit_callbacks(execute=True):
        second.save_revision().publish()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(neighbour.url)
    assert response["X-Dateline-Cache"] == "miss"
    assert related_titles(response)[:1] == ["Second landslide"]
    term_lists = [
        q["sql"] for q in queries if "UNION ALL" in q["sql"] and "news_relatedpin" not in q["sql"]
    ]
    assert term_lists == []


def test_a_failing_receiver_after_a_publish_neither_undoes_nor_breaks_it(
    client, page_cache, story, django_capture_on_commit_callbacks, caplog
):
    def broken(sender, page, **kwargs):
        raise ConnectionError("database gone")

    pagecache.story_retired.connect(broken, dispatch_uid="test-broken")
    try:
        client.get(story.url)
        publish_change(story, django_capture_on_commit_callbacks, title="Mountain road reopens")
    finally:
        pagecache.story_retired.disconnect(dispatch_uid="test-broken")
    assert b"Mountain road reopens" in client.get(story.url).content
    assert "failed after a publish" in caplog.text


def test_a_retitled_story_shows_its_new_title_on_the_cards_of_other_pages(
    client, page_cache, site, story, django_capture_on_commit_callbacks
):
    terms = [site["caucasus"], site["armenia"]]
    other = ArticlePageFactory(parent=site["home"], title="Road reopens", terms=terms)
    assert "Road reopens<" in client.get(story.url).content.decode()
    publish_change(other, django_capture_on_commit_callbacks, title="Pass reopens")
    html = client.get(story.url).content.decode()
    assert "Pass reopens<" in html
    assert "Road reopens<" not in html


def test_a_story_routed_by_the_cache_has_its_language_links_and_only_those(
    client, page_cache, site, story, django_capture_on_commit_callbacks
):
    alternate = '<link rel="alternate" hreflang="ru"'
    with django_capture_on_commit_callbacks(execute=True):
        russian = make_russian_edition(site)
    assert alternate not in client.get(story.url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        translated = translate(story, russian["home"].locale, title="Оползни закрыли дорогу")
    html = client.get(story.url).content.decode()
    assert f'{alternate} href="http://localhost{translated.url}">' in html


def test_a_story_routed_by_the_cache_shows_its_corrections_and_live_updates(
    client, page_cache, site, story
):
    assert "Corrections" not in client.get(story.url).content.decode()
    other = ArticlePageFactory(parent=site["home"], title="Dam breach", terms=[site["armenia"]])
    Correction.objects.create(page=other, date=dt.date(2024, 5, 2), text="The pass was misnamed.")
    LiveUpdate.objects.create(
        page=other, headline="Road cleared", body="<p>Crews cleared it.</p>", author=site["author"]
    )
    html = client.get(other.url).content.decode()
    assert "The pass was misnamed." in html
    assert "Road cleared" in html


def test_a_renamed_footer_page_shows_in_the_footer_of_every_page(
    client, page_cache, site, story, django_capture_on_commit_callbacks
):
    about = site["home"].get_children().get(slug="about").specific
    assert ">About us</a>" in client.get(story.url).content.decode()
    publish_change(about, django_capture_on_commit_callbacks, title="Who we are")
    html = client.get(story.url).content.decode()
    assert ">Who we are</a>" in html
    assert ">About us</a>" not in html


def test_a_search_reads_the_site_from_the_cache(client, page_cache, story):
    client.get("/")  # a reader has been here: the site and its settings are cached
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/search/?q=floods")
    assert response.status_code == 200
    tables = " ".join(query["sql"] for query in queries.captured_queries)
    assert "wagtailcore_site" not in tables
    assert "core_sitesettings" not in tables


def test_a_page_number_is_kept_other_queries_are_not(client, page_cache, site, story):
    listing = site["caucasus"].url
    assert client.get(listing)["X-Dateline-Cache"] == "miss"
    assert client.get(f"{listing}?utm_source=newsletter")["X-Dateline-Cache"] == "hit"
    assert client.get(f"{listing}?page=1")["X-Dateline-Cache"] == "miss"
    assert client.get(f"{listing}?page=1")["X-Dateline-Cache"] == "hit"
    assert client.get(f"{listing}?sort=oldest")["X-Dateline-Cache"] == "bypass"


def test_a_readers_search_may_be_kept_by_the_edge_for_a_minute_an_editors_never(
    client, page_cache, story, editor
):
    response = client.get("/search/?q=floods")
    control = response["Cache-Control"]
    assert "public" in control and "s-maxage=60" in control and "max-age=0" in control
    missing_page = client.get("/search/?q=floods&page=999")
    assert missing_page.status_code == 404
    assert "public" not in missing_page.get("Cache-Control", "")
    client.force_login(editor)
    control = client.get("/search/?q=floods").get("Cache-Control", "")
    assert "public" not in control and "private" in control


def test_a_readers_search_is_kept_by_the_worker_until_a_story_of_its_edition_is_published(
    client, page_cache, site, story, django_assert_num_queries, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        story.save_revision().publish()  # as an editor does: the search index has it
    client.get("/")
    pages_before = stored_pages()
    assert client.get("/search/?q=floods")["X-Dateline-Cache"] == "miss"
    with django_assert_num_queries(0):
        again = client.get("/search/?q=floods&utm_source=newsletter")
    assert again["X-Dateline-Cache"] == "hit"
    assert f'href="{story.url}"' in again.content.decode()
    assert stored_pages() == pages_before, "a search is never stored in the shared cache"
    assert client.get("/search/?q=floods&place=armenia")["X-Dateline-Cache"] == "miss"

    new = ArticlePageFactory(parent=site["home"], title="Floods reach the valley")
    with django_capture_on_commit_callbacks(execute=True):
        new.save_revision().publish()
    after = client.get("/search/?q=floods")
    assert after["X-Dateline-Cache"] == "miss"
    assert f'href="{new.url}"' in after.content.decode()


def stored_pages() -> set[str]:
    """The keys of the pages the shared cache holds (local memory's, or Redis')."""
    keys = cache.keys("*") if hasattr(cache, "keys") else cache._cache
    return {key for key in keys if ":page:" in key}


SHARED = ["/api/v2/articles/?limit=5", "/sitemap.xml", "/sitemap-en.xml", "/news-sitemap-en.xml"]


def test_the_api_and_the_sitemaps_are_stored_each_question_apart(
    client, page_cache, story, django_assert_num_queries
):
    for url in SHARED:
        assert client.get(url)["X-Dateline-Cache"] == "miss", url
    with django_assert_num_queries(0):
        for url in SHARED:
            response = client.get(url)
            assert response.status_code == 200 and response["X-Dateline-Cache"] == "hit", url
    assert client.get("/api/v2/articles/?limit=1&offset=1")["X-Dateline-Cache"] == "miss"
    again = client.get("/api/v2/articles/?offset=1&limit=1&utm_source=partner")
    assert again["X-Dateline-Cache"] == "hit"
    refused = "/api/v2/articles/?place=atlantis"
    assert client.get(refused).status_code == 400
    assert client.get(refused)["X-Dateline-Cache"] == "bypass"


def test_a_publish_in_either_edition_retires_the_api_and_the_sitemaps(
    client, page_cache, site, story, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        russian = make_russian_edition(site)
    for url in SHARED:
        client.get(url)
    new = ArticlePageFactory(
        parent=russian["home"], title="Оползни закрыли перевал", slug="opolzni-zakryli-pereval"
    )
    with django_capture_on_commit_callbacks(execute=True):
        new.save_revision().publish()
    listing = client.get("/api/v2/articles/?limit=5")
    assert listing["X-Dateline-Cache"] == "miss"
    assert "Оползни закрыли перевал" in [item["title"] for item in listing.json()["items"]]
    assert new.url in client.get("/sitemap-ru.xml").content.decode()
    assert client.get("/sitemap.xml")["X-Dateline-Cache"] == "miss"


# Invalidation: the next request shows the change --------------------------------------


def pages_showing(site, story) -> list[str]:
    pages = [story.url, site["caucasus"].url, site["armenia"].url, "/", "/feeds/rss/"]
    return [*pages, "/api/v2/articles/?fields=standfirst"]


def test_an_edit_shows_everywhere_on_the_next_request(
    client, page_cache, site, story, django_capture_on_commit_callbacks
):
    for url in pages_showing(site, story):
        assert b"Floods close the mountain road" in client.get(url).content, url
        assert client.get(url)["X-Dateline-Cache"] == "hit", url
    publish_change(story, django_capture_on_commit_callbacks, title="Mountain road reopens")
    for url in pages_showing(site, story):
        html = client.get(url).content
        assert b"Mountain road reopens" in html, url
        assert b"Floods close the mountain road" not in html, url


def test_an_unpublished_story_leaves_every_page(
    client, page_cache, site, story, django_capture_on_commit_callbacks
):
    for url in pages_showing(site, story):
        client.get(url)
    with django_capture_on_commit_callbacks(execute=True):
        story.unpublish()
    assert client.get(story.url).status_code == 404
    for url in pages_showing(site, story)[1:]:
        assert b"Floods close the mountain road" not in client.get(url).content, url


def test_a_deleted_story_leaves_every_page(
    client, page_cache, site, story, django_capture_on_commit_callbacks
):
    for url in pages_showing(site, story):
        client.get(url)
    old_url = story.url
    with django_capture_on_commit_callbacks(execute=True):
        story.delete()
    assert client.get(old_url).status_code == 404
    for url in pages_showing(site, story)[1:]:
        assert b"Floods close the mountain road" not in client.get(url).content, url


def test_a_moved_page_sends_readers_to_its_new_address(
    client, page_cache, site, story, django_capture_on_commit_callbacks
):
    old_url = story.url
    assert client.get(old_url).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        story.move(site["regions"], pos="last-child")
    story.refresh_from_db()
    moved = client.get(old_url)  # Wagtail's redirects app sends readers on
    assert moved.status_code == 301
    assert moved["Location"].endswith(story.url)
    assert client.get(story.url).status_code == 200


def test_new_site_settings_show_on_every_page(
    client, page_cache, site, story, django_capture_on_commit_callbacks
):
    assert b"Daily Caucasus" not in client.get(story.url).content
    site_settings = SiteSettings.for_site(site["home"].get_site())
    with django_capture_on_commit_callbacks(execute=True):
        site_settings.name = "Daily Caucasus"
        site_settings.save()
    assert b"Daily Caucasus" in client.get(story.url).content
    assert b"Daily Caucasus" in client.get("/").content


def test_a_page_rendered_before_the_commit_is_not_kept_after_it(
    client, page_cache, story, django_capture_on_commit_callbacks
):
    """Until the publish commits, readers keep the old page; after it, never again."""
    client.get(story.url)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        story.title = "Mountain road reopens"
        story.save_revision().publish()
    assert client.get(story.url)["X-Dateline-Cache"] == "hit"
    for callback in callbacks:
        callback()
    response = client.get(story.url)
    assert response["X-Dateline-Cache"] == "miss"
    assert b"Mountain road reopens" in response.content


# Never cached ---------------------------------------------------------------------------


@pytest.fixture
def editor(db):
    return get_user_model().objects.create_superuser("cache-editor", "ed@example.org", "pw")


def test_an_editor_never_gets_a_stored_page(client, page_cache, story, editor):
    client.get(story.url)
    assert client.get(story.url)["X-Dateline-Cache"] == "hit"
    client.force_login(editor)
    response = client.get(story.url)
    assert response["X-Dateline-Cache"] == "bypass"
    assert response["Cache-Control"] == "private, no-store"


def test_an_editor_never_fills_the_cache(client, page_cache, story, editor):
    client.force_login(editor)
    client.get(story.url)
    client.get(story.url)
    client.logout()
    assert client.get(story.url)["X-Dateline-Cache"] == "miss"


def test_a_preview_is_never_cached(client, page_cache, story, editor):
    client.force_login(editor)
    response = client.get(f"/admin/pages/{story.pk}/view_draft/")
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"] or "private" in response["Cache-Control"]
    assert response["X-Dateline-Cache"] == "bypass"


def test_a_page_with_a_csrf_form_is_never_cached(client, page_cache, site):
    contact = desk_page(site, slug="contact", attachments=False)
    first = client.get(contact.url)
    assert first.status_code == 200
    assert b"csrfmiddlewaretoken" in first.content
    assert first["Cache-Control"] == "private, no-store"
    second = client.get(contact.url)
    assert second["X-Dateline-Cache"] == "bypass"


def test_the_admin_is_never_cached(client, page_cache, editor):
    client.force_login(editor)
    assert client.get("/admin/")["X-Dateline-Cache"] == "bypass"


def test_switched_off_nothing_is_stored(client, page_cache, story):
    # override_settings, not pytest-django's ``settings``: its teardown would run after
    # page_cache's and bring the page cache back on for every later test.
    with override_settings(DATELINE_PAGE_CACHE=False):
        client.get(story.url)
        response = client.get(story.url)
        assert "X-Dateline-Cache" not in response
        assert pagecache.enabled() is False


# A story's publish retires only what shows it ------------------------------------------


@pytest.fixture
def other_story(site):
    """A story that shares nothing with ``story``: another region, no author in common."""
    return ArticlePageFactory(
        parent=site["home"], title="Steppe wheat harvest begins", terms=[site["kazakhstan"]]
    )


def assert_served_from_the_cache(client, url: str) -> None:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response["X-Dateline-Cache"] == "hit", url
    assert len(queries) == 0, url


def test_publishing_a_story_leaves_the_pages_that_do_not_show_it_stored(
    client, page_cache, site, story, other_story, django_capture_on_commit_callbacks
):
    unrelated = [other_story.url, site["kazakhstan"].url, site["central_asia"].url]
    showing = [story.url, site["caucasus"].url, site["armenia"].url, "/", "/feeds/rss/"]
    for url in unrelated + showing:
        assert client.get(url).status_code == 200, url
    publish_change(story, django_capture_on_commit_callbacks, title="Mountain road reopens")
    for url in unrelated:
        assert_served_from_the_cache(client, url)
    for url in showing:
        response = client.get(url)
        assert response["X-Dateline-Cache"] == "miss", url
        assert b"Mountain road reopens" in response.content, url
        assert b"Floods close the mountain road" not in response.content, url


def test_publishing_a_story_keeps_what_every_page_repeats(
    client, page_cache, site, story, other_story, django_capture_on_commit_callbacks, monkeypatch
):
    """The header's menus, footer and settings are not rendered again for a story."""
    from dateline.taxonomy import selectors

    assert client.get("/").status_code == 200  # what every page shares is now stored
    menus_read = []
    original = selectors.edition_menus
    monkeypatch.setattr(
        selectors, "edition_menus", lambda locale: menus_read.append(locale) or original(locale)
    )
    publish_change(story, django_capture_on_commit_callbacks, title="Mountain road reopens")
    response = client.get(other_story.url)  # never stored: rendered now, with the chrome kept
    assert response["X-Dateline-Cache"] == "miss"
    assert b"Caucasus" in response.content  # the Regions menu
    assert menus_read == []


def test_a_live_update_refreshes_its_story_and_nothing_else(
    client, page_cache, site, story, other_story, django_capture_on_commit_callbacks
):
    from dateline.news import services

    editor = get_user_model().objects.create_user("live-editor", first_name="Nino")
    for url in (story.url, other_story.url, "/", site["caucasus"].url):
        client.get(url)
    with django_capture_on_commit_callbacks(execute=True):
        services.post_live_update(story, editor, headline="Road cleared", body="<p>Open.</p>")
    for url in (other_story.url, "/", site["caucasus"].url):
        assert_served_from_the_cache(client, url)
    response = client.get(story.url)
    assert response["X-Dateline-Cache"] == "miss"
    assert b"Road cleared" in response.content


def test_a_renamed_term_shows_on_every_page(
    client, page_cache, site, story, other_story, django_capture_on_commit_callbacks
):
    """A term is in the header's menus and on story pages: its rename retires the edition."""
    for url in (story.url, other_story.url):
        assert b">Armenia<" in client.get(url).content
    publish_change(site["armenia"], django_capture_on_commit_callbacks, title="Hayastan")
    for url in (story.url, other_story.url, site["caucasus"].url):
        html = client.get(url).content
        assert b"Hayastan" in html, url
        assert b">Armenia<" not in html, url


def test_a_story_taken_off_a_term_leaves_that_terms_pages(
    client, page_cache, site, story, django_capture_on_commit_callbacks
):
    from dateline.news.models import ArticleTag

    assert b"Floods close the mountain road" in client.get(site["armenia"].url).content
    story.tags = [ArticleTag(term=site["caucasus"])]
    publish_change(story, django_capture_on_commit_callbacks)
    assert b"Floods close the mountain road" not in client.get(site["armenia"].url).content
    assert b"Floods close the mountain road" in client.get(site["caucasus"].url).content


def test_a_new_story_in_the_edition_joins_its_home_page_and_term_pages(
    client, page_cache, site, story, other_story, django_capture_on_commit_callbacks
):
    for url in ("/", site["armenia"].url, other_story.url):
        client.get(url)
    new = ArticlePageFactory(parent=site["home"], title="Bridge rebuilt", terms=[site["armenia"]])
    with django_capture_on_commit_callbacks(execute=True):
        new.save_revision().publish()
    for url in ("/", site["armenia"].url, site["caucasus"].url):
        assert b"Bridge rebuilt" in client.get(url).content, url
    assert_served_from_the_cache(client, other_story.url)


def test_a_translations_publish_adds_the_language_link_to_the_stored_story(
    client, page_cache, site, story, other_story, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        russian = make_russian_edition(site)
    for url in (story.url, other_story.url):
        client.get(url)
    with django_capture_on_commit_callbacks(execute=True):
        translated = translate(story, russian["home"].locale, title="Оползни закрыли дорогу")
    assert f'hreflang="ru" href="http://localhost{translated.url}"' in (
        client.get(story.url).content.decode()
    )
    assert_served_from_the_cache(client, other_story.url)


def test_the_addresses_a_story_touches_are_its_own_its_listings_and_feeds(site, story, other_story):
    urls = pagecache.urls_touched(story)
    base = "http://localhost"
    expected = [
        f"{base}{story.url}",
        f"{base}/",
        f"{base}{site['caucasus'].url}",
        f"{base}{site['armenia'].url}",
        f"{base}{site['author'].url}",
        f"{base}/feeds/rss/",
        f"{base}/feeds/atom/",
        f"{base}/feeds/rss{site['armenia'].url}",
        f"{base}/sitemap-en.xml",
        f"{base}/news-sitemap-en.xml",
        f"{base}/search/",  # the edge bans every search of the edition with it
    ]
    for url in expected:
        assert url in urls, url
    assert f"{base}{other_story.url}" not in urls
    assert f"{base}{site['kazakhstan'].url}" not in urls
