"""Posts sent to a named blog (and, with audio, to a podcast) by the mapping or an option."""

from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Page

from dateline.core.models import StandardPage
from dateline.imports.convert.audio import episode_audio
from dateline.imports.models import ImportedItem
from dateline.multimedia.models import BlogPostPage, PodcastEpisodePage
from dateline.news.models import ArticlePage
from tests.helpers.media_factories import (
    BlogPageFactory,
    PodcastSeriesPageFactory,
    make_media,
    two_second_mp3,
)

FIXTURES = Path(__file__).parent / "fixtures"

pytestmark = pytest.mark.django_db


@pytest.fixture
def blog(site):
    media = make_media(site)
    return BlogPageFactory(parent=media["blogs"], title="Field Notes", slug="field-notes")


def test_mapped_categories_and_tags_become_posts_of_the_blog(
    site, blog, run_import, tmp_path, client
):
    mapping = tmp_path / "terms.csv"
    mapping.write_text(
        "taxonomy,old_slug,dateline_slug\n"
        "category,field-notes,blog:field-notes\n"
        "tag,notebook,blog:field-notes\n"
    )
    report = run_import("wordpress", FIXTURES / "blogs.xml", "--mapping", mapping)
    assert report["counts"]["created"] == 4
    posts = BlogPostPage.objects.child_of(blog).order_by("first_published_at")
    assert [p.slug for p in posts] == ["fish-market", "ferryman"]
    market = posts[0]
    assert market.live and market.url == "/blogs/field-notes/fish-market/"
    assert [a.author.title for a in market.authors.all()] == ["Aida Osmonova"]
    # The blog's category is not a tag too; its other terms are.
    assert [t.term.slug for t in market.tags.all()] == ["politics"]
    assert report["unmapped_terms"] == []
    # The rest is news, pages are pages.
    harbour = Page.objects.get(slug="harbour").specific
    assert type(harbour) is ArticlePage and harbour.get_parent().pk == site["home"].pk
    assert isinstance(Page.objects.get(slug="about").specific, StandardPage)
    # Readers: the blog lists its posts; old addresses lead to them.
    assert "A morning at the fish market" in client.get(blog.url).content.decode()
    assert client.get("/field-notes/fish-market/")["Location"] == market.url
    assert client.get("/?p=42")["Location"] == "/blogs/field-notes/ferryman/"

    again = run_import("wordpress", FIXTURES / "blogs.xml", "--mapping", mapping)
    assert again["counts"]["created"] == 0 and again["counts"]["unchanged"] == 4
    assert BlogPostPage.objects.child_of(blog).count() == 2


def test_every_post_to_the_blog_with_the_option(site, blog, run_import):
    report = run_import("wordpress", FIXTURES / "blogs.xml", "--blog", "field-notes")
    assert report["counts"]["created"] == 4
    assert BlogPostPage.objects.child_of(blog).count() == 3
    assert not ArticlePage.objects.filter(blogpostpage=None).exists()
    assert isinstance(Page.objects.get(slug="about").specific, StandardPage)
    # An update keeps the post in its blog.
    key = ImportedItem.objects.get(source_id="43")
    key.checksum = "changed"
    key.save()
    again = run_import("wordpress", FIXTURES / "blogs.xml", "--blog", "field-notes")
    assert again["counts"]["updated"] == 1
    harbour = BlogPostPage.objects.get(slug="harbour")
    assert harbour.get_parent().pk == blog.pk and harbour.live


def test_a_blog_that_does_not_exist_stops_the_run_before_it_starts(site, tmp_path):
    with pytest.raises(CommandError, match="blog:kitchen .*no blog with the slug 'kitchen'"):
        call_command("import", "wordpress", FIXTURES / "blogs.xml", "--blog", "kitchen",
                     "--no-progress")  # fmt: skip
    assert not ImportedItem.objects.exists()


