"""What tests share, other than fixtures (those stay in the conftest.py files).

Test modules import from here, never from one another or from a conftest.py:

- factories.py: pages, images, a small newsroom (make_site) and its Russian edition, and a
  published desk form, built through Wagtail's API;
- media_factories.py: blogs, podcasts, video and visual stories, and the files they hold;
- waiting.py: wait_until, for conditions that other processes or threads make true;
- servers.py: real PostgreSQL, Redis, gunicorn and worker processes for the fault tests;
- fault_settings.py: the settings those gunicorn servers run with (a dotted path);
- worker_tasks.py: a task a `dateline worker` subprocess can import and run;
- mail.py: an SMTP handler (Sink) that keeps what it is sent, and readers of the emails;
- browser_server.py and page_checks.py: the browser tests' server settings, and the
  screenshot, Nu HTML checker and axe-core checks of a page.
"""
