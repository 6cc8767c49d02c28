"""Receivers: resume sending when a worker starts; bounces and complaints from anymail."""

from anymail.signals import tracking
from django.dispatch import receiver

from dateline.core.management.commands.worker import worker_started

from . import services, tasks

worker_started.connect(tasks.resume_sending, dispatch_uid="newsletter-resume-sending")

FEEDBACK = {"bounced": "bounced", "rejected": "bounced", "complained": "complained"}


@receiver(tracking, dispatch_uid="newsletter-anymail-tracking")
def record_tracking_event(sender, event, esp_name, **kwargs):
    kind = FEEDBACK.get(event.event_type)
    if kind and event.recipient:
        services.record_feedback(event.recipient, kind)
