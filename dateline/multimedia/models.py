"""Blogs, podcasts, video and visual stories, and the Media sections that hold them.

A blog post is an article in every other respect (``BlogPostPage`` extends
``news.ArticlePage``), so tags, search, Related and feeds treat it as one. Podcast
episodes, videos and visual stories share ``MediaItemPage``: a standfirst, a cover image
and tags, which is the "article-like" shape the listing card reads.
"""

import uuid
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Prefetch, prefetch_related_objects
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model
from wagtail.images.blocks import ImageChooserBlock
from wagtail.models import Orderable, Page
from wagtail.search import index

from dateline.core.blocks import RICH_TEXT_FEATURES, prefetch_image_renditions
from dateline.core.pagination import paginate
from dateline.news.models import ArticlePage
from dateline.taxonomy.models import PLACE_TERM_MODELS, TERM_MODELS

from . import selectors

AUDIO_TYPES = {
    ".mp3": "audio/mpeg",
    ".m4a": "audio/x-m4a",
    ".mp4": "audio/mp4",
    ".ogg": "audio/ogg",
}
VIDEO_TYPES = {".mp4": "video/mp4", ".webm": "video/webm", ".m4v": "video/x-m4v"}


def audio_file_is_readable(document) -> bool:
    """True if the document's stored file reads as audio (by content, not by its name)."""
    from dateline.core.uploads import is_audio  # its document form needs the app registry

    try:
        with document.file.open("rb") as handle:
            return is_audio(handle)
    except (OSError, ValueError):
        return False


def file_type(document, types: dict) -> str:
    """The MIME type of an uploaded file, from its extension ("" if not one of ``types``)."""
    name = document.file.name.lower() if document and document.file else ""
    return next((mime for ext, mime in types.items() if name.endswith(ext)), "")


class MediaSectionPage(Page):
    """A section of the Media menu (Visual Stories, Podcast, Video) or the Blogs section.

    Sections marked "show in menus" appear in the header's Media panel, in tree order. A
    section lists what it holds, newest first.
    """

    intro = models.TextField(_("introduction"), blank=True)
    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = [
        "multimedia.BlogPage",
        "multimedia.PodcastSeriesPage",
        "multimedia.VideoPage",
        "multimedia.VisualStoryPage",
    ]

    class Meta:
        verbose_name = _("media section")

    def get_meta_description(self) -> str:
        return self.search_description or self.intro

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["page_obj"] = paginate(
            request, selectors.section_items(self), settings.DATELINE_LISTING_PAGE_SIZE
        )
        context["items"] = selectors.with_media_card_data(list(context["page_obj"].object_list))
        return context


# Blogs ---------------------------------------------------------------------------------


class BlogPage(Page):
    """A named blog: its own page, description, authors and feed; its posts are articles."""

    description = models.TextField(_("description"), max_length=600)
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    content_panels = Page.content_panels + [
        FieldPanel("description"),
        FieldPanel("image"),
        InlinePanel("blog_authors", label=_("Authors")),
    ]
    search_fields = Page.search_fields + [index.SearchField("description")]
    parent_page_types = ["multimedia.MediaSectionPage"]
    subpage_types = ["multimedia.BlogPostPage"]

    class Meta:
        verbose_name = _("blog")

    # The card shape (core/components/card.html).
    @property
    def lead_image(self):
        return self.image

    @property
    def standfirst(self) -> str:
        return self.description

    @cached_property
    def author_pages(self) -> list:
        return [credit.author for credit in self.blog_authors.all()]

    def get_meta_description(self) -> str:
        return self.search_description or self.description

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The blog's own image and authors: three queries whatever the number of authors.
        prefetch_related_objects(
            [self],
            Prefetch("image", queryset=get_image_model().objects.prefetch_renditions()),
            Prefetch("blog_authors", queryset=BlogAuthor.objects.select_related("author")),
        )
        context["page_obj"] = paginate(
            request, selectors.blog_posts(self), settings.DATELINE_LISTING_PAGE_SIZE
        )
        context["items"] = selectors.with_post_card_data(list(context["page_obj"].object_list))
        return context


