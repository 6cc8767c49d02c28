from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AudienceConfig(AppConfig):
    name = "dateline.audience"
    label = "audience"
    verbose_name = _("Audience")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from dateline.core import periodic

        from . import services

        # Daily totals are kept DATELINE_VIEW_RETENTION_DAYS days: once a day, one worker
        # deletes the older ones.
        periodic.register(
            "prune_daily_views", services.PRUNE_DAILY_VIEWS_EVERY, services.prune_daily_views
        )
