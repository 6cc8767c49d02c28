"""The front page of an edition: lead story, latest stories, a rail per region, collections."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, PageChooserPanel
from wagtail.models import Orderable, Page

from dateline.news.models import ArticlePage


class HomePage(Page):
    """An edition's front page; its tagline and copyright line are the edition's own."""

    tagline = models.CharField(_("tagline"), max_length=200, blank=True)
    copyright = models.CharField(
        _("copyright line"), max_length=200, blank=True, help_text=_("Shown in the footer.")
    )
    lead_story = models.ForeignKey(
        "news.ArticlePage",
        verbose_name=_("lead story"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Leave empty to lead with the newest story."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("tagline"),
        FieldPanel("copyright"),
        PageChooserPanel("lead_story"),
        InlinePanel("focus_collections", label=_("Collections in focus"), max_num=6),
    ]
    max_count_per_parent = 1
    # Most addresses under the home page are articles: core.routing looks for one first.
    routing_likely_child = ArticlePage

    class Meta:
        verbose_name = _("home page")

    def get_meta_description(self) -> str:
        return self.search_description or self.tagline

    def get_context(self, request, *args, **kwargs):
        from . import selectors  # selectors may import the models: never at module level

        context = super().get_context(request, *args, **kwargs)
        context.update(selectors.front_page(self))
        return context


class FocusCollection(Orderable):
    page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="focus_collections")
    collection = models.ForeignKey(
        "taxonomy.CollectionPage",
        verbose_name=_("collection"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [PageChooserPanel("collection")]

    class Meta(Orderable.Meta):
        verbose_name = _("collection in focus")
