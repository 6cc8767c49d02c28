"""Live stories' updates and the end of their coverage, kept outside page revisions."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.fields import RichTextField
from wagtail.models import Orderable

from .articles import ArticlePage
from .authors import AuthorPage


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
