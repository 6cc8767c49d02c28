"""Articles, their authors, tags, corrections and pinned related stories."""

from django.conf import settings
from django.db import models
from django.db.models import Exists, OuterRef, Subquery
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from dateline.core.blocks import StoryBodyBlock, prefetch_image_renditions
from dateline.core.cards import rendered_cards
from dateline.core.models import StandardPage
from dateline.core.pagecache import locale_of
from dateline.core.pagination import paginate
from dateline.taxonomy.content import Story, TermTag, tags_panel


class AuthorIndexPage(Page):
    intro = models.TextField(_("introduction"), blank=True)
    content_panels = Page.content_panels + [FieldPanel("intro")]
    subpage_types = ["news.AuthorPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("authors index")

    def get_context(self, request, *args, **kwargs):
        from . import selectors

        context = super().get_context(request, *args, **kwargs)
        context["authors"] = selectors.authors_of(self)
        return context


class AuthorPage(Page):
    """A journalist: name (the page title), role, bio, photo and their articles."""

    role = models.CharField(_("role"), max_length=120, blank=True)
    bio = models.TextField(_("short bio"), blank=True)
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    email = models.EmailField(_("email"), blank=True)
    # A foreign key, not one-to-one: the same journalist has an author page in each edition.
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("login"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="author_pages",
        help_text=_("The admin account of this journalist: signs their live updates."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("role"),
        FieldPanel("bio"),
        FieldPanel("photo"),
        FieldPanel("email"),
    ]
    settings_panels = Page.settings_panels + [FieldPanel("user")]
    search_fields = Page.search_fields + [index.SearchField("bio"), index.SearchField("role")]
    parent_page_types = ["news.AuthorIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("author")

    def get_meta_description(self) -> str:
        return self.search_description or self.bio

    def get_context(self, request, *args, **kwargs):
        from . import selectors

        context = super().get_context(request, *args, **kwargs)
        context["page_obj"] = paginate(
            request, selectors.articles_by(self), settings.DATELINE_LISTING_PAGE_SIZE
        )
        context["items"] = selectors.with_article_card_data(list(context["page_obj"].object_list))
        return context


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
        tags_panel("tags"),
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
        return {
            "has_live_updates": Exists(LiveUpdate.objects.filter(page=OuterRef("pk"))),
            **cls.live_annotations(),
            "has_corrections": Exists(Correction.objects.filter(page=OuterRef("pk"))),
        }

    @classmethod
    def live_annotations(cls) -> dict:
        """What ``coverage_ended_at`` needs, asked with the page itself."""
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
        from . import selectors

        if getattr(self, "has_live_updates", None) is False:
            return []
        return selectors.live_updates(self)

    @cached_property
    def coverage_ended_at(self):
        """When the live coverage ended, or None while it runs (or was never live): the
        time an editor pressed "End live coverage", else the newest update's once the story
        has been quiet for DATELINE_LIVE_QUIET_HOURS."""
        from . import selectors

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
        from . import selectors

        context = super().get_context(request, *args, **kwargs)
        related = context["related"] = selectors.related_articles(self, limit=3)
        fetched = []

        def prepare(cards_to_render: list) -> None:
            # The story's own data (tags, authors, lead image) with the cards' in one go.
            selectors.with_article_card_data([self, *cards_to_render])
            fetched.append(self)

        edition = locale_of(self).language_code
        context["related_cards"] = rendered_cards(
            request, edition, related, prepare, heading_level=3
        )
        if not fetched:
            selectors.with_article_card_data([self])
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


class LiveUpdate(Orderable):
    """One timestamped entry of a live story, written on the live desk. Readers see the
    pinned ones first, then the others newest first.

    A plain foreign key, not a ParentalKey: updates are not part of the page's revisions,
    so publishing the page neither deletes nor brings back updates (docs/decisions.md)."""

    page = models.ForeignKey(ArticlePage, on_delete=models.CASCADE, related_name="live_updates")
    published_at = models.DateTimeField(
        _("time"),
        default=timezone.now,
        help_text=_("Shown to readers in the newsroom's local time."),
    )
    headline = models.CharField(_("headline"), max_length=200, blank=True)
    body = RichTextField(
        _("text"),
        features=["bold", "italic", "link", "ol", "ul", "blockquote", "image", "embed"],
    )
    author = models.ForeignKey(
        AuthorPage,
        verbose_name=_("author"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    is_key_event = models.BooleanField(
        _("key event"),
        default=False,
        help_text=_("Key events are listed at the top of the story, linking to the update."),
    )
    is_pinned = models.BooleanField(
        _("pinned"),
        default=False,
        help_text=_("Pinned updates stay at the top of the timeline."),
    )

    class Meta(Orderable.Meta):
        verbose_name = _("live update")
        verbose_name_plural = _("live updates")
        indexes = [models.Index(fields=["page", "published_at"])]

    def __str__(self) -> str:
        return self.headline or f"{self.page_id}: {self.published_at:%Y-%m-%d %H:%M}"

    @property
    def anchor(self) -> str:
        return f"update-{self.pk}"


class LiveCoverage(models.Model):
    """When a live story's coverage was ended on the live desk.

    Its own table rather than a page field: a page field lives in revisions, and publishing
    an older revision would bring the coverage back to life (docs/decisions.md)."""

    page = models.OneToOneField(
        ArticlePage, on_delete=models.CASCADE, primary_key=True, related_name="live_coverage"
    )
    ended_at = models.DateTimeField(_("live coverage ended"), null=True, blank=True)

    class Meta:
        verbose_name = _("live coverage")

    def __str__(self) -> str:
        return f"{self.page_id}: ended {self.ended_at:%Y-%m-%d %H:%M}" if self.ended_at else ""


class RelatedPin(Orderable):
    """A related story chosen by the editors; pins come before the computed ones."""

    page = ParentalKey(ArticlePage, on_delete=models.CASCADE, related_name="related_pins")
    article = models.ForeignKey(
        ArticlePage, verbose_name=_("article"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [PageChooserPanel("article")]

    class Meta(Orderable.Meta):
        verbose_name = _("related story")


class CorrectionsPage(StandardPage):
    """The Corrections page: every correction of the edition's stories, newest first."""

    parent_page_types = ["home.HomePage"]
    subpage_types: list[str] = []
    max_count_per_parent = 1
    template = "news/corrections_page.html"

    class Meta:
        verbose_name = _("corrections page")

    def get_context(self, request, *args, **kwargs):
        from . import selectors

        context = super().get_context(request, *args, **kwargs)
        context["page_obj"] = paginate(
            request, selectors.corrections_in(self.locale), settings.DATELINE_LISTING_PAGE_SIZE
        )
        return context


class TeamPage(StandardPage):
    """The Team page: the staff, from the same author records that sign the stories."""

    parent_page_types = ["home.HomePage"]
    subpage_types: list[str] = []
    max_count_per_parent = 1
    template = "news/team_page.html"

    class Meta:
        verbose_name = _("team page")

    def get_context(self, request, *args, **kwargs):
        from . import selectors

        context = super().get_context(request, *args, **kwargs)
        context["staff"] = selectors.staff(self.locale)
        return context
