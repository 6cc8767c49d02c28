"""What the archive import remembers: which old item became which page, which file became
which image or document, and the report of every run."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ImportedItem(models.Model):
    """One item of an old site (a post, page, author or term), keyed by where it came from.

    ``source`` names the old site (its address), ``source_id`` the item within it (the
    WordPress ID, the Ghost id, the feed entry's id). A second run finds the row, compares
    ``checksum`` and updates the page only when the item changed.
    """

    source = models.CharField(max_length=255)
    source_id = models.CharField(max_length=255)
    kind = models.CharField(max_length=32)
    page = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    checksum = models.CharField(max_length=64, blank=True)
    old_url = models.CharField(max_length=1000, blank=True, db_index=True)
    translation_group = models.CharField(max_length=255, blank=True, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["source", "source_id"], name="imported_item_key")
        ]

    def __str__(self) -> str:
        return f"{self.source} {self.kind} {self.source_id}"


class ImportedMedia(models.Model):
    """A file brought in once, found again by the SHA-256 of its content."""

    sha256 = models.CharField(max_length=64, unique=True)
    image = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    document = models.ForeignKey(
        "wagtaildocs.Document", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    original = models.CharField(max_length=1000, blank=True)

    def __str__(self) -> str:
        return self.original or self.sha256


class ImportRun(models.Model):
    """The report of one run of `dateline import`, for administrators to read."""

    started_at = models.DateTimeField(_("started"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    kind = models.CharField(_("kind"), max_length=20)
    source = models.CharField(_("source"), max_length=1000)
    dry_run = models.BooleanField(_("dry run"), default=False)
    status = models.CharField(_("status"), max_length=20, default="running")
    summary = models.CharField(_("summary"), max_length=500, blank=True)
    report = models.JSONField(_("report"), default=dict, blank=True)

    class Meta:
        ordering = ["-started_at"]
        verbose_name = _("import run")

    def __str__(self) -> str:
        return f"{self.kind} {self.source} ({self.started_at:%Y-%m-%d %H:%M})"
