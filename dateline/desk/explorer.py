"""The page explorer starts on the editor's edition home, not on "Root" with two identical
homes; the homes' listings show the standing pages (Contact, Team, regions, ...) and link
to the Articles listing for the stories."""

from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.admin.ui.sidebar import PageExplorerMenuItem as PageExplorerComponent
from wagtail.admin.wagtail_hooks import ExplorerMenuItem
from wagtail.models import Page

from dateline.news.models import ArticlePage

from . import selectors


def edition_home_for(request) -> Page | None:
    """The home of the edition the user works in: the only one they may add pages to, else
    the one in the admin's language, else the first."""
    homes = selectors.request_edition_homes(request)
    own = [home for home in homes if home.permissions_for_user(request.user).can_add_subpage()]
    candidates = own or homes
    language = translation.get_language() or ""
    for home in candidates:
        if home.locale.language_code == language.split("-")[0]:
            return home
    return candidates[0] if candidates else None


class EditionExplorerMenuItem(ExplorerMenuItem):
    """Wagtail's "Pages" item, opening on the edition's home."""

    def __init__(self, item: ExplorerMenuItem):
        super().__init__(
            item.label, item.url, name=item.name, icon_name=item.icon_name, order=item.order
        )

    def render_component(self, request):
        home = edition_home_for(request)
        if home is None:
            return super().render_component(request)
        return PageExplorerComponent(
            self.name,
            self.label,
            reverse("wagtailadmin_explore", args=[home.pk]),
            home.pk,
            icon_name=self.icon_name,
            classname=self.classname,
        )


def use_edition_explorer(menu_items: list) -> None:
    for at, item in enumerate(menu_items):
        if isinstance(item, ExplorerMenuItem) and not isinstance(item, EditionExplorerMenuItem):
            menu_items[at] = EditionExplorerMenuItem(item)


def is_edition_home(page: Page) -> bool:
    return page.depth == 2


def without_articles(parent_page: Page, pages, request):
    """An edition home's children without its stories (listed under Articles), unless the
    editor is searching."""
    if not is_edition_home(parent_page) or request.GET.get("q"):
        return pages
    return pages.exclude(content_type=ContentType.objects.get_for_model(ArticlePage))


class ArticlesButton(PageMenuItem):
    label = _("Articles in this edition")
    icon_name = "doc-full"
    priority = 4

    @property
    def url(self):
        return reverse("articles:index") + f"?locale={self.page.locale.language_code}"
