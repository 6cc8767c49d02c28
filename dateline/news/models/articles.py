"""Articles: the story page, its credits, tags, corrections and pinned related stories."""

from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models
from django.db.models import Exists, OuterRef, Subquery
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from dateline.core.blocks import StoryBodyBlock, prefetch_image_renditions
from dateline.core.cards import rendered_cards
from dateline.core.pagecache import locale_of
from dateline.taxonomy.content import Story, TermTag, tags_panel

from .authors import AuthorPage

if TYPE_CHECKING:
    from .live import LiveUpdate


class ArticlePage(Story, Page):
    """A news story. Published at /<slug>/ in its edition; a ``Story`` to listings, cards,
    feeds and search, tagged through ``ArticleTag`` and signed through ``ArticleAuthor``."""

    updated_at = models.DateTimeField(
        _("updated"),
        null=True,
        blank=True,
        help_text=_("Set when the story changed in substance after publication; shown to readers."),
    )
    lead_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("lead image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    lead_image_caption = models.CharField(_("caption"), max_length=300, blank=True)
    lead_image_credit = models.CharField(_("credit"), max_length=200, blank=True)
    lead_image_alt = models.CharField(
        _("alternative text"),
        max_length=300,
        blank=True,
        help_text=_(
            "What the image shows, for readers who cannot see it. Defaults to the caption."
        ),
    )
    body = StreamField(StoryBodyBlock(), verbose_name=_("body"))
    is_live = models.BooleanField(
        _("live story"),
        default=False,
        help_text=_(
            "A developing story told in timestamped updates; readers' pages pick up new "
            "updates by themselves. Untick when the story is over: the updates stay as its "
            "timeline."
        ),
    )
    show_support_message = models.BooleanField(
        _("show the support message"),
        default=True,
        help_text=_("The short 'help keep our journalism open' box at the foot of the story."),
    )
    republishable = models.BooleanField(
        _("offer “Republish this story”"),
        default=True,
        help_text=_("Untick for stories other outlets may not republish (e.g. agency copy)."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("standfirst"),
        InlinePanel("authors", label=_("Authors"), min_num=0),
        MultiFieldPanel(
            [
                FieldPanel("lead_image"),
                FieldPanel("lead_image_caption"),
                FieldPanel("lead_image_credit"),
                FieldPanel("lead_image_alt"),
            ],
            heading=_("Lead image"),
        ),
        FieldPanel("body"),
        # Updates are written on the live desk (desk app), not in this form: they are not
        # part of the page's revisions.
        MultiFieldPanel([FieldPanel("is_live")], heading=_("Live story")),
        tags_panel(),
        InlinePanel("corrections", label=_("Corrections")),
        InlinePanel("related_pins", label=_("Related stories chosen by the editors")),
    ]
    settings_panels = Page.settings_panels + [
        FieldPanel("updated_at"),
        FieldPanel("show_support_message"),
        FieldPanel("republishable"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("standfirst"),
        index.SearchField("body"),
        index.FilterField("first_published_at"),
        index.FilterField("locale_id"),
    ]
    parent_page_types = ["home.HomePage"]
    subpage_types: list[str] = []
    tags_relation = "tags"
    # Joined to the page when core.routing finds it for a reader; its renditions come from
    # Wagtail's rendition cache.
    routing_related = ("lead_image",)

    class Meta:
        verbose_name = _("article")

    @cached_property
    def author_pages(self) -> list[AuthorPage]:
        return [credit.author for credit in self.authors.all()]

    @property
    def lead_image_alt_text(self) -> str:
        return self.lead_image_alt or self.lead_image_caption or self.title

    @classmethod
    def routing_annotations(cls) -> dict:
        """Asked in the same query as the page when core.routing finds it for a reader: most
        stories have no live update and no correction, and their page then spends no query
        looking for them."""
        from .live import LiveUpdate

        return {
            "has_live_updates": Exists(LiveUpdate.objects.filter(page=OuterRef("pk"))),
            **cls.live_annotations(),
            "has_corrections": Exists(Correction.objects.filter(page=OuterRef("pk"))),
        }

    @classmethod
    def live_annotations(cls) -> dict:
        """What ``coverage_ended_at`` needs, asked with the page itself."""
        from .live import LiveCoverage, LiveUpdate

        return {
            "live_ended_at": Subquery(
                LiveCoverage.objects.filter(page=OuterRef("pk")).values("ended_at")[:1]
            ),
            "newest_update_at": Subquery(
                LiveUpdate.objects.filter(page=OuterRef("pk"))
                .order_by("-published_at")
                .values("published_at")[:1]
            ),
        }

    @cached_property
    def timeline(self) -> list["LiveUpdate"]:
        """The story's live updates, newest first (kept when the story is closed)."""
        from .. import selectors

        if getattr(self, "has_live_updates", None) is False:
            return []
        return selectors.live_updates(self)

    @cached_property
    def coverage_ended_at(self):
        """When the live coverage ended, or None while it runs (or was never live): the
        time an editor pressed "End live coverage", else the newest update's once the story
        has been quiet for DATELINE_LIVE_QUIET_HOURS."""
        from .. import selectors

        if not self.is_live:
            return None
        if not hasattr(self, "live_ended_at"):
            self.live_ended_at = selectors.coverage_end(self)
        if self.live_ended_at:
            return self.live_ended_at
        if not hasattr(self, "newest_update_at"):
            self.newest_update_at = max((u.published_at for u in self.timeline), default=None)
        return selectors.quiet_end(self, self.newest_update_at)

    @property
    def is_live_now(self) -> bool:
        """A live story whose coverage has not ended: readers see the LIVE badge and their
        page polls for updates."""
        return self.is_live and self.coverage_ended_at is None

    @cached_property
    def correction_list(self) -> list["Correction"]:
        """The article's corrections, fetched once for the page and its structured data."""
        if getattr(self, "has_corrections", None) is False:
            return []
        return list(self.corrections.all())

    @property
    def key_events(self) -> list["LiveUpdate"]:
        return [update for update in self.timeline if update.is_key_event]

    @property
    def modified_at(self):
        """When readers last saw a substantive change: the editors' "updated" date, or the
        newest live update, whichever is later."""
        dates = [self.updated_at] + [update.published_at for update in self.timeline]
        dates = [d for d in dates if d]
        return max(dates) if dates else None

    def get_context(self, request, *args, **kwargs):
        from .. import selectors

        context = super().get_context(request, *args, **kwargs)
        rows = selectors.story_rows(self)
        selectors.with_story_rows(self, rows)
        selectors.label_blog_posts([self])

        def load(ids: list[int]) -> list:
            return selectors.with_article_card_data(
                list(selectors.live_articles(self.locale_id).filter(pk__in=ids))
            )

        context["related_cards"] = rendered_cards(
            request,
            locale_of(self).language_code,
            selectors.related_ids(self, rows, limit=3),
            load,
            heading_level=3,
        )
        prefetch_image_renditions(self.body)
        context["live_poll_seconds"] = settings.DATELINE_LIVE_POLL_SECONDS
        return context


class ArticleAuthor(Orderable):
    page = ParentalKey(ArticlePage, on_delete=models.CASCADE, related_name="authors")
    author = models.ForeignKey(
        AuthorPage, verbose_name=_("author"), on_delete=models.CASCADE, related_name="credits"
    )

    panels = [PageChooserPanel("author")]

    class Meta(Orderable.Meta):
        verbose_name = _("author")


class ArticleTag(TermTag):
    """Tags an article with a region, place, topic or collection page."""

    page = ParentalKey(ArticlePage, on_delete=models.CASCADE, related_name="tags")


class Correction(Orderable):
    page = ParentalKey(ArticlePage, on_delete=models.CASCADE, related_name="corrections")
    date = models.DateField(_("date"))
    text = models.TextField(_("correction"))

    panels = [FieldPanel("date"), FieldPanel("text")]

    class Meta(Orderable.Meta):
        verbose_name = _("correction")


class RelatedPin(Orderable):
    """A related story chosen by the editors; pins come before the computed ones."""

    page = ParentalKey(ArticlePage, on_delete=models.CASCADE, related_name="related_pins")
    article = models.ForeignKey(
        ArticlePage, verbose_name=_("article"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [PageChooserPanel("article")]

    class Meta(Orderable.Meta):
        verbose_name = _("related story")
