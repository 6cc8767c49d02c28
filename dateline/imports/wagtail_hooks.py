"""Settings → Imports: each run's report, for administrators."""

from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from .models import ImportRun


class SuperuserOnly(ModelPermissionPolicy):
    def user_has_permission(self, user, action):
        return user.is_active and user.is_superuser and action in {"view", "change"}

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


class ImportRunViewSet(ModelViewSet):
    model = ImportRun
    icon = "download"
    menu_label = "Imports"
    add_to_settings_menu = True
    list_display = ["__str__", "status", "dry_run", "summary", "finished_at"]
    list_filter = ["kind", "status"]
    inspect_view_enabled = True
    inspect_view_fields = [
        "kind", "source", "dry_run", "status", "summary", "started_at", "finished_at", "report",
    ]  # fmt: skip
    form_fields = ["summary"]


register_permission_policy(ImportRun, SuperuserOnly(ImportRun))


@hooks.register("register_admin_viewset")
def register_import_runs():
    return ImportRunViewSet("import_runs")
