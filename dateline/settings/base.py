"""Settings shared by every environment; all configuration comes from the environment.

Unset variables mean the embedded default: SQLite under var/, local-memory cache,
console email in dev. production.py turns the unsafe defaults into errors.
"""

import datetime as dt
import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

PACKAGE_DIR = Path(__file__).resolve().parent.parent
PROJECT_DIR = PACKAGE_DIR.parent
VAR_DIR = Path(os.environ.get("DATELINE_VAR_DIR") or PROJECT_DIR / "var")


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_bool(name: str, default: bool = False) -> bool:
    """True for 1/true/yes/on, False for 0/false/no/off; unset or empty means ``default``."""
    value = os.environ.get(name, "").strip().lower()
    if not value:
        return default
    return value in {"1", "true", "yes", "on"}


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name, "").strip()
    return int(value) if value else default


SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = False
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost")

# The public address of the site: used in emails, the admin's links and the API. Page URLs
# (canonical links, sitemaps) come from Wagtail's Site record, which load_demo sets from it.
DATELINE_BASE_URL = (os.environ.get("DATELINE_BASE_URL") or "http://127.0.0.1:8000").rstrip("/")
WAGTAILADMIN_BASE_URL = DATELINE_BASE_URL

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
    # The admin's desk: before wagtail.admin, so its branding templates win.
    "dateline.desk",
    # Wagtail
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.frontend_cache",
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
    # arrive already compressed (core/pagecache.py); this compresses everything else.
    "django.middleware.gzip.GZipMiddleware",
    # Before the session: a cached page is served without a session, a user or any SQL.
    "dateline.core.pagecache.PageCacheMiddleware",
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

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{VAR_DIR / 'dateline.sqlite3'}",
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers and the task worker share the file with the web process.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"


def cache_settings() -> dict:
    url = os.environ.get("CACHE_URL") or os.environ.get("REDIS_URL")
    if url and url.startswith(("redis://", "rediss://")):
        return {
            "default": {
                "BACKEND": "django_redis.cache.RedisCache",
                "LOCATION": url,
                "KEY_PREFIX": "dateline",
                "OPTIONS": {
                    # A Redis outage must degrade to uncached pages, not to errors.
                    "IGNORE_EXCEPTIONS": True,
                    "SOCKET_CONNECT_TIMEOUT": 1,
                    "SOCKET_TIMEOUT": 1,
                },
            }
        }
    return {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "dateline",
        }
    }


CACHES = cache_settings()
DJANGO_REDIS_IGNORE_EXCEPTIONS = True

# The page cache (dateline/core/pagecache.py, docs/deploy.md "Caching"): whole public pages
# for anonymous readers, cleared on every publish; the TTL only bounds what no signal sees.
DATELINE_PAGE_CACHE = env_bool("DATELINE_PAGE_CACHE", True)
DATELINE_PAGE_CACHE_SECONDS = env_int("DATELINE_PAGE_CACHE_SECONDS", 5 * 60)
# How long a worker trusts its last reading of an edition's generation (core/pagecache.py):
# the delay before another worker's publish retires this worker's stored pages.
DATELINE_GENERATION_MEMO_SECONDS = env_int("DATELINE_GENERATION_MEMO_SECONDS", 1)
# Cache entries (pages, header parts) each worker keeps a copy of (core.pagecache.LocalCopies).
DATELINE_LOCAL_CACHE_ENTRIES = env_int("DATELINE_LOCAL_CACHE_ENTRIES", 128)
# Cache-Control of a cached page: max-age for browsers, s-maxage for a CDN or nginx in
# front (which a purge, if configured below, clears sooner).
DATELINE_PAGE_BROWSER_SECONDS = env_int("DATELINE_PAGE_BROWSER_SECONDS", 30)
DATELINE_PAGE_CDN_SECONDS = env_int("DATELINE_PAGE_CDN_SECONDS", 60)


def frontend_cache_settings() -> dict:
    """Wagtail's CDN purge, from FRONTEND_CACHE_BACKEND=cloudflare|cloudfront|http."""
    backend = os.environ.get("FRONTEND_CACHE_BACKEND", "").strip().lower()
    backends = "wagtail.contrib.frontend_cache.backends"
    if backend == "cloudflare":
        return {
            "cloudflare": {
                "BACKEND": f"{backends}.CloudflareBackend",
                "BEARER_TOKEN": os.environ.get("CLOUDFLARE_BEARER_TOKEN", ""),
                "ZONEID": os.environ.get("CLOUDFLARE_ZONEID", ""),
            }
        }
    if backend == "cloudfront":
        return {
            "cloudfront": {
                "BACKEND": f"{backends}.CloudfrontBackend",
                "DISTRIBUTION_ID": os.environ.get("CLOUDFRONT_DISTRIBUTION_ID", ""),
            }
        }
    if backend == "http":  # Varnish, nginx with a purge module, any PURGE-speaking proxy
        return {
            "http": {
                "BACKEND": f"{backends}.HTTPBackend",
                "LOCATION": os.environ.get("FRONTEND_CACHE_LOCATION", ""),
            }
        }
    return {}


WAGTAILFRONTENDCACHE = frontend_cache_settings()
# Purge the addresses as given: each edition's pages already carry their own prefix.
WAGTAILFRONTENDCACHE_LANGUAGES: list[str] = []