class BlogAuthor(Orderable):
    page = ParentalKey(BlogPage, on_delete=models.CASCADE, related_name="blog_authors")
    author = models.ForeignKey(
        "news.AuthorPage", verbose_name=_("author"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [PageChooserPanel("author")]

    class Meta(Orderable.Meta):
        verbose_name = _("author")


class BlogPostPage(ArticlePage):
    """A post in a blog, at /blogs/<blog>/<post>/: an article in every other respect."""

    parent_page_types = ["multimedia.BlogPage"]
    subpage_types: list[str] = []
    template = "news/article_page.html"

    class Meta:
        verbose_name = _("blog post")


# What podcasts, videos and visual stories share ----------------------------------------


class MediaItemPage(Page):
    """An episode, a video or a visual story: standfirst, cover image, places and topics."""

    standfirst = models.TextField(
        _("standfirst"), max_length=400, help_text=_("One or two sentences under the headline.")
    )
    lead_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("cover image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    lead_image_alt = models.CharField(
        _("alternative text"),
        max_length=300,
        blank=True,
        help_text=_("What the image shows, for readers who cannot see it."),
    )

    search_fields = Page.search_fields + [index.SearchField("standfirst")]
    is_creatable = False

    class Meta:
        verbose_name = _("media item")

    @property
    def published_at(self):
        return self.first_published_at or self.go_live_at or self.latest_revision_created_at

    @cached_property
    def place_terms(self) -> list[Page]:
        return [t.term for t in self.media_tags.all() if t.term.specific_class in PLACE_TERM_MODELS]

    @cached_property
    def topic_terms(self) -> list[Page]:
        return [
            t.term for t in self.media_tags.all() if t.term.specific_class not in PLACE_TERM_MODELS
        ]

    @property
    def author_pages(self) -> list:
        return []

    @property
    def lead_image_alt_text(self) -> str:
        return self.lead_image_alt or self.title

    def get_meta_description(self) -> str:
        return self.search_description or self.standfirst

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        selectors.prefetch_media_card_data([self])
        return context


class MediaTag(Orderable):
    """Tags an episode, a video or a visual story with a region, place, topic or collection."""

    page = ParentalKey(MediaItemPage, on_delete=models.CASCADE, related_name="media_tags")
    term = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("term"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [PageChooserPanel("term", page_type=[m._meta.label for m in TERM_MODELS])]

    class Meta(Orderable.Meta):
        verbose_name = _("place or topic")
        indexes = [models.Index(fields=["term", "page"])]


TAGS_PANEL = InlinePanel(
    "media_tags",
    label=_("Places and topics"),
    help_text=_("Regions, countries and territories first, then topics and collections."),
)


# Podcasts ------------------------------------------------------------------------------

# Apple Podcasts' categories that suit a news podcast: (value, "Category" or "Category/Sub").
PODCAST_CATEGORIES = [
    ("News", _("News")),
    ("News/Daily News", _("News — Daily News")),
    ("News/Politics", _("News — Politics")),
    ("News/News Commentary", _("News — News Commentary")),
    ("Society & Culture", _("Society & Culture")),
    ("Society & Culture/Documentary", _("Society & Culture — Documentary")),
    ("Society & Culture/Places & Travel", _("Society & Culture — Places & Travel")),
    ("Education", _("Education")),
    ("History", _("History")),
    ("Government", _("Government")),
]


class PodcastSeriesPage(Page):
    """A podcast: what podcast apps show about it, and its episodes."""

    description = models.TextField(_("description"), max_length=4000)
    cover_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("cover art"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Square, at least 1400 × 1400 pixels: podcast apps ask for it."),
    )
    category = models.CharField(
        _("category"), max_length=60, choices=PODCAST_CATEGORIES, default="News"
    )
    explicit = models.BooleanField(
        _("explicit"), default=False, help_text=_("Podcast apps warn listeners before playing.")
    )
    owner_name = models.CharField(_("owner's name"), max_length=120)
    owner_email = models.EmailField(
        _("owner's email"), help_text=_("Podcast directories write here to confirm ownership.")
    )
    hosts = models.CharField(_("hosts"), max_length=200, blank=True)
    guid = models.UUIDField(_("feed GUID"), default=uuid.uuid4, editable=False)

    content_panels = Page.content_panels + [
        FieldPanel("description"),
        FieldPanel("cover_image"),
        FieldPanel("hosts"),
        MultiFieldPanel(
            [
                FieldPanel("category"),
                FieldPanel("explicit"),
                FieldPanel("owner_name"),
                FieldPanel("owner_email"),
            ],
            heading=_("For podcast apps"),
        ),
    ]
    search_fields = Page.search_fields + [index.SearchField("description")]
    parent_page_types = ["multimedia.MediaSectionPage"]
    subpage_types = ["multimedia.PodcastEpisodePage"]

    class Meta:
        verbose_name = _("podcast series")

    @property
    def lead_image(self):
        return self.cover_image

    @property
    def standfirst(self) -> str:
        return self.description

    @property
    def language_code(self) -> str:
        return self.locale.language_code

    @property
    def category_path(self) -> list[str]:
        return self.category.split("/")

    def get_meta_description(self) -> str:
        return self.search_description or self.description[:300]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["page_obj"] = paginate(
            request, selectors.episodes_of(self), settings.DATELINE_LISTING_PAGE_SIZE
        )
        context["items"] = selectors.with_media_card_data(list(context["page_obj"].object_list))
        return context


class ChapterBlock(blocks.StructBlock):
    start = blocks.CharBlock(
        label=_("Starts at"), help_text=_("Minutes and seconds, e.g. 4:30, or 1:02:15.")
    )
    title = blocks.CharBlock(label=_("Title"))

    class Meta:
        icon = "time"
        label = _("Chapter")


def parse_timestamp(value: str) -> int:
    """Seconds in "SS", "MM:SS" or "HH:MM:SS"; ValueError for anything else."""
    parts = value.strip().split(":")
    if not 1 <= len(parts) <= 3 or not all(p.isdigit() for p in parts):
        raise ValueError(value)
    seconds = 0
    for part in parts:
        seconds = seconds * 60 + int(part)
    return seconds


def format_duration(seconds: int) -> str:
    """ "HH:MM:SS" (the form podcast apps read for itunes:duration)."""
    hours, rest = divmod(int(seconds or 0), 3600)
    return f"{hours:02d}:{rest // 60:02d}:{rest % 60:02d}"


class PodcastEpisodePage(MediaItemPage):
    """An episode: the audio file, its length, show notes, transcript and chapters."""

    EPISODE_TYPES = [("full", _("Full episode")), ("trailer", _("Trailer")), ("bonus", _("Bonus"))]

    audio = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("audio file"),
        null=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("An MP3 (or M4A) file, uploaded as a document."),
    )
    duration = models.PositiveIntegerField(
        _("duration in seconds"), default=0, help_text=_("Filled in from the file if left at 0.")
    )
    season_number = models.PositiveIntegerField(_("season"), null=True, blank=True)
    episode_number = models.PositiveIntegerField(_("episode number"), null=True, blank=True)
    episode_type = models.CharField(
        _("episode type"), max_length=10, choices=EPISODE_TYPES, default="full"
    )
    explicit = models.BooleanField(_("explicit"), default=False)
    show_notes = RichTextField(_("show notes"), features=RICH_TEXT_FEATURES, blank=True)
    transcript = models.TextField(_("transcript"), blank=True)
    chapters = StreamField(
        [("chapter", ChapterBlock())], blank=True, verbose_name=_("chapter marks")
    )
    guid = models.UUIDField(_("GUID"), default=uuid.uuid4, editable=False)

    content_panels = Page.content_panels + [
        FieldPanel("standfirst"),
        MultiFieldPanel(
            [
                FieldPanel("audio"),
                FieldPanel("duration"),
                FieldPanel("season_number"),
                FieldPanel("episode_number"),
                FieldPanel("episode_type"),
                FieldPanel("explicit"),
            ],
            heading=_("Audio"),
        ),
        MultiFieldPanel(
            [FieldPanel("lead_image"), FieldPanel("lead_image_alt")],
            heading=_("Episode art (the series' cover art if empty)"),
        ),
        FieldPanel("show_notes"),
        FieldPanel("transcript"),
        FieldPanel("chapters"),
        TAGS_PANEL,
    ]
    search_fields = MediaItemPage.search_fields + [
        index.SearchField("show_notes"),
        index.SearchField("transcript"),
    ]
    parent_page_types = ["multimedia.PodcastSeriesPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("podcast episode")

    @property
    def audio_type(self) -> str:
        return file_type(self.audio, AUDIO_TYPES)

    @property
    def audio_size(self) -> int:
        if self.audio is None:
            return 0
        return self.audio.file_size or self.audio.get_file_size() or 0

    @property
    def duration_text(self) -> str:
        return format_duration(self.duration)

    @property
    def chapter_list(self) -> list[dict]:
        """[{"start": seconds, "title": ...}] in time order; bad timestamps left out."""
        chapters = []
        for block in self.chapters:
            try:
                chapters.append({"start": parse_timestamp(block.value["start"]),
                                 "title": block.value["title"]})  # fmt: skip
            except ValueError:
                continue
        return sorted(chapters, key=lambda c: c["start"])

    def clean(self):
        super().clean()
        errors = {}
        if self.audio_id and not self.audio_type:
            errors["audio"] = _("Podcast apps play MP3, M4A or OGG files; this file is none.")
        elif self.audio_id and not audio_file_is_readable(self.audio):
            errors["audio"] = _("This file could not be read as audio. Upload an MP3, M4A or Ogg.")
        for block in self.chapters:
            try:
                parse_timestamp(block.value["start"])
            except ValueError:
                errors["chapters"] = _("“%(value)s” is not a time such as 4:30 or 1:02:15.") % {
                    "value": block.value["start"]
                }
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        if self.audio_id and not self.duration:
            from .services import audio_duration

            self.duration = audio_duration(self.audio)
        super().save(*args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["series"] = self.get_parent().specific
        return context


# Video ---------------------------------------------------------------------------------


class VideoPage(MediaItemPage):
    """A video: a file served by the newsroom (with poster and captions), or a link card to
    a video on another platform, which loads nothing from that host until clicked."""

    video = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("video file"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("An MP4 or WebM file. Leave empty to link to another platform instead."),
    )
    captions = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("captions (WebVTT)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("A .vtt file in the page's language."),
    )
    external_url = models.URLField(_("address on another platform"), blank=True)
    duration = models.PositiveIntegerField(_("duration in seconds"), default=0, blank=True)
    description = RichTextField(_("description"), features=RICH_TEXT_FEATURES, blank=True)
    transcript = models.TextField(_("transcript"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("standfirst"),
        MultiFieldPanel(
            [
                FieldPanel("video"),
                FieldPanel("captions"),
                FieldPanel("external_url"),
                FieldPanel("duration"),
            ],
            heading=_("Video"),
        ),
        MultiFieldPanel(
            [FieldPanel("lead_image"), FieldPanel("lead_image_alt")], heading=_("Poster image")
        ),
        FieldPanel("description"),
        FieldPanel("transcript"),
        TAGS_PANEL,
    ]
    search_fields = MediaItemPage.search_fields + [
        index.SearchField("description"),
        index.SearchField("transcript"),
    ]
    parent_page_types = ["multimedia.MediaSectionPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("video")

    @property
    def video_type(self) -> str:
        return file_type(self.video, VIDEO_TYPES)

    @property
    def platform(self) -> str:
        host = urlsplit(self.external_url).hostname or ""
        return host.removeprefix("www.").removeprefix("m.")

    def clean(self):
        super().clean()
        if not self.video_id and not self.external_url:
            raise ValidationError(
                {"video": _("Upload a video file or give its address on another platform.")}
            )
        if self.video_id and not self.video_type:
            raise ValidationError(
                {"video": _("Browsers play MP4 and WebM files; this is neither.")}
            )
        if self.captions_id and not self.captions.file.name.lower().endswith(".vtt"):
            raise ValidationError({"captions": _("Captions must be a WebVTT (.vtt) file.")})


# Visual stories ------------------------------------------------------------------------


class PhotoBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    caption = blocks.TextBlock(required=False, label=_("Caption"))
    credit = blocks.CharBlock(required=False, label=_("Credit"))
    alt = blocks.CharBlock(
        required=False,
        label=_("Alternative text"),
        help_text=_("What the image shows. Defaults to the caption."),
    )

    class Meta:
        icon = "image"
        label = _("Photograph")


class VisualStoryBlock(blocks.StreamBlock):
    photo = PhotoBlock()
    text = blocks.RichTextBlock(features=RICH_TEXT_FEATURES, label=_("Text"))


# The sizes and formats of a visual story's photographs (visual_story_page.html's srcset).
PHOTO_RENDITIONS = [
    f"width-{w}|format-{f}" for w in (640, 1024, 1600) for f in ("avif", "webp", "jpeg")
]


class VisualStoryPage(MediaItemPage):
    """A photo essay: full-width photographs with captions, and a little text between them."""

    credits = models.CharField(_("photographs by"), max_length=200, blank=True)
    body = StreamField(VisualStoryBlock(), verbose_name=_("photographs and text"))

    content_panels = Page.content_panels + [
        FieldPanel("standfirst"),
        FieldPanel("credits"),
        MultiFieldPanel(
            [FieldPanel("lead_image"), FieldPanel("lead_image_alt")], heading=_("Cover image")
        ),
        FieldPanel("body"),
        TAGS_PANEL,
    ]
    search_fields = MediaItemPage.search_fields + [index.SearchField("body")]
    parent_page_types = ["multimedia.MediaSectionPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("visual story")

    def photos(self) -> list:
        return [block.value["image"] for block in self.body if block.block_type == "photo"]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        prefetch_image_renditions(self.body)
        return context
