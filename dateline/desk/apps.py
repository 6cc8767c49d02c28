from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DeskConfig(AppConfig):
    """The newsroom's desk in the admin: its branding and the editors' dashboard."""

    name = "dateline.desk"
    label = "desk"
    verbose_name = _("Newsroom desk")
