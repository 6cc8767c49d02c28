"""Regions and their places (countries, territories); topics and their collections.

Every term is a page, so it has its own listing URL (/regions/caucasus/armenia/), its own
translation in each edition and its own place in the admin's page tree.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page
from wagtail.search import index

from dateline.core.pagination import paginate


class TermPage(Page):
    """A taxonomy term with a listing of the content tagged with it (or its children)."""

    description = models.TextField(_("short description"), max_length=400, blank=True)
    other_names = models.CharField(
        _("other names"),
        max_length=500,
        blank=True,
        help_text=_(
            "Other names stories use for it, separated by commas (e.g. Artsakh, Karabagh; a "
            "capital for its country): the article form suggests this term when the text "
            "mentions one of them."
        ),
    )

    content_panels = Page.content_panels + [FieldPanel("description"), FieldPanel("other_names")]
    search_fields = Page.search_fields + [index.SearchField("description")]

    class Meta:
        abstract = True

    def listing_term_ids(self) -> QuerySet | list[int]:
        """The terms whose content this page lists: itself, and its sub-terms (a subquery,
        so that the listing's own queries include it)."""
        return Page.objects.filter(
            Q(pk=self.pk) | Q(pk__in=self.get_children().live().values("pk"))
        ).values("pk")

    def get_meta_description(self) -> str:
        return self.search_description or self.description

    def get_context(self, request, *args, **kwargs):
        from . import selectors  # selectors import the models: never at module level

        context = super().get_context(request, *args, **kwargs)
        items = selectors.tagged_pages(self.listing_term_ids())
        context["page_obj"] = paginate(request, items, settings.DATELINE_LISTING_PAGE_SIZE)
        context["items"] = selectors.with_card_data(list(context["page_obj"].object_list))
        return context


class RegionIndexPage(Page):
    intro = models.TextField(_("introduction"), blank=True)
    content_panels = Page.content_panels + [FieldPanel("intro")]
    subpage_types = ["taxonomy.RegionPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("regions index")

    def get_context(self, request, *args, **kwargs):
        from . import selectors

        context = super().get_context(request, *args, **kwargs)
        context["terms"] = selectors.term_tree(self)
        return context


class RegionPage(TermPage):
    parent_page_types = ["taxonomy.RegionIndexPage"]
    subpage_types = ["taxonomy.PlacePage"]
    template = "taxonomy/term_page.html"

    class Meta:
        verbose_name = _("region")


class PlacePage(TermPage):
    """A country or territory inside a region."""

    parent_page_types = ["taxonomy.RegionPage"]
    subpage_types: list[str] = []
    template = "taxonomy/term_page.html"

    class Meta:
        verbose_name = _("country or territory")

    def listing_term_ids(self) -> list[int]:
        return [self.pk]


class TopicIndexPage(Page):
    intro = models.TextField(_("introduction"), blank=True)
    content_panels = Page.content_panels + [FieldPanel("intro")]
    subpage_types = ["taxonomy.TopicPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("topics index")

    def get_context(self, request, *args, **kwargs):
        from . import selectors

        context = super().get_context(request, *args, **kwargs)
        context["terms"] = selectors.term_tree(self)
        return context


class TopicPage(TermPage):
    parent_page_types = ["taxonomy.TopicIndexPage"]
    subpage_types = ["taxonomy.CollectionPage"]
    template = "taxonomy/term_page.html"

    class Meta:
        verbose_name = _("topic")


class CollectionPage(TermPage):
    """A story package gathering a long-running story, e.g. "Kyrgyzstan 2020 unrest"."""

    parent_page_types = ["taxonomy.TopicPage"]
    subpage_types: list[str] = []
    template = "taxonomy/term_page.html"

    class Meta:
        verbose_name = _("collection")

    def listing_term_ids(self) -> list[int]:
        return [self.pk]


PLACE_TERM_MODELS = (RegionPage, PlacePage)
TOPIC_TERM_MODELS = (TopicPage, CollectionPage)
TERM_MODELS = PLACE_TERM_MODELS + TOPIC_TERM_MODELS
