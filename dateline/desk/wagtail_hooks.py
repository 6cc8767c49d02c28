"""The editors' dashboard, where a journalist starts the day, and the live desk."""

from django.templatetags.static import static
from django.urls import include, path
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.menus.pages import PageMenuItem

from dateline.news.models import ArticlePage

from . import selectors, urls
from .articles import ArticleListingViewSet
from .explorer import ArticlesButton, is_edition_home, use_edition_explorer, without_articles


class DeskPanel(Component):
    """A dashboard panel reading its rows from one selector call."""

    def __init__(self, request, homes):
        self.request = request
        self.homes = homes  # each edition's home, read once for all the panels

    def rows(self):
        raise NotImplementedError

    def get_context_data(self, _parent_context=None):
        return {"panel": self, "rows": self.rows()}


class WritePanel(DeskPanel):
    name = "desk_write"
    order = 20
    template_name = "desk/panels/write.html"

    def rows(self):
        return selectors.writing_links(self.request.user, self.homes)


class TranslationsToPublishPanel(DeskPanel):
    name = "desk_translations_to_publish"
    order = 25
    template_name = "desk/panels/translations_to_publish.html"

    def rows(self):
        return selectors.translations_to_publish()


class MyDraftsPanel(DeskPanel):
    name = "desk_my_drafts"
    order = 30
    template_name = "desk/panels/pages.html"

    def rows(self):
        return [
            (page, page.latest_revision_created_at)
            for page in selectors.my_drafts(self.request.user)
        ]


class ScheduledPanel(DeskPanel):
    name = "desk_scheduled"
    order = 40
    template_name = "desk/panels/pages.html"

    def rows(self):
        return selectors.scheduled()


class LiveNowPanel(DeskPanel):
    name = "desk_live_now"
    order = 50
    template_name = "desk/panels/pages.html"

    def rows(self):
        return [
            (page, page.newest_update_at or page.last_published_at)
            for page in selectors.live_stories()
        ]


class MostReadPanel(DeskPanel):
    name = "desk_most_read"
    order = 60
    template_name = "desk/panels/most_read.html"

    def rows(self):
        return selectors.most_read_today(self.homes)


class MissingTranslationsPanel(DeskPanel):
    name = "desk_missing_translations"
    order = 70
    template_name = "desk/panels/missing_translations.html"

    def rows(self):
        return selectors.missing_translations(self.homes)


# Wagtail's "Awaiting your review" comes right after the links to write (Wagtail puts it
# below every desk panel): the stories sent for review are an editor's first work.
REVIEW_PANEL_ORDER = 22


@hooks.register("construct_homepage_panels")
def add_desk_panels(request, panels):
    for panel in panels:
        if getattr(panel, "name", "") == "workflow_objects_to_moderate":
            panel.order = REVIEW_PANEL_ORDER
    homes = selectors.request_edition_homes(request)
    panels.extend(
        panel(request, homes)
        for panel in (
            WritePanel,
            TranslationsToPublishPanel,
            MyDraftsPanel,
            ScheduledPanel,
            LiveNowPanel,
            MostReadPanel,
            MissingTranslationsPanel,
        )
    )


@hooks.register("insert_global_admin_css")
def dashboard_css():
    return format_html('<link rel="stylesheet" href="{}">', static("desk/dashboard.css"))


@hooks.register("insert_editor_js")
def inline_labels_js():
    return format_html('<script src="{}"></script>', static("desk/inline_labels.js"))


@hooks.register("register_admin_urls")
def live_desk_urls():
    return [path("desk/", include(urls))]


class LiveDeskButton(PageMenuItem):
    label = _("Open live desk")
    icon_name = "time"
    url_name = "desk_live"
    priority = 5

    def is_shown(self, user):
        return self.page.permissions_for_user(user).can_edit()


@hooks.register("register_page_header_buttons")
def live_desk_button(page, user, **kwargs):
    """The "Open live desk" item beside a live story's title in the admin (edit view, explorer)."""
    if isinstance(page.specific_deferred, ArticlePage) and page.specific_deferred.is_live:
        yield LiveDeskButton(page=page)


@hooks.register("register_admin_viewset")
def article_listing():
    return ArticleListingViewSet()


@hooks.register("construct_main_menu")
def explorer_on_the_edition_home(request, menu_items):
    use_edition_explorer(menu_items)


@hooks.register("construct_explorer_page_queryset")
def standing_pages_apart_from_articles(parent_page, pages, request):
    return without_articles(parent_page, pages, request)


@hooks.register("register_page_header_buttons")
def articles_button(page, user, view_name=None, **kwargs):
    """On an edition home's listing: its stories are under Articles."""
    if view_name == "index" and is_edition_home(page):
        yield ArticlesButton(page=page)
