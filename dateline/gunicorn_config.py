"""gunicorn's settings for Dateline: ``gunicorn -c python:dateline.gunicorn_config dateline.wsgi``.

Flags on the command line (``--bind``, ``--workers``) override what is set here.

Threaded workers keep a reader's (or nginx's) connection open between requests. With
gunicorn's default sync workers every request opens and closes a TCP connection, which
costs more than serving a page from the page cache does. Threads also let a worker go on
serving while one of its requests waits on PostgreSQL or Redis.
"""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8001")
# The usual rule: two workers a core, plus one.
workers = int(os.environ.get("GUNICORN_WORKERS") or multiprocessing.cpu_count() * 2 + 1)
worker_class = "gthread"
threads = int(os.environ.get("GUNICORN_THREADS") or 8)
# Seconds an idle kept-alive connection stays open; nginx's upstream keepalive reuses them.
keepalive = 15
# How many connections one worker holds at once. A threaded worker accepts every connection
# the kernel hands it, busy or not (gunicorn leaves the spreading to the kernel), so with
# gunicorn's default of 1,000 one worker could end up holding every kept-alive connection
# while the others idle: the soak bench saw whole minutes at half speed, one worker at 0 %
# CPU. With a cap, a worker that holds its share stops accepting and the others take the
# rest. Workers × this must stay above the connections nginx, Varnish and readers open
# together: a connection past it is not accepted until one closes, and kept-alive ones
# under load never do (bench/storm.py's 65th connection, next to wrk's 64 with 2 workers of
# 32, waited a whole minute). Five a thread: 40 a worker, room above an even share of 64.
worker_connections = int(os.environ.get("GUNICORN_WORKER_CONNECTIONS") or threads * 5)
