"""The standard pages: About, Team, Privacy Policy and the other pages of the footer."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from ..blocks import StoryBodyBlock


class StandardPage(Page):
    """About, Team, Contribute, Republishing, Privacy Policy, Corrections, Contact...

    Pages marked "show in menus" appear in the footer, in their tree order.
    """

    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(StoryBodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
    ]

    template = "core/standard_page.html"

    class Meta:
        verbose_name = _("standard page")

    def get_meta_description(self) -> str:
        return self.search_description or self.intro
