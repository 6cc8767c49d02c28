"""Blogs, podcasts, video and visual stories. For now, the Media sections themselves."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page


class MediaSectionPage(Page):
    """A section of the Media menu (Visual Stories, Podcast, Video) or the Blogs section.

    Sections marked "show in menus" appear in the header's Media panel, in tree order.
    """

    intro = models.TextField(_("introduction"), blank=True)
    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]

    class Meta:
        verbose_name = _("media section")

    def get_meta_description(self) -> str:
        return self.search_description or self.intro
