"""Email: the outgoing server from EMAIL_URL, and the newsletter (dateline.newsletter)."""

import os

from .environment import env_int

EMAIL_URL = os.environ.get("EMAIL_URL", "")
if EMAIL_URL.startswith("smtp://"):
    from urllib.parse import urlparse

    _email = urlparse(EMAIL_URL)
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = _email.hostname or "localhost"
    EMAIL_PORT = _email.port or 25
    EMAIL_HOST_USER = _email.username or ""
    EMAIL_HOST_PASSWORD = _email.password or ""
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "newsroom@localhost")

# SMTP calls give up after this many seconds, well inside the newsletter's claim lease.
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 30)

# Newsletter (dateline.newsletter): see docs/deploy.md.
NEWSLETTER_FROM_EMAIL = os.environ.get("NEWSLETTER_FROM_EMAIL") or DEFAULT_FROM_EMAIL
NEWSLETTER_BATCH_SIZE = env_int("NEWSLETTER_BATCH_SIZE", 200)
# Messages per send-log commit: a worker killed mid-send may leave this many in doubt.
NEWSLETTER_COMMIT_EVERY = env_int("NEWSLETTER_COMMIT_EVERY", 50)
NEWSLETTER_PARALLEL_TASKS = env_int("NEWSLETTER_PARALLEL_TASKS", 4)
NEWSLETTER_CLAIM_SECONDS = env_int("NEWSLETTER_CLAIM_SECONDS", 600)
NEWSLETTER_CONFIRM_MAX_AGE = env_int("NEWSLETTER_CONFIRM_MAX_AGE", 3 * 24 * 3600)
NEWSLETTER_PENDING_DAYS = env_int("NEWSLETTER_PENDING_DAYS", 7)
# (requests, seconds) per client IP and per address.
NEWSLETTER_SIGNUP_RATE_IP = (env_int("NEWSLETTER_SIGNUP_RATE_IP", 10), 3600)
NEWSLETTER_SIGNUP_RATE_ADDRESS = (env_int("NEWSLETTER_SIGNUP_RATE_ADDRESS", 5), 3600)
# The weekly digest: assembled by the workers on this weekday (0 is Monday) at this hour, in
# TIME_ZONE; NEWSLETTER_DIGEST_SEND "" leaves it a draft, "now" or "HH:MM" sends it.
NEWSLETTER_DIGEST_WEEKDAY = env_int("NEWSLETTER_DIGEST_WEEKDAY", 3)
NEWSLETTER_DIGEST_HOUR = env_int("NEWSLETTER_DIGEST_HOUR", 9)
NEWSLETTER_DIGEST_SEND = os.environ.get("NEWSLETTER_DIGEST_SEND", "")
ANYMAIL = {"WEBHOOK_SECRET": os.environ.get("ANYMAIL_WEBHOOK_SECRET", "")}
