"""WSGI entry point for gunicorn: `gunicorn dateline.wsgi`."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault(
    "DJANGO_SETTINGS_MODULE",
    f"dateline.settings.{os.environ.get('DATELINE_SETTINGS', 'production')}",
)
application = get_wsgi_application()
