"""Settings of the servers and workers the read-replica tests start: the fault tests'
settings (page cache on, database and cache from the environment) with tasks queued in the
database for `dateline worker`, and emails written to files the test reads."""

import os

from tests.helpers.fault_settings import *  # noqa: F403

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
EMAIL_FILE_PATH = os.environ.get("DATELINE_TEST_EMAIL_DIR", "")
