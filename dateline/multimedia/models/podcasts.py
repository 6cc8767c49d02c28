"""Podcasts: a series as podcast apps see it, and its episodes."""

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from dateline.core.blocks import RICH_TEXT_FEATURES
from dateline.core.pagination import paginate

from ..blocks import ChapterBlock
from ..files import AUDIO_TYPES, audio_file_is_readable, file_type
from ..services import fill_in_duration
from ..timestamps import chapter_marks, format_duration, parse_timestamp
from .items import TAGS_PANEL, MediaItemPage

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
        from .. import selectors

        context = super().get_context(request, *args, **kwargs)
        context["page_obj"] = paginate(
            request, selectors.episodes_of(self), settings.DATELINE_LISTING_PAGE_SIZE
        )
        context["items"] = selectors.with_media_card_data(list(context["page_obj"].object_list))
        return context


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
        return chapter_marks(self.chapters)

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
        fill_in_duration(self)  # editors may leave the length at 0
        super().save(*args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["series"] = self.get_parent().specific
        return context
