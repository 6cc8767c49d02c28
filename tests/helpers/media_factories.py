"""Factories for blogs, podcasts, video and visual stories, built through Wagtail's page API."""

import datetime as dt
from functools import lru_cache

import factory
import wagtail_factories
from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.rich_text import RichText

from dateline.home.demo.media import chord_mp3
from dateline.multimedia.models import (
    BlogPage,
    BlogPostPage,
    MediaSectionPage,
    MediaTag,
    PodcastEpisodePage,
    PodcastSeriesPage,
    VideoPage,
    VisualStoryPage,
)
from dateline.news.models import ArticleAuthor, ArticleTag
from tests.helpers.factories import ImageFactory


@lru_cache(maxsize=1)
def two_second_mp3() -> bytes:
    return chord_mp3((220.0, 330.0), seconds=2.0)


def document(name: str, content: bytes, title: str = "A file"):
    doc = get_document_model()(title=title)
    doc.file.save(name, ContentFile(content), save=False)
    doc.save()
    return doc


def audio_document(name: str = "episode.mp3"):
    return document(name, two_second_mp3(), title="Episode audio")


class MediaSectionPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = MediaSectionPage

    intro = "A media section."
    show_in_menus = True


class BlogPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = BlogPage

    title = factory.Sequence(lambda n: f"Blog {n}")
    description = "A blog about food and feasts."


def _dates(n):
    return timezone.make_aware(dt.datetime(2024, 1, 1, 12)) + dt.timedelta(days=n)


class BlogPostPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = BlogPostPage
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Blog post {n}")
    standfirst = factory.LazyAttribute(lambda o: f"About {o.title.lower()}.")
    first_published_at = factory.Sequence(_dates)
    last_published_at = factory.SelfAttribute("first_published_at")
    body = factory.LazyFunction(lambda: [("paragraph", RichText("<p>A post's paragraph.</p>"))])

    @factory.post_generation
    def terms(self, create, terms, **kwargs):
        for order, term in enumerate(terms or []):
            ArticleTag.objects.create(page=self, term=term, sort_order=order)

    @factory.post_generation
    def authors(self, create, authors, **kwargs):
        for order, author in enumerate(authors or []):
            ArticleAuthor.objects.create(page=self, author=author, sort_order=order)


def _tag(page, terms):
    for order, term in enumerate(terms or []):
        MediaTag.objects.create(page=page, term=term, sort_order=order)


class PodcastSeriesPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = PodcastSeriesPage

    title = factory.Sequence(lambda n: f"Podcast {n}")
    description = "Conversations about the region."
    category = "News/Politics"
    owner_name = "The Newsroom"
    owner_email = "podcasts@example.org"
    hosts = "Nino Beridze"
    cover_image = factory.SubFactory(ImageFactory)


class PodcastEpisodePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = PodcastEpisodePage
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Episode {n}")
    standfirst = factory.LazyAttribute(lambda o: f"In {o.title.lower()}, we talk.")
    audio = factory.LazyFunction(audio_document)
    season_number = 1
    episode_number = factory.Sequence(lambda n: n + 1)
    show_notes = '<p>Notes with a <a href="/about/">link</a>.</p>'
    transcript = "Host: Welcome to the show."
    first_published_at = factory.Sequence(_dates)
    last_published_at = factory.SelfAttribute("first_published_at")

    @factory.post_generation
    def terms(self, create, terms, **kwargs):
        _tag(self, terms)


class VideoPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = VideoPage
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Video {n}")
    standfirst = "A video report."
    lead_image = factory.SubFactory(ImageFactory)
    external_url = "https://www.youtube.com/watch?v=abc"

    @factory.post_generation
    def terms(self, create, terms, **kwargs):
        _tag(self, terms)


class VisualStoryPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = VisualStoryPage
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Visual story {n}")
    standfirst = "Photographs from a village."
    body = factory.LazyFunction(
        lambda: [
            (
                "photo",
                {
                    "image": ImageFactory(),
                    "caption": f"Caption {i}",
                    "credit": "Photo: A",
                    "alt": "",
                },
            )  # fmt: skip
            for i in range(3)
        ]
    )

    @factory.post_generation
    def terms(self, create, terms, **kwargs):
        _tag(self, terms)


def make_media(site: dict) -> dict:
    """Media sections under the test site's home: blogs, podcasts, video, visual stories."""
    home = site["home"]
    blogs = MediaSectionPageFactory(parent=home, title="Blogs", slug="blogs", show_in_menus=False)
    podcasts = MediaSectionPageFactory(parent=home, title="Podcast", slug="podcasts")
    video = MediaSectionPageFactory(parent=home, title="Video", slug="video")
    stories = MediaSectionPageFactory(parent=home, title="Visual Stories", slug="visual-stories")
    return {"blogs": blogs, "podcasts": podcasts, "video": video, "stories": stories}
