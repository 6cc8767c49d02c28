"""WSGI entry point for gunicorn: `gunicorn dateline.wsgi`."""

import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault(
    "DJANGO_SETTINGS_MODULE",
    f"dateline.settings.{os.environ.get('DATELINE_SETTINGS', 'production')}",
)
application = get_wsgi_application()
# Start-up's objects (Django's, Wagtail's: about 200,000) live as long as the worker: frozen,
# they are left out of Python's full garbage collections, which would otherwise walk them
# all, some 100 ms, in the middle of a request now and then.
gc.freeze()
