"""Dateline's own signals. Receivers are connected in each app's ``signal_handlers.py``."""

from django.dispatch import Signal

# Sent by ``dateline worker`` once it is ready to run tasks, before it takes the first one:
# apps tidy up after workers that were killed (the newsletter resumes half-done sends).
worker_started = Signal()
