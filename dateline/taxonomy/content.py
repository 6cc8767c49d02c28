"""What every story is to the rest of Dateline, written once: the ``Story`` contract and
the ``TermTag`` row that tags a story with a term.

Taxonomy holds them because a story's place and topic terms are taxonomy's terms; ``news``
and ``multimedia`` build their page types on them (``ArticlePage``, and so ``BlogPostPage``;
``MediaItemPage``, and so podcast episodes, videos and visual stories).
"""

from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import PageChooserPanel
from wagtail.models import Orderable, Page

from .models import PLACE_TERM_MODELS, TERM_MODELS
from .tagging import TaggedStoryForm, TermTagsPanel


class Story(models.Model):
    """What listings, cards, feeds, the API and search read from a story.

    A story page type puts ``Story`` before ``Page`` in its bases and provides:

    - ``standfirst`` (a field here): one or two sentences under the headline;
    - ``lead_image`` and ``lead_image_alt``: fields of its own, because their labels differ
      by type (an article's lead image with caption and credit, an episode's cover art, a
      video's poster);
    - ``tags_relation``: the name of its ``TermTag`` rows' related name (``"tags"``,
      ``"media_tags"``), each row a ``term`` page.

    In return it has:

    - ``published_at``: when it was first published (or is to go live, or was last
      revised, for drafts and previews);
    - ``place_terms`` and ``topic_terms``: its regions, countries and territories, and its
      topics and collections, in the editor's order (read from prefetched tags);
    - ``author_pages``: the authors it is signed by (none here; articles have credits);
    - ``lead_image_alt_text``: the lead image's alternative text, or the title;
    - ``get_meta_description()``: the SEO description, or the standfirst.

    ``core/components/card.html``, the feeds, the API and the search index read these names;
    a new kind of story that provides them appears in all of them unchanged.
    """

    standfirst = models.TextField(
        _("standfirst"), max_length=400, help_text=_("One or two sentences under the headline.")
    )

    tags_relation: str
    # Its admin form edits the tag rows through one "Places and topics" field (tags_panel).
    base_form_class = TaggedStoryForm

    class Meta:
        abstract = True

    @property
    def published_at(self):
        return self.first_published_at or self.go_live_at or self.latest_revision_created_at

    @cached_property
    def place_terms(self) -> list[Page]:
        return [term for term in self._terms if term.specific_class in PLACE_TERM_MODELS]

    @cached_property
    def topic_terms(self) -> list[Page]:
        return [term for term in self._terms if term.specific_class not in PLACE_TERM_MODELS]

    @property
    def _terms(self) -> list[Page]:
        return [tag.term for tag in getattr(self, self.tags_relation).all()]

    @property
    def author_pages(self) -> list:
        return []

    @property
    def lead_image_alt_text(self) -> str:
        return self.lead_image_alt or self.title

    def get_meta_description(self) -> str:
        return self.search_description or self.standfirst


class TermTag(Orderable):
    """Tags a story with a region, place, topic or collection page, in the editor's order.

    A concrete tag adds ``page``, a ``ParentalKey`` to its story type; its table and the
    (term, page) index are its own.
    """

    term = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("term"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [PageChooserPanel("term", page_type=[m._meta.label for m in TERM_MODELS])]

    class Meta(Orderable.Meta):
        abstract = True
        verbose_name = _("place or topic")
        indexes = [models.Index(fields=["term", "page"])]


def tags_panel() -> TermTagsPanel:
    """The editors' one field for a story's ``TermTag`` rows (``TaggedStoryForm.term_tags``):
    a multi-select with type-ahead and suggestions from the text."""
    return TermTagsPanel("term_tags", classname="dateline-term-tags")
