"""Reports → Most read, in the Wagtail admin (its URLs need an admin login)."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import views


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("audience/most-read/", views.admin_report, name="audience_report")]


@hooks.register("register_reports_menu_item")
def register_most_read_menu_item():
    return MenuItem(_("Most read"), reverse("audience_report"), icon_name="view", order=50)
