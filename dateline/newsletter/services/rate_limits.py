"""The signup form's limits: per network (the client's address) and per email address."""

from django.conf import settings
from django.http import HttpRequest

from dateline.core import ratelimits
from dateline.core.clients import client_ip


def network_over_limit(request: HttpRequest) -> bool:
    """Count one signup from the client's network; True once over
    NEWSLETTER_SIGNUP_RATE_IP."""
    return ratelimits.over_limit(
        "newsletter-rate:ip", client_ip(request), settings.NEWSLETTER_SIGNUP_RATE_IP
    )


def address_over_limit(email: str) -> bool:
    """Count one signup of ``email``; True once over NEWSLETTER_SIGNUP_RATE_ADDRESS."""
    return ratelimits.over_limit(
        "newsletter-rate:address", email, settings.NEWSLETTER_SIGNUP_RATE_ADDRESS
    )
