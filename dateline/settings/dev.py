"""The embedded default: one machine, SQLite, local-memory cache, mail to the console."""

import os

from .base import *  # noqa: F403
from .base import EMAIL_URL, VAR_DIR, env_bool

DEBUG = env_bool("DEBUG", True)
DATELINE_SERVE_MEDIA = True
# A development key only; production.py refuses to run without a real SECRET_KEY.
SECRET_KEY = os.environ.get("SECRET_KEY") or "dev-only-insecure-key-do-not-use-in-production"
if not EMAIL_URL:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
VAR_DIR.mkdir(parents=True, exist_ok=True)
