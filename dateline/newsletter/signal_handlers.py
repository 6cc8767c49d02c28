"""Receivers: resume sending when a worker starts; bounces and complaints from anymail."""

from anymail.signals import tracking

from dateline.core.signals import worker_started

from . import tasks
from .services import subscriptions

FEEDBACK = {"bounced": "bounced", "rejected": "bounced", "complained": "complained"}


def record_tracking_event(sender, event, esp_name, **kwargs):
    kind = FEEDBACK.get(event.event_type)
    if kind and event.recipient:
        subscriptions.record_feedback(event.recipient, kind)


def register_signal_handlers() -> None:
    """Connect the newsletter's receivers (called from ``NewsletterConfig.ready``)."""
    worker_started.connect(tasks.resume_sending, dispatch_uid="newsletter-resume-sending")
    tracking.connect(record_tracking_event, dispatch_uid="newsletter-anymail-tracking")