@pytest.fixture
def series(site, media_root):  # its cover art among the test's media files
    media = make_media(site)
    return PodcastSeriesPageFactory(parent=media["podcasts"], title="The Weekly", slug="weekly")


@pytest.fixture
def uploads(tmp_path):
    """The old uploads folder, with the episode's audio: a real two-second MP3."""
    folder = tmp_path / "uploads"
    (folder / "2024" / "05").mkdir(parents=True)
    (folder / "2024" / "05" / "weekly-12.mp3").write_bytes(two_second_mp3())
    return folder


def test_audio_posts_of_the_mapped_category_become_episodes(
    site, series, media_root, uploads, run_import, tmp_path, client
):
    mapping = tmp_path / "terms.csv"
    mapping.write_text("category,the-weekly,podcast:weekly\n")
    report = run_import(
        "wordpress", FIXTURES / "podcast.xml", "--mapping", mapping, "--media-dir", uploads
    )
    assert report["counts"]["created"] == 3
    twelve = PodcastEpisodePage.objects.get(slug="episode-12")
    assert twelve.get_parent().pk == series.pk and twelve.live
    assert twelve.standfirst == "Who owns the river?"
    assert twelve.audio is not None and twelve.duration == 2  # read from the file
    assert twelve.show_notes == (
        '<p>This week: who owns the river, with <a href="https://water.example.org/report">'
        "the council's report</a>.</p><p><b>Guests</b></p><p>Nino Beridze, hydrologist.</p>"
    )
    assert [t.term.slug for t in twelve.media_tags.all()] == ["georgia"]
    # The rerun plays the same file: imported once.
    thirteen = PodcastEpisodePage.objects.get(slug="episode-13")
    assert thirteen.audio_id == twelve.audio_id and report["counts"]["media_imported"] == 1
    assert "The same conversation again" in thirteen.show_notes
    # A post of the category without audio stays an article, with a warning.
    brk = ArticlePage.objects.get(slug="summer-break")
    assert brk.get_parent().pk == site["home"].pk
    assert report["warnings"] == [
        {"item": "92", "message": "podcast:weekly: no audio file, not an episode"}
    ]
    # Readers: the episode plays, the podcast feed has it, the old address leads to it.
    page = client.get(twelve.url).content.decode()
    assert "<audio" in page and twelve.audio.file.url in page
    feed = client.get("/feeds/podcast/podcasts/weekly/").content.decode()
    assert twelve.audio.file.url in feed and "<itunes:duration>" in feed
    assert client.get("/the-weekly/episode-12/")["Location"] == twelve.url

    again = run_import(
        "wordpress", FIXTURES / "podcast.xml", "--mapping", mapping, "--media-dir", uploads
    )
    assert again["counts"]["created"] == 0 and again["counts"]["unchanged"] == 3
    assert PodcastEpisodePage.objects.child_of(series).count() == 2


def test_every_audio_post_to_the_podcast_with_the_option(
    site, series, media_root, uploads, run_import
):
    run_import("wordpress", FIXTURES / "podcast.xml", "--podcast", "weekly", "--media-dir", uploads)
    assert sorted(PodcastEpisodePage.objects.values_list("slug", flat=True)) == [
        "episode-12",
        "episode-13",
    ]


@pytest.mark.parametrize(
    "body",
    [
        '[audio mp3="https://old.example/a.mp3"][/audio]<p>Notes.</p>',
        '<!-- wp:audio --><figure class="wp-block-audio"><audio controls '
        'src="https://old.example/a.mp3"></audio></figure><!-- /wp:audio -->',
        '<div class="kg-card kg-audio-card"><audio src="https://old.example/a.mp3"></audio></div>',
        '<audio controls><source src="https://old.example/a.mp3" type="audio/mpeg"></audio>',
    ],
)
def test_the_audio_a_post_plays_in_each_markup(body):
    assert episode_audio(body) == "https://old.example/a.mp3"


def test_a_post_that_only_mentions_audio_plays_none():
    assert episode_audio("<p>Audio engineers went on strike.</p>") == ""
