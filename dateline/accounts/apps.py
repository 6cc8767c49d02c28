from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "dateline.accounts"
    label = "accounts"
    verbose_name = "Accounts and roles"

    def ready(self):
        from dateline.core import periodic

        from . import publishing

        # Wagtail publishes scheduled pages only when publish_scheduled runs: every worker
        # offers to run it each minute, and one does (docs/deploy.md has a timer instead).
        periodic.register(
            "publish_scheduled",
            publishing.PUBLISH_SCHEDULED_EVERY,
            publishing.publish_scheduled_pages,
        )
