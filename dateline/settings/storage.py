"""Where uploads live: local disk (the default) or an S3-compatible bucket.

Unset, media is written under MEDIA_ROOT and the Contact form's private attachments under
DATELINE_SUBMISSIONS_ROOT. With DATELINE_MEDIA_S3_BUCKET set, both go to object storage
through django-storages (MinIO, Garage, AWS S3, Cloudflare R2; docs/deploy.md):

- media (images, renditions, documents, podcast audio and video) under the ``media/``
  prefix, linked by plain unsigned addresses: the bucket's public address, or
  DATELINE_MEDIA_S3_PUBLIC_URL (a CDN or custom domain serving the bucket's root). The
  bucket must let anyone read ``media/*`` and nothing else;
- attachments under the ``submissions/`` prefix of the same bucket, or of
  DATELINE_SUBMISSIONS_S3_BUCKET where a store can only make a whole bucket public (R2,
  Garage). They are never public: editors download them through the admin
  (core/views.py desk_attachment), which reads them with the app's credentials.

The credentials are boto3's: AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY in the
environment (or an instance role on AWS).
"""

import os
from pathlib import Path
from urllib.parse import urlsplit

from .environment import VAR_DIR

MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT") or VAR_DIR / "media")
# Attachments are private: kept outside MEDIA_ROOT (or the public media prefix), downloaded
# through the admin only.
DATELINE_SUBMISSIONS_ROOT = Path(
    os.environ.get("DATELINE_SUBMISSIONS_ROOT") or VAR_DIR / "submissions"
)

DATELINE_MEDIA_S3_BUCKET = os.environ.get("DATELINE_MEDIA_S3_BUCKET", "")
DATELINE_MEDIA_S3_ENDPOINT = os.environ.get("DATELINE_MEDIA_S3_ENDPOINT", "").rstrip("/")
DATELINE_MEDIA_S3_REGION = os.environ.get("DATELINE_MEDIA_S3_REGION") or "us-east-1"
# "path" (endpoint/bucket/key: MinIO, Garage, any store by IP) or "virtual"
# (bucket.endpoint/key: AWS's preferred form).
DATELINE_MEDIA_S3_ADDRESSING = os.environ.get("DATELINE_MEDIA_S3_ADDRESSING") or "path"
DATELINE_MEDIA_S3_PUBLIC_URL = os.environ.get("DATELINE_MEDIA_S3_PUBLIC_URL", "").rstrip("/")
DATELINE_SUBMISSIONS_S3_BUCKET = os.environ.get("DATELINE_SUBMISSIONS_S3_BUCKET", "")
MEDIA_S3_PREFIX = "media"
SUBMISSIONS_S3_PREFIX = "submissions"


def media_url(bucket: str, *, endpoint: str, addressing: str = "path", public_url: str = ""):
    """The address of the media prefix as readers reach it, ending in "/"."""
    if public_url:
        root = public_url.rstrip("/")
    else:
        parts = urlsplit(endpoint or "https://s3.amazonaws.com")
        if addressing == "virtual":
            root = f"{parts.scheme}://{bucket}.{parts.netloc}"
        else:
            root = f"{parts.scheme}://{parts.netloc}/{bucket}"
    return f"{root}/{MEDIA_S3_PREFIX}/"


def s3_storages(
    bucket: str,
    *,
    endpoint: str,
    region: str = "us-east-1",
    addressing: str = "path",
    public_url: str = "",
    private_bucket: str = "",
) -> dict:
    """STORAGES entries for media in ``bucket`` and attachments in ``private_bucket``
    (by default the same bucket, under another prefix)."""
    common = {
        "endpoint_url": endpoint or None,
        "region_name": region,
        "addressing_style": addressing,
        "signature_version": "s3v4",
        # Two uploads named photo.jpg must not overwrite each other, as on disk.
        "file_overwrite": False,
        "default_acl": None,  # the bucket's policy decides; R2 and Garage ignore ACLs
    }
    public = urlsplit(public_url.rstrip("/"))
    return {
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                **common,
                "bucket_name": bucket,
                "location": MEDIA_S3_PREFIX,
                "querystring_auth": False,
                "custom_domain": (public.netloc + public.path) or None,
                "url_protocol": f"{public.scheme or 'https'}:",
                # Wagtail never reuses a file name: browsers and CDNs may keep a month.
                "object_parameters": {"CacheControl": "public, max-age=2592000"},
            },
        },
        "submissions": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                **common,
                "bucket_name": private_bucket or bucket,
                "location": SUBMISSIONS_S3_PREFIX,
                "querystring_auth": True,
                "querystring_expire": 300,
                "object_parameters": {"CacheControl": "private, no-store"},
            },
        },
    }


if DATELINE_MEDIA_S3_BUCKET:
    MEDIA_STORAGES = s3_storages(
        DATELINE_MEDIA_S3_BUCKET,
        endpoint=DATELINE_MEDIA_S3_ENDPOINT,
        region=DATELINE_MEDIA_S3_REGION,
        addressing=DATELINE_MEDIA_S3_ADDRESSING,
        public_url=DATELINE_MEDIA_S3_PUBLIC_URL,
        private_bucket=DATELINE_SUBMISSIONS_S3_BUCKET,
    )
    MEDIA_URL = media_url(
        DATELINE_MEDIA_S3_BUCKET,
        endpoint=DATELINE_MEDIA_S3_ENDPOINT,
        addressing=DATELINE_MEDIA_S3_ADDRESSING,
        public_url=DATELINE_MEDIA_S3_PUBLIC_URL,
    )
else:
    MEDIA_STORAGES = {"default": {"BACKEND": "django.core.files.storage.FileSystemStorage"}}

STORAGES = {
    **MEDIA_STORAGES,
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
