"""The search index: one row per live, public page of a registered content type.

The portable columns are Django fields. The full text lives beside them, per database:
on PostgreSQL, tsvector columns of this table (added by migration 0002: ``title_vector``,
``standfirst_vector`` and ``search_vector`` weighted A/B/C, GIN-indexed); on SQLite, the
FTS5 table ``dateline_search_fts`` whose rowid is the page id.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class SearchEntry(models.Model):
    page = models.OneToOneField(
        "wagtailcore.Page", primary_key=True, on_delete=models.CASCADE, related_name="+"
    )
    locale = models.ForeignKey("wagtailcore.Locale", on_delete=models.CASCADE, related_name="+")
    content_type = models.ForeignKey(
        "contenttypes.ContentType", on_delete=models.CASCADE, related_name="+"
    )
    published_at = models.DateTimeField(null=True)
    # The text-search configuration the row was indexed with ('english', 'russian', 'simple').
    config = models.CharField(max_length=40)

    class Meta:
        verbose_name = _("search index entry")
        verbose_name_plural = _("search index entries")
        indexes = [models.Index(fields=["locale", "-published_at"])]

    def __str__(self) -> str:
        return f"search entry for page {self.page_id}"


class SearchText(models.Model):
    """An indexed page's standfirst and body as plain text: a result's snippet is cut from
    these, so the search page never parses a page's StreamField body (milliseconds per
    result). A table apart, so that the index rows that every search reads stay small."""

    entry = models.OneToOneField(
        SearchEntry, primary_key=True, on_delete=models.CASCADE, related_name="text"
    )
    standfirst = models.TextField(blank=True)
    body = models.TextField(blank=True)

    class Meta:
        verbose_name = _("search index text")

    def __str__(self) -> str:
        return f"search text for page {self.entry_id}"


class SearchWord(models.Model):
    """A word that occurs in an edition's indexed pages: the vocabulary that "did you mean"
    suggests from (with a pg_trgm index on PostgreSQL)."""

    locale = models.ForeignKey("wagtailcore.Locale", on_delete=models.CASCADE, related_name="+")
    word = models.CharField(max_length=60)

    class Meta:
        verbose_name = _("search word")
        constraints = [
            models.UniqueConstraint(fields=["locale", "word"], name="search_word_unique")
        ]

    def __str__(self) -> str:
        return self.word
