"""Visual stories: photo essays."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from dateline.core.blocks import prefetch_image_renditions

from ..blocks import VisualStoryBlock
from .items import TAGS_PANEL, MediaItemPage


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