AUTHENTICATION_BACKENDS = [
    "dateline.accounts.backends.LockoutBackend",  # refuses logins while a lockout lasts
    "django.contrib.auth.backends.ModelBackend",
]
# Accounts (dateline.accounts, docs/deploy.md): a username is locked out from an address
# after AXES_FAILURE_LIMIT failed logins, for AXES_COOLOFF_MINUTES.
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = dt.timedelta(minutes=env_int("AXES_COOLOFF_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "dateline.core.clients.client_ip"
AXES_LOCKOUT_CALLABLE = "dateline.accounts.views.locked_out"
AXES_VERBOSE = False
# Every admin user must confirm a login with an authenticator app (TOTP) or a recovery
# code; on by default in production. A user who has set up an app is always asked for it.
DATELINE_REQUIRE_2FA = env_bool("DATELINE_REQUIRE_2FA", False)
OTP_TOTP_ISSUER = os.environ.get("OTP_TOTP_ISSUER") or "Dateline"
# Staff avatars are uploaded, never fetched from Gravatar: no editor's address (hashed) goes
# to a third party, and the admin works where that host is blocked.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# An admin session lasts 12 hours at most ("Remember me"), otherwise until the browser closes.
SESSION_COOKIE_AGE = env_int("SESSION_COOKIE_AGE", 12 * 3600)

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Internationalisation: English is the default edition at /, Russian lives under /ru/.
LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("ru", _("Russian"))]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
# A new translation starts as a draft: left on, wagtail-localize would publish the untranslated
# copy of a live story in the other edition the moment someone asks for its translation.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
# The newsroom's local time; Caucasus and Central Asia editions share it by default.
TIME_ZONE = os.environ.get("DATELINE_TIME_ZONE") or "Asia/Tbilisi"

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT") or VAR_DIR / "static")
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT") or VAR_DIR / "media")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

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

# Wagtail
WAGTAIL_SITE_NAME = "Dateline"
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
# Dateline's own search (dateline.search): PostgreSQL's text-search configuration for each
# edition's language, which also picks the Snowball stemmer on SQLite. A language not
# listed is searched word for word ('simple'): PostgreSQL has no Uzbek stemmer, for one.
DATELINE_SEARCH_CONFIGS = {"en": "english", "ru": "russian"}
WAGTAILEMBEDS_FINDERS: list = []  # no external host is reachable or wanted; embeds are link cards
WAGTAILIMAGES_FORMAT_CONVERSIONS = {"bmp": "jpeg", "webp": "webp"}
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
# Documents (and podcast audio, video) are checked by their content, not their name
# (core/uploads.py), and only these kinds are accepted; never HTML, SVG or scripts.
WAGTAILDOCS_EXTENSIONS = [
    *["pdf", "docx", "odt", "xlsx", "ods", "pptx", "odp", "csv", "txt"],
    *["mp3", "m4a", "ogg", "mp4", "webm", "m4v"],
]
WAGTAILDOCS_DOCUMENT_FORM_BASE = "dateline.core.uploads.DocumentForm"
DATELINE_DOCUMENT_MAX_BYTES = env_int("DATELINE_DOCUMENT_MAX_MB", 50) * 1024 * 1024
DATELINE_MEDIA_MAX_BYTES = env_int("DATELINE_MEDIA_MAX_MB", 500) * 1024 * 1024
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAILAPI_BASE_URL = DATELINE_BASE_URL
WAGTAILAPI_LIMIT_MAX = 50

DATELINE_LISTING_PAGE_SIZE = 12
# A header set by a trusted proxy that carries the client's address (e.g.
# HTTP_X_FORWARDED_FOR); unset, the socket's address is used. See docs/deploy.md.
DATELINE_CLIENT_IP_HEADER = os.environ.get("DATELINE_CLIENT_IP_HEADER", "")

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
# Attachments are private: kept outside MEDIA_ROOT, downloaded through the admin only.
DATELINE_SUBMISSIONS_ROOT = Path(
    os.environ.get("DATELINE_SUBMISSIONS_ROOT") or VAR_DIR / "submissions"
)
DATELINE_SERVE_MEDIA = env_bool("DATELINE_SERVE_MEDIA", False)

# Security headers on every response (SecurityMiddleware adds nosniff and Referrer-Policy;
# HSTS and secure cookies are in production.py). Public pages carry no inline script or
# style, so the Content-Security-Policy needs neither 'unsafe-inline' nor per-request
# nonces, and a cached page is the same for every reader (docs/decisions.md). The admin
# runs inline scripts of Wagtail's own and keeps Django's defaults.
DATELINE_MEDIA_HOSTS = env_list("DATELINE_MEDIA_HOSTS")  # e.g. https://media.example.org
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/admin/", "/django-admin/"],
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:", *DATELINE_MEDIA_HOSTS],
        "media-src": ["'self'", *DATELINE_MEDIA_HOSTS],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
    },
}
# No page uses these powerful features, so no script may ask for them. Not listed:
# interest-cohort, which Chromium no longer knows and reports as an error in the console
# (browsing-topics replaced it).
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer", "browsing-topics", "camera", "display-capture", "geolocation",
        "gyroscope", "magnetometer", "microphone", "payment", "usb",
    )
}  # fmt: skip

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}
