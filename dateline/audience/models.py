"""Reader counts without personal data: an append-only log of views, summed per day.

A view row holds a story and a time, nothing about the reader. The background aggregation
(services.aggregate_views) folds the log into DailyViews and empties it.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class PageView(models.Model):
    """One counted view, appended by the beacon; aggregated and deleted in the background."""

    page = models.ForeignKey(
        "news.ArticlePage", on_delete=models.CASCADE, related_name="+", db_constraint=False
    )
    viewed_at = models.DateTimeField(_("viewed at"), auto_now_add=True)

    class Meta:
        verbose_name = _("page view")

    def __str__(self) -> str:
        return f"{self.page_id} at {self.viewed_at:%Y-%m-%d %H:%M}"


class DailyViews(models.Model):
    """How many counted views a story had on one day (the newsroom's local date)."""

    page = models.ForeignKey(
        "news.ArticlePage", verbose_name=_("story"), on_delete=models.CASCADE, related_name="+"
    )
    date = models.DateField(_("date"))
    views = models.PositiveIntegerField(_("views"), default=0)

    class Meta:
        verbose_name = _("daily views")
        verbose_name_plural = _("daily views")
        constraints = [
            models.UniqueConstraint(fields=["page", "date"], name="audience_daily_views_unique")
        ]
        indexes = [models.Index(fields=["date", "page"])]

    def __str__(self) -> str:
        return f"{self.page_id} on {self.date}: {self.views}"
