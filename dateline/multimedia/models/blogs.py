"""Blogs: a named blog with its authors, and its posts, which are articles."""

from django.conf import settings
from django.db import models
from django.db.models import Prefetch, prefetch_related_objects
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, PageChooserPanel
from wagtail.images import get_image_model
from wagtail.models import Orderable, Page
from wagtail.search import index

from dateline.core.pagination import paginate
from dateline.news.models import ArticlePage


class BlogPage(Page):
    """A named blog: its own page, description, authors and feed; its posts are articles."""

    description = models.TextField(_("description"), max_length=600)
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    content_panels = Page.content_panels + [
        FieldPanel("description"),
        FieldPanel("image"),
        InlinePanel("blog_authors", label=_("Authors")),
    ]
    search_fields = Page.search_fields + [index.SearchField("description")]
    parent_page_types = ["multimedia.MediaSectionPage"]
    subpage_types = ["multimedia.BlogPostPage"]

    class Meta:
        verbose_name = _("blog")

    # The card shape (core/components/card.html).
    @property
    def lead_image(self):
        return self.image

    @property
    def standfirst(self) -> str:
        return self.description

    @cached_property
    def author_pages(self) -> list:
        return [credit.author for credit in self.blog_authors.all()]

    def get_meta_description(self) -> str:
        return self.search_description or self.description

    def get_context(self, request, *args, **kwargs):
        from .. import selectors

        context = super().get_context(request, *args, **kwargs)
        # The blog's own image and authors: three queries whatever the number of authors.
        prefetch_related_objects(
            [self],
            Prefetch("image", queryset=get_image_model().objects.prefetch_renditions()),
            Prefetch("blog_authors", queryset=BlogAuthor.objects.select_related("author")),
        )
        context["page_obj"] = paginate(
            request, selectors.blog_posts(self), settings.DATELINE_LISTING_PAGE_SIZE
        )
        context["items"] = selectors.with_post_card_data(list(context["page_obj"].object_list))
        return context


class BlogAuthor(Orderable):
    page = ParentalKey(BlogPage, on_delete=models.CASCADE, related_name="blog_authors")
    author = models.ForeignKey(
        "news.AuthorPage", verbose_name=_("author"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [PageChooserPanel("author")]

    class Meta(Orderable.Meta):
        verbose_name = _("author")


class BlogPostPage(ArticlePage):
    """A post in a blog, at /blogs/<blog>/<post>/: an article in every other respect."""

    parent_page_types = ["multimedia.BlogPage"]
    subpage_types: list[str] = []
    template = "news/article_page.html"

    class Meta:
        verbose_name = _("blog post")
