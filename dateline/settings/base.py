"""Settings shared by every environment; all configuration comes from the environment.

Unset variables mean the embedded default: SQLite under var/, local-memory cache,
console email in dev. production.py turns the unsafe defaults into errors.
"""

import os
from pathlib import Path

# Each group of settings lives in a module named for what it holds; the settings below,
# and dev.py, production.py and test.py, see every one of them here as before.
from .accounts import *  # noqa: F403
from .caching import *  # noqa: F403
from .databases import *  # noqa: F403
from .environment import *  # noqa: F403
from .environment import VAR_DIR, env_bool, env_int, env_list
from .i18n import *  # noqa: F403
from .mail import *  # noqa: F403
from .security import *  # noqa: F403
from .storage import *  # noqa: F403
from .wagtail import *  # noqa: F403

SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = False
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost")

# The public address of the site: used in emails, the admin's links and the API. Page URLs
# (canonical links, sitemaps) come from Wagtail's Site record, which load_demo sets from it.
DATELINE_BASE_URL = (os.environ.get("DATELINE_BASE_URL") or "http://127.0.0.1:8000").rstrip("/")
WAGTAILADMIN_BASE_URL = DATELINE_BASE_URL
WAGTAILAPI_BASE_URL = DATELINE_BASE_URL

INSTALLED_APPS = [
    # Dateline, ground floor first.
    "dateline.core",
    "dateline.accounts",
    "dateline.taxonomy",
    "dateline.news",
    "dateline.multimedia",
    "dateline.search",
    "dateline.syndication",
    "dateline.audience",
    "dateline.newsletter",
    "dateline.home",
    # The archive importer (dateline import ...).
    "dateline.imports",
    # The admin's desk: before wagtail.admin, so its branding templates win.
    "dateline.desk",
    # Wagtail
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    # Not "wagtail.contrib.frontend_cache": its only part is a receiver that queues a purge
    # of each published page for the worker; core.pagecache purges the page, its listings
    # and feeds itself (WAGTAILFRONTENDCACHE, settings/caching.py, is read without it).
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.api.v2",
    "rest_framework",
    "wagtail.contrib.search_promotions",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_tasks",
    "django_tasks_db",
    "anymail",
    # Django
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    # Accounts: two-factor login (TOTP apps and recovery codes) and login lockout.
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # After WhiteNoise, which sends its own precompressed files. Pages from the page cache
    # arrive already compressed (core/pagecache/responses.py); this compresses everything else.
    "django.middleware.gzip.GZipMiddleware",
    # WordPress's old ?p=ID addresses on the front page answer with their redirect (imports).
    "dateline.imports.middleware.OldQueryRedirectMiddleware",
    # Before anything that reads the database: an anonymous reader's GET may read from a
    # read replica (DATABASE_REPLICA_URLS, core/replicas.py).
    "dateline.core.replicas.ReplicaReadsMiddleware",
    # Before the session: a cached page is served without a session, a user or any SQL.
    "dateline.core.pagecache.middleware.PageCacheMiddleware",
    # Below the page cache: a stored page keeps the headers these two set, so a hit does
    # not build the policies again. The policies hold no per-request part (no nonces).
    "csp.middleware.CSPMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    # Below the policy: lets the admin's preview panel frame a preview (core/preview.py).
    "dateline.core.preview.PreviewHeadersMiddleware",
    # A database outage in a view gives the designed 503 page (core/faults.py).
    "dateline.core.faults.DatabaseOutageMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "dateline.accounts.middleware.RequireTwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: it turns a lockout raised during login into its page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "dateline.urls"
WSGI_APPLICATION = "dateline.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"


STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT") or VAR_DIR / "static")
# MEDIA_URL, MEDIA_ROOT and STORAGES (local disk or an S3-compatible bucket): storage.py.

# Background work (newsletter sending, digests) runs in `dateline worker` processes, any
# number of them on any machine that sees the database.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
# Each worker writes a heartbeat this often; a running task whose worker has been silent for
# DATELINE_WORKER_STALE_SECONDS is queued again (core/workers.py). Periodic jobs
# (core/periodic.py) are checked every DATELINE_PERIODIC_TICK_SECONDS by every worker.
DATELINE_WORKER_HEARTBEAT_SECONDS = env_int("DATELINE_WORKER_HEARTBEAT_SECONDS", 10)
DATELINE_WORKER_STALE_SECONDS = env_int("DATELINE_WORKER_STALE_SECONDS", 60)
DATELINE_PERIODIC_TICK_SECONDS = env_int("DATELINE_PERIODIC_TICK_SECONDS", 15)
# The admin's dashboard warns when no worker has written a heartbeat for this long.
DATELINE_WORKER_MISSING_SECONDS = env_int("DATELINE_WORKER_MISSING_SECONDS", 180)
DATELINE_LISTING_PAGE_SIZE = 12
# Who the client is (core/clients.py, docs/deploy.md "Client addresses"): the header a
# trusted proxy appends the client's address to, read only on requests that come from one
# of DATELINE_TRUSTED_PROXIES (addresses or networks; nginx on the same machine by default).
# Empty: the socket's address, always.
DATELINE_CLIENT_IP_HEADER = os.environ.get("DATELINE_CLIENT_IP_HEADER", "HTTP_X_FORWARDED_FOR")
DATELINE_TRUSTED_PROXIES = env_list("DATELINE_TRUSTED_PROXIES", "127.0.0.1,::1")

# Live stories.
# Readers' open live pages ask for new updates this often; with the feed's 4-second cache
# a reader sees an update at most ~9 s after it is posted (docs/decisions.md).
DATELINE_LIVE_POLL_SECONDS = env_int("DATELINE_LIVE_POLL_SECONDS", 5)
# A live story with no new update for this long ends by itself ("Live coverage ended").
DATELINE_LIVE_QUIET_HOURS = env_int("DATELINE_LIVE_QUIET_HOURS", 12)
# Reader counts (dateline.audience): a reader's reloads of a story within this many seconds
# count once; the view log is folded into daily totals at most this often.
DATELINE_VIEW_REPEAT_SECONDS = env_int("DATELINE_VIEW_REPEAT_SECONDS", 30 * 60)
DATELINE_VIEW_AGGREGATE_SECONDS = env_int("DATELINE_VIEW_AGGREGATE_SECONDS", 5 * 60)
DATELINE_POPULAR_CACHE_SECONDS = env_int("DATELINE_POPULAR_CACHE_SECONDS", 5 * 60)
# Daily totals older than this many days are deleted once a day by a periodic job (the
# admin's Most read report looks back 30 days).
DATELINE_VIEW_RETENTION_DAYS = env_int("DATELINE_VIEW_RETENTION_DAYS", 400)
# Contact and Contribute forms: how long submissions are kept, attachment limits, and how
# many submissions one address may send per hour.
DATELINE_SUBMISSION_RETENTION_DAYS = env_int("DATELINE_SUBMISSION_RETENTION_DAYS", 90)
DATELINE_ATTACHMENT_MAX_BYTES = env_int("DATELINE_ATTACHMENT_MAX_MB", 10) * 1024 * 1024
DATELINE_FORM_RATE = (env_int("DATELINE_FORM_RATE", 5), 3600)
# Attachments are private (where they are kept: storage.py), downloaded through the admin.
DATELINE_SERVE_MEDIA = env_bool("DATELINE_SERVE_MEDIA", False)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}
