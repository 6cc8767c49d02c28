"""What podcast episodes, videos and visual stories share: the story shape and its tags."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.models import Page
from wagtail.search import index

from dateline.taxonomy.content import Story, TermTag, tags_panel


class MediaItemPage(Story, Page):
    """An episode, a video or a visual story: a ``Story`` (standfirst, cover image, places
    and topics) tagged through ``MediaTag``, with no author credits."""

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
    tags_relation = "media_tags"

    class Meta:
        verbose_name = _("media item")

    def get_context(self, request, *args, **kwargs):
        from .. import selectors

        context = super().get_context(request, *args, **kwargs)
        selectors.prefetch_media_card_data([self])
        return context


class MediaTag(TermTag):
    """Tags an episode, a video or a visual story with a region, place, topic or collection."""

    page = ParentalKey(MediaItemPage, on_delete=models.CASCADE, related_name="media_tags")


TAGS_PANEL = tags_panel()
