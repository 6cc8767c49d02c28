"""The smallest WSGI app that answers like a stored Dateline page: every request gets the
bytes of one file (``BENCH_BARE_BODY``) as HTML. bench/pages.py serves it under the same
gunicorn settings as Dateline, to say what gunicorn and Python alone can do on this machine.
"""

import os
from pathlib import Path

BODY = Path(os.environ["BENCH_BARE_BODY"]).read_bytes()
HEADERS = [("Content-Type", "text/html; charset=utf-8"), ("Content-Length", str(len(BODY)))]


def application(environ, start_response):
    start_response("200 OK", HEADERS)
    return [BODY]
