"""Scheduled publishing: pages whose go-live or expiry time has passed are published or
unpublished by the task worker, so no one has to run a command or keep a cron job."""

import datetime as dt
import io

from django.core.management import call_command

PUBLISH_SCHEDULED_EVERY = dt.timedelta(seconds=60)


def publish_scheduled_pages() -> str:
    """Run Wagtail's publish_scheduled once; returns what it reported (for the worker's log)."""
    out = io.StringIO()
    call_command("publish_scheduled", stdout=out)
    return out.getvalue()
