"""The ground floor in the admin: its URLs (Wagtail requires an admin login for them) and
the dashboard's warning about background work."""

from django.urls import path
from wagtail import hooks
from wagtail.admin.ui.components import Component

from . import views, workers


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path(
            "desk/attachments/<int:submission_id>/",
            views.desk_attachment,
            name="desk_attachment",
        )
    ]


class WorkerMissingPanel(Component):
    """A warning at the top of the dashboard while tasks wait and no worker runs."""

    name = "worker_missing"
    order = 10
    template_name = "core/admin/worker_panel.html"

    def __init__(self, health: workers.QueueHealth):
        self.health = health

    def get_context_data(self, _parent_context=None):
        return {"health": self.health}


@hooks.register("construct_homepage_panels")
def warn_when_no_worker_runs(request, panels):
    health = workers.queue_health()
    if health.worker_missing:
        panels.insert(0, WorkerMissingPanel(health))
