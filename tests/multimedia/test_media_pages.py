"""Blogs, podcast episodes, videos and visual stories as readers and editors meet them."""

import re

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from dateline.multimedia.models import (
    BlogAuthor,
    BlogPage,
    BlogPostPage,
    PodcastEpisodePage,
    VideoPage,
)
from tests.helpers.factories import ArticlePageFactory, AuthorPageFactory, ImageFactory
from tests.helpers.media_factories import (
    BlogPageFactory,
    BlogPostPageFactory,
    PodcastEpisodePageFactory,
    PodcastSeriesPageFactory,
    VideoPageFactory,
    VisualStoryPageFactory,
    document,
    make_media,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def media(site):
    return {**site, **make_media(site)}


# Blogs ---------------------------------------------------------------------------------


def test_blog_page_shows_description_authors_feed_and_posts_newest_first(client, media):
    blog = BlogPageFactory(parent=media["blogs"], title="The Kitchen Table", slug="kitchen-table")
    BlogAuthor.objects.create(page=blog, author=media["author"], sort_order=0)
    older = BlogPostPageFactory(parent=blog, title="Lavash bakers", slug="lavash")
    newer = BlogPostPageFactory(parent=blog, title="Plov at dawn", slug="plov")
    html = client.get("/blogs/kitchen-table/").content.decode()
    assert "A blog about food and feasts." in html
    assert 'href="/authors/nino-beridze/"' in html
    assert 'href="/feeds/rss/blogs/kitchen-table/"' in html
    assert html.index(newer.title) < html.index(older.title)


def test_blog_post_is_an_article_in_every_other_respect(client, media):
    blog = BlogPageFactory(parent=media["blogs"], slug="front-lines")
    post = BlogPostPageFactory(
        parent=blog, slug="drones", title="Drones in the mountains",
        terms=[media["armenia"], media["politics"]], authors=[media["author"]],
    )  # fmt: skip
    related = ArticlePageFactory(parent=media["home"], terms=[media["armenia"]])
    response = client.get("/blogs/front-lines/drones/")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<h1 class="story__title">Drones in the mountains</h1>' in html
    assert 'href="/authors/nino-beridze/"' in html
    assert related.title in html, "Related should list an article sharing a tag"
    # It is listed where articles are: its place's listing and Related of the article.
    assert post.title in client.get("/regions/caucasus/armenia/").content.decode()
    assert post.title in client.get(related.url).content.decode()
    assert BlogPostPage.objects.get(pk=post.pk).place_terms == [media["armenia"].page_ptr]


# Podcasts ------------------------------------------------------------------------------


def test_episode_page_has_an_accessible_player_notes_chapters_and_transcript(client, media):
    series = PodcastSeriesPageFactory(parent=media["podcasts"], title="The Weekly", slug="weekly")
    episode = PodcastEpisodePageFactory(
        parent=series, slug="ep-1", title="Ceasefires", season_number=2, episode_number=14,
        chapters=[("chapter", {"start": "0:01", "title": "The news"}),
                  ("chapter", {"start": "0:00", "title": "Hello"})],
        terms=[media["caucasus"]],
    )  # fmt: skip
    html = client.get("/podcasts/weekly/ep-1/").content.decode()
    audio_url = episode.audio.file.url
    assert re.search(
        r'<audio class="player__audio" controls preload="metadata" aria-labelledby=', html
    )
    assert f'<source src="{audio_url}" type="audio/mpeg">' in html
    assert f'<a href="{audio_url}" download>Download the episode</a>' in html
    assert "Season 2, episode 14" in html
    assert 'href="/podcasts/weekly/">The Weekly</a>' in html
    assert "Notes with a" in html and 'id="transcript"' in html
    hello, news = html.index("Hello"), html.index("The news")
    assert hello < news, "chapters are listed in time order"
    assert f'href="{audio_url}#t=1"' in html


def test_episode_duration_is_read_from_the_uploaded_mp3(media):
    series = PodcastSeriesPageFactory(parent=media["podcasts"])
    episode = PodcastEpisodePageFactory(parent=series, duration=0)
    assert PodcastEpisodePage.objects.get(pk=episode.pk).duration == 2
    assert episode.duration_text == "00:00:02"


def test_episode_refuses_a_non_audio_file_and_a_bad_chapter_time(media):
    series = PodcastSeriesPageFactory(parent=media["podcasts"])
    episode = PodcastEpisodePageFactory(parent=series)
    episode.audio = document("notes.pdf", b"%PDF-1.4")
    episode.chapters = [("chapter", {"start": "half past", "title": "Later"})]
    with pytest.raises(ValidationError) as error:
        episode.clean()
    assert "MP3, M4A or OGG" in str(error.value.message_dict["audio"])
    assert "“half past” is not a time" in str(error.value.message_dict["chapters"])


# Video ---------------------------------------------------------------------------------


def test_self_hosted_video_has_poster_and_captions_track(client, media):
    video = document("report.webm", b"\x1aE\xdf\xa3webm")
    captions = document("report.vtt", b"WEBVTT\n\n00:00.000 --> 00:01.000\nHello\n")
    VideoPageFactory(
        parent=media["video"], slug="report", video=video, captions=captions, external_url=""
    )
    html = client.get("/video/report/").content.decode()
    assert re.search(
        r'<video class="video__player" controls preload="none" playsinline poster="[^"]+\.jpg"',
        html,
    )
    assert f'<source src="{video.file.url}" type="video/webm">' in html
    assert f'<track kind="captions" src="{captions.file.url}" srclang="en"' in html


def test_external_video_is_a_link_card_that_loads_nothing_from_the_platform(client, media):
    VideoPageFactory(parent=media["video"], slug="explainer", title="The corridor")
    html = client.get("/video/explainer/").content.decode()
    assert 'href="https://www.youtube.com/watch?v=abc"' in html
    assert "Watch “The corridor” on youtube.com" in html
    assert "<iframe" not in html
    # No src= of any element points at another host.
    assert not re.findall(r'src(?:set)?="(?:https?:)?//', html)


def test_video_needs_a_file_or_an_address_and_captions_must_be_webvtt(media):
    page = VideoPage(title="Empty", standfirst="x")
    with pytest.raises(ValidationError) as error:
        page.clean()
    assert "Upload a video file or give its address" in str(error.value)
    page.video = document("film.avi", b"RIFF")
    with pytest.raises(ValidationError) as error:
        page.clean()
    assert "MP4 and WebM" in str(error.value)
    page.video = document("film.mp4", b"....ftyp")
    page.captions = document("subs.srt", b"1\n")
    with pytest.raises(ValidationError) as error:
        page.clean()
    assert "WebVTT" in str(error.value)


# Visual stories ------------------------------------------------------------------------


def test_visual_story_is_light_responsive_lazy_and_in_modern_formats(client, media):
    VisualStoryPageFactory(parent=media["stories"], slug="aral", terms=[media["kazakhstan"]])
    html = client.get("/visual-stories/aral/").content.decode()
    figures = html.count('<figure class="visual-story__photo">')
    assert figures == 3
    assert html.count('type="image/avif"') == 3 and html.count('type="image/webp"') == 3
    assert html.count('loading="lazy"') == 2, "all photographs but the first load lazily"
    assert 'fetchpriority="high"' in html
    assert re.search(r'srcset="[^" ]+ \d+w(, [^" ]+ \d+w)*"', html)
    assert "Caption 0" in html and "Photo: A" in html


# Sections and listings -----------------------------------------------------------------


def test_sections_list_what_they_hold_and_terms_list_media(client, media):
    series = PodcastSeriesPageFactory(parent=media["podcasts"], title="In Conversation")
    episode = PodcastEpisodePageFactory(parent=series, terms=[media["kazakhstan"]])
    VideoPageFactory(parent=media["video"], title="A film", terms=[media["kazakhstan"]])
    assert "In Conversation" in client.get("/podcasts/").content.decode()
    assert "A film" in client.get("/video/").content.decode()
    listing = client.get("/regions/central-asia/").content.decode()
    assert episode.title in listing and "A film" in listing


def test_term_listing_queries_do_not_grow_with_media_items(client, media):
    series = PodcastSeriesPageFactory(parent=media["podcasts"])

    def queries():
        client.get("/regions/central-asia/kazakhstan/")
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/regions/central-asia/kazakhstan/").status_code == 200
        return len(captured)

    PodcastEpisodePageFactory(parent=series, terms=[media["kazakhstan"]], lead_image=ImageFactory())
    VideoPageFactory(parent=media["video"], terms=[media["kazakhstan"]])
    few = queries()
    for _ in range(3):
        PodcastEpisodePageFactory(
            parent=series, terms=[media["kazakhstan"], media["politics"]], lead_image=ImageFactory()
        )
        VideoPageFactory(parent=media["video"], terms=[media["kazakhstan"]])
    assert queries() == few


def test_episode_page_queries_do_not_grow_with_tags_or_chapters(client, media):
    series = PodcastSeriesPageFactory(parent=media["podcasts"], slug="s")

    def queries(url):
        client.get(url)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    small = PodcastEpisodePageFactory(parent=series, slug="a", terms=[media["armenia"]])
    big = PodcastEpisodePageFactory(
        parent=series, slug="b",
        terms=[media["armenia"], media["georgia"], media["caucasus"], media["politics"]],
        chapters=[("chapter", {"start": f"0:0{i}", "title": f"Part {i}"}) for i in range(5)],
    )  # fmt: skip
    assert queries(big.url) == queries(small.url)


def test_media_menu_lists_sections_shown_in_menus(client, media):
    html = client.get("/").content.decode()
    assert 'href="/podcasts/"' in html and 'href="/visual-stories/"' in html
    assert 'class="menu-panel__term" href="/blogs/"' not in html


def test_blog_author_credit_uses_the_edition_author(media):
    other = AuthorPageFactory(parent=media["authors"], title="Timur", slug="timur")
    blog = BlogPageFactory(parent=media["blogs"])
    BlogAuthor.objects.create(page=blog, author=other, sort_order=0)
    assert [a.title for a in BlogPage.objects.get(pk=blog.pk).author_pages] == ["Timur"]


def test_translations_point_at_their_own_editions_terms_and_authors(media):
    from tests.helpers.factories import make_russian_edition, translate

    ru = make_russian_edition(media)
    locale = ru["home"].locale
    blogs_ru = translate(media["blogs"], locale, title="Блоги")
    blog = BlogPageFactory(parent=media["blogs"])
    BlogAuthor.objects.create(page=blog, author=media["author"], sort_order=0)
    post = BlogPostPageFactory(parent=blog, terms=[media["armenia"]], authors=[media["author"]])
    blog_ru = translate(blog, locale, title="Блог")
    post_ru = translate(post, locale, title="Запись", slug="zapis")
    assert blogs_ru.pk == blog_ru.get_parent().pk
    assert [a.pk for a in BlogPage.objects.get(pk=blog_ru.pk).author_pages] == [ru["author"].pk]
    post_ru = BlogPostPage.objects.get(pk=post_ru.pk)
    assert [t.pk for t in post_ru.place_terms] == [ru["armenia"].pk]
    assert [a.pk for a in post_ru.author_pages] == [ru["author"].pk]
    series = PodcastSeriesPageFactory(parent=media["podcasts"])
    episode = PodcastEpisodePageFactory(parent=series, terms=[media["armenia"]])
    translate(media["podcasts"], locale, title="Подкасты")
    translate(series, locale, title="Подкаст")
    episode_ru = PodcastEpisodePage.objects.get(pk=translate(episode, locale, title="Выпуск").pk)
    assert [t.pk for t in episode_ru.place_terms] == [ru["armenia"].pk]


# Reader-side finish (#20) ---------------------------------------------------------------


def test_a_blog_post_names_its_blog_and_its_cards_say_whose_column_it_is(client, media):
    blog = BlogPageFactory(parent=media["blogs"], title="Kitchen Notes", slug="kitchen-notes")
    BlogPostPageFactory(parent=blog, title="Plov for forty", slug="plov", terms=[media["armenia"]])
    html = client.get("/blogs/kitchen-notes/plov/").content.decode()
    story_header = html[html.index('<header class="story__header">') :]
    assert '<a href="/blogs/kitchen-notes/">Kitchen Notes</a>' in story_header[:600]
    # The newsroom publishes the column: its structured data names the site, at the home page.
    data = re.search(r'"publisher":\s*(\{[^}]*\})', html)[1]
    assert re.search(r'"url":\s*"http://localhost/"', data), data
    for listing in ("/regions/caucasus/", "/"):
        page = client.get(listing).content.decode()
        card = page[page.index(">Plov for forty<") - 1500 : page.index(">Plov for forty<")]
        assert (
            '<p class="card__label"><a href="/blogs/kitchen-notes/">Kitchen Notes</a></p>' in card
        )


def test_episodes_and_videos_in_listings_show_their_kind_and_artwork(client, media):
    series = PodcastSeriesPageFactory(parent=media["podcasts"], title="The Weekly", slug="weekly")
    PodcastEpisodePageFactory(parent=series, title="Bare episode", terms=[media["armenia"]])
    VideoPageFactory(parent=media["video"], title="Border video", terms=[media["armenia"]])
    html = client.get("/regions/caucasus/").content.decode()
    for title, kind in [("Bare episode", "Podcast"), ("Border video", "Video")]:
        start = html.rindex('<article class="card', 0, html.index(f">{title}<"))
        card = html[start : html.index("</article>", start)]
        assert f'<p class="card__label">{kind}</p>' in card, title
        assert '<a class="card__media"' in card and "<img" in card, title
    # The episode has no art of its own: the series' cover stands in.
    cover = series.cover_image.file.name.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    start = html.rindex('<article class="card', 0, html.index(">Bare episode<"))
    assert cover in html[start : html.index("</article>", start)]


def test_chapter_links_seek_the_pages_player_and_work_as_links_without_script(client, media):
    series = PodcastSeriesPageFactory(parent=media["podcasts"], slug="weekly")
    episode = PodcastEpisodePageFactory(
        parent=series, slug="one", chapters=[("chapter", {"start": "1:05", "title": "News"})]
    )
    html = client.get("/podcasts/weekly/one/").content.decode()
    assert f'href="{episode.audio.file.url}#t=65" data-seek="65"' in html
    assert 'class="player__audio"' in html
