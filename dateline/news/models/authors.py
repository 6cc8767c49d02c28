"""Authors and the authors index."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page
from wagtail.search import index

from dateline.core.pagination import paginate


class AuthorIndexPage(Page):
    intro = models.TextField(_("introduction"), blank=True)
    content_panels = Page.content_panels + [FieldPanel("intro")]
    subpage_types = ["news.AuthorPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("authors index")

    def get_context(self, request, *args, **kwargs):
        from .. import selectors

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
        from .. import selectors

        context = super().get_context(request, *args, **kwargs)
        context["page_obj"] = paginate(
            request, selectors.articles_by(self), settings.DATELINE_LISTING_PAGE_SIZE
        )
        context["items"] = selectors.with_article_card_data(list(context["page_obj"].object_list))
        return context
