"""The Media sections (Visual Stories, Podcast, Video) and the Blogs section."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

from dateline.core.pagination import paginate


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
        from .. import selectors

        context = super().get_context(request, *args, **kwargs)
        context["page_obj"] = paginate(
            request, selectors.section_items(self), settings.DATELINE_LISTING_PAGE_SIZE
        )
        context["items"] = selectors.with_media_card_data(list(context["page_obj"].object_list))
        return context
