"""The embedded default: one machine, SQLite, a cache in files, mail to the console."""

import os

from .base import *  # noqa: F403
from .base import CACHES, EMAIL_URL, VAR_DIR, env_bool

DEBUG = env_bool("DEBUG", True)
DATELINE_SERVE_MEDIA = True
# A development key only; production.py refuses to run without a real SECRET_KEY.
SECRET_KEY = os.environ.get("SECRET_KEY") or "dev-only-insecure-key-do-not-use-in-production"
if not EMAIL_URL:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
VAR_DIR.mkdir(parents=True, exist_ok=True)

if CACHES["default"]["BACKEND"].endswith("LocMemCache"):
    # Without Redis, a cache the demo's processes share (web server, task worker, `dateline
    # shell`): a story the worker publishes on schedule retires the pages the web server
    # keeps. Nothing is culled: a dropped tag would let the pages made before it live on.
    CACHES = {
        **CACHES,
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(VAR_DIR / "cache"),
            "OPTIONS": {"MAX_ENTRIES": 1_000_000},
        },
    }
