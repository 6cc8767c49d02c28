"""Security headers on public pages: the Content-Security-Policy and Permissions-Policy."""

from urllib.parse import urlsplit

from .environment import env_list
from .storage import MEDIA_URL

# Security headers on every response (SecurityMiddleware adds nosniff and Referrer-Policy;
# HSTS and secure cookies are in production.py). Public pages carry no inline script or
# style, so the Content-Security-Policy needs neither 'unsafe-inline' nor per-request
# nonces, and a cached page is the same for every reader (docs/decisions.md). The admin
# runs inline scripts of Wagtail's own and keeps Django's defaults.
DATELINE_MEDIA_HOSTS = env_list("DATELINE_MEDIA_HOSTS")  # e.g. https://media.example.org
if MEDIA_URL.startswith(("https://", "http://")):  # media in a bucket (storage.py)
    DATELINE_MEDIA_HOSTS.append("{0.scheme}://{0.netloc}".format(urlsplit(MEDIA_URL)))
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
