"""Videos: a file served by the newsroom, or a link card to another platform."""

from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from dateline.core.blocks import RICH_TEXT_FEATURES

from ..files import VIDEO_TYPES, file_type
from .items import TAGS_PANEL, MediaItemPage


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
