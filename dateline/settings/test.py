"""Settings for the test suite: DATABASE_URL picks SQLite (default) or PostgreSQL."""

import os
import tempfile

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-key"
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = os.environ.get("MEDIA_ROOT") or tempfile.mkdtemp(prefix="dateline-test-media-")
STATIC_ROOT = tempfile.mkdtemp(prefix="dateline-test-static-")
# Tests run without collectstatic; the manifest storage would need one. Media stays where
# the environment puts it: local disk, or the bucket of a test's own S3 server
# (tests/helpers/object_storage.py).
STORAGES = {
    **MEDIA_STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
DATELINE_SUBMISSIONS_ROOT = tempfile.mkdtemp(prefix="dateline-test-submissions-")
# Tasks run inline, in the test that queues them; the newsletter's tests switch to the
# database backend (tests/newsletter/conftest.py) to exercise its workers.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
# The page cache is cleared on commit, which a test's transaction never reaches: off by
# default, on in the tests that test it (tests/core/test_page_cache.py).
DATELINE_PAGE_CACHE = False
