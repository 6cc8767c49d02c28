"""The admin's report of republished views (Reports → Republished views)."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.reports import ReportView

from .models import RepublishedView


class RepublishedViewsReport(ReportView):
    page_title = _("Republished views")
    header_icon = "rss"
    index_url_name = "republished_views"
    index_results_url_name = "republished_views_results"
    model = RepublishedView
    columns = [
        Column("article", label=_("Article"), accessor="article.title"),
        Column("partner", label=_("Partner site")),
        Column("views", label=_("Views")),
        DateColumn("first_seen", label=_("First seen")),
        DateColumn("last_seen", label=_("Last seen")),
    ]
    list_export = ["article.title", "partner", "views", "first_seen", "last_seen"]
    export_headings = {"article.title": _("Article")}

    def get_queryset(self):
        return RepublishedView.objects.select_related("article").order_by("-views", "partner")


@hooks.register("register_admin_urls")
def register_republished_views_urls():
    view = RepublishedViewsReport.as_view()
    results = RepublishedViewsReport.as_view(results_only=True)
    return [
        path("reports/republished-views/", view, name="republished_views"),
        path("reports/republished-views/results/", results, name="republished_views_results"),
    ]


@hooks.register("register_reports_menu_item")
def register_republished_views_menu_item():
    return MenuItem(
        _("Republished views"), reverse("republished_views"), icon_name="rss", order=900
    )
