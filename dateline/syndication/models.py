"""Feed settings and the counts of republished views."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


@register_setting(icon="rss")
class FeedSettings(BaseSiteSetting):
    """How the site's RSS and Atom feeds present stories."""

    full_text = models.BooleanField(
        _("full text in feeds"),
        default=False,
        help_text=_(
            "Put the whole story in RSS and Atom feeds. Otherwise feeds carry the headline "
            "and standfirst, and readers follow the link to read on."
        ),
    )
    items = models.PositiveSmallIntegerField(
        _("stories per feed"), default=30, help_text=_("Between 5 and 100.")
    )

    panels = [FieldPanel("full_text"), FieldPanel("items")]

    class Meta:
        verbose_name = _("feeds")

    @property
    def item_count(self) -> int:
        return max(5, min(100, self.items or 30))


class RepublishedView(models.Model):
    """How often a partner site's copy of an article was viewed, counted by the beacon
    image in the republishing HTML."""

    article = models.ForeignKey(
        "news.ArticlePage",
        verbose_name=_("article"),
        on_delete=models.CASCADE,
        related_name="republished_views",
    )
    partner = models.CharField(_("partner site"), max_length=253)
    views = models.PositiveIntegerField(_("views"), default=0)
    first_seen = models.DateTimeField(_("first seen"), auto_now_add=True)
    last_seen = models.DateTimeField(_("last seen"), auto_now=True)

    class Meta:
        verbose_name = _("republished view count")
        constraints = [
            models.UniqueConstraint(fields=["article", "partner"], name="one_count_per_partner")
        ]

    def __str__(self) -> str:
        return f"{self.partner}: {self.views}"
