"""Admin URLs of the ground floor (Wagtail requires an admin login for them)."""

from django.urls import path
from wagtail import hooks

from . import views


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path(
            "desk/attachments/<int:submission_id>/",
            views.desk_attachment,
            name="desk_attachment",
        )
    ]
