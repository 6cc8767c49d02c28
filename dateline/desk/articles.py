"""Articles apart from the standing pages: an "Articles" listing in the admin's menu, newest
first, filtered by edition, status, author and place (Wagtail's flat page listing), and the
edition homes' explorer listing showing the standing pages (Contact, Team, regions, ...)
with a link to it instead of hundreds of stories."""

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.views.pages.listing import IndexView, PageFilterSet
from wagtail.admin.viewsets.pages import PageListingViewSet
from wagtail.models import Page

from dateline.news.models import ArticlePage, AuthorPage
from dateline.taxonomy.models import PLACE_TERM_MODELS

STATUSES = [
    ("live", _("Published")),
    ("changed", _("Published, with unpublished changes")),
    ("draft", _("Draft, never published")),
    ("scheduled", _("Scheduled")),
]


def filter_status(queryset, _name, value):
    conditions = {
        "live": Q(live=True),
        "changed": Q(live=True, has_unpublished_changes=True),
        "draft": Q(live=False, first_published_at__isnull=True),
        "scheduled": Q(latest_revision__approved_go_live_at__isnull=False),
    }
    return queryset.filter(conditions[value]) if value in conditions else queryset


class ArticleFilterSet(PageFilterSet):
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=STATUSES, method=filter_status, empty_label=_("Any")
    )
    author = django_filters.ModelChoiceFilter(
        label=_("Author"),
        field_name="authors__author",
        queryset=lambda request: AuthorPage.objects.order_by("title"),
    )
    place = django_filters.ModelChoiceFilter(
        label=_("Place"),
        field_name="tags__term",
        queryset=lambda request: Page.objects.type(*PLACE_TERM_MODELS).order_by("title"),
    )

    class Meta:
        model = ArticlePage
        fields = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "locale" in self.filters:  # Wagtail adds it when there are several editions
            self.filters["locale"].label = _("Edition")


class ArticleIndexView(IndexView):
    page_title = _("Articles")

    def get_base_queryset(self):
        # Blog posts are articles too (a subclass); the listing says which is which.
        return super().get_base_queryset().distinct()


class ArticleListingViewSet(PageListingViewSet):
    model = ArticlePage
    index_view_class = ArticleIndexView
    filterset_class = ArticleFilterSet
    icon = "doc-full"
    menu_label = _("Articles")
    menu_order = 90  # just before Pages
    add_to_admin_menu = True
    name = "articles"
