"""Caches: the cache backend, the page cache (core/pagecache/) and a CDN's purge."""

import os

from .environment import env_bool, env_int

# Image renditions are kept in the default cache, through a view of it that does not store
# again what it has just read (dateline/core/rendition_cache.py).
RENDITIONS_CACHE = {
    "BACKEND": "dateline.core.rendition_cache.RenditionCache",
    "LOCATION": "default",
}


def cache_settings() -> dict:
    url = os.environ.get("CACHE_URL") or os.environ.get("REDIS_URL")
    if url and url.startswith(("redis://", "rediss://")):
        return {
            "renditions": RENDITIONS_CACHE,
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
            },
        }
    return {
        "renditions": RENDITIONS_CACHE,
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "dateline",
        },
    }


CACHES = cache_settings()
DJANGO_REDIS_IGNORE_EXCEPTIONS = True

# The page cache (dateline/core/pagecache/, docs/deploy.md "Caching"): whole public pages
# for anonymous readers, cleared on every publish; the TTL only bounds what no signal sees.
DATELINE_PAGE_CACHE = env_bool("DATELINE_PAGE_CACHE", True)
DATELINE_PAGE_CACHE_SECONDS = env_int("DATELINE_PAGE_CACHE_SECONDS", 5 * 60)
# One request re-renders a page whose time is up (or that a publish retired) while the
# others get the copy they had, for at most this long (core/pagecache/singleflight.py).
DATELINE_PAGE_CACHE_STALE_SECONDS = env_int("DATELINE_PAGE_CACHE_STALE_SECONDS", 30)
# How long a worker trusts its last reading of an edition's generation
# (core/pagecache/generations.py): the delay before another worker's publish retires this
# worker's stored pages.
DATELINE_GENERATION_MEMO_SECONDS = env_int("DATELINE_GENERATION_MEMO_SECONDS", 1)
# Cache entries (pages, header parts) each worker keeps a copy of (core.pagecache.LocalCopies).
DATELINE_LOCAL_CACHE_ENTRIES = env_int("DATELINE_LOCAL_CACHE_ENTRIES", 128)
# Cache-Control of a cached page: max-age for browsers, s-maxage for a CDN or nginx in
# front (which a purge, if configured below, clears sooner).
DATELINE_PAGE_BROWSER_SECONDS = env_int("DATELINE_PAGE_BROWSER_SECONDS", 30)
DATELINE_PAGE_CDN_SECONDS = env_int("DATELINE_PAGE_CDN_SECONDS", 60)


def frontend_cache_settings() -> dict:
    """Wagtail's CDN purge, from FRONTEND_CACHE_BACKEND=varnish|cloudflare|cloudfront|http."""
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
    if backend == "varnish":  # deploy/varnish/dateline.vcl: PURGE, and BAN for listings
        return {
            "varnish": {
                "BACKEND": "dateline.core.edge.VarnishBackend",
                "LOCATION": os.environ.get("FRONTEND_CACHE_LOCATION", "http://127.0.0.1:6081"),
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
