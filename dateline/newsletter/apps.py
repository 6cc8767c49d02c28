import datetime as dt

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

DIGEST_CHECK_EVERY = dt.timedelta(minutes=15)
FORGET_UNCONFIRMED_EVERY = dt.timedelta(hours=1)


class NewsletterConfig(AppConfig):
    name = "dateline.newsletter"
    label = "newsletter"
    verbose_name = _("Newsletter")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from dateline.core import periodic

        from .services.subscriptions import purge_expired_pending
        from .signal_handlers import register_signal_handlers
        from .tasks import weekly_digest

        register_signal_handlers()
        # No cron: whichever worker gets there first drafts (and maybe sends) the digest.
        periodic.register("newsletter_weekly_digest", DIGEST_CHECK_EVERY, weekly_digest)
        # Unconfirmed addresses are forgotten by the workers, not in a reader's signup.
        periodic.register(
            "newsletter_forget_unconfirmed", FORGET_UNCONFIRMED_EVERY, purge_expired_pending
        )
