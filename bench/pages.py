"""Page throughput and latency under load: gunicorn + PostgreSQL + Redis, driven by wrk.

Usage: .venv/bin/python bench/pages.py [--articles 100000] [--duration 10] [--connections 64]
       (DATABASE_URL=postgres://... and CACHE_URL=redis://... override the defaults below)

Builds the database on first use (migrate, load_demo, generate_articles) and reuses it
afterwards. Then, for the home page, an article, a region listing and the RSS feed:

- cold: gunicorn with the page cache switched off, so every request renders the page
  (chrome included), at --connections connections;
- warm: the page cache on (Redis), every request after the first is a stored page;
- cold render: the article at one connection, each request a different article (a page
  cache miss with the edition's chrome cached: what a reader meets after a publish);
- edge cache: the warm article through the shipped Varnish (deploy/varnish/dateline.vcl)
  in front of the same gunicorn;
- bare WSGI: the same article's bytes from the smallest WSGI app (bench/bare_wsgi.py) under
  the same gunicorn settings: what gunicorn and Python alone can do here;
- nginx: the same article's HTML as a static file served by our own nginx.

Prints requests per second, p50/p99 latency and errors per run, and the ratios of the
warm article to the bare WSGI app, nginx and the edge cache. Targets on a 2-core machine:
warm article >= 2,000 requests/s with no error and >= 0.6 of the bare WSGI app, cold
render of an article p50 <= 25 ms.
"""

import argparse
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from edge import Varnish

ROOT = Path(__file__).resolve().parent.parent
BIN = ROOT / ".venv" / "bin"
WRK = shutil.which("wrk") or "/usr/bin/wrk"
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
DEFAULT_DATABASE = "postgres://postgres@127.0.0.1:5432/dateline_pagesbench"
DEFAULT_CACHE = "redis://127.0.0.1:6379/3"
PAGES = [
    ("home", "/"),
    ("article", None),  # the newest generated article, found after the build
    ("listing", "/regions/caucasus/"),
    ("feed", "/feeds/rss/"),
]

# Each wrk thread walks its own share of the paths, so that no two requests ask for the
# same article: every one is a page-cache miss.
DISTINCT_PATHS_LUA = """
local paths = {}
for line in io.lines("%(paths)s") do paths[#paths + 1] = line end
local counter = 0
local threads = %(threads)d
function setup(thread)
  thread:set("offset", counter)
  counter = counter + 1
end
function init(args)
  index = offset
end
function request()
  index = index + threads
  return wrk.format("GET", paths[(index %% #paths) + 1])
end
"""

NGINX_CONF = """
daemon off;
worker_processes 2;
pid %(dir)s/nginx.pid;
error_log %(dir)s/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path %(dir)s/body;
  proxy_temp_path %(dir)s/proxy;
  fastcgi_temp_path %(dir)s/fastcgi;
  uwsgi_temp_path %(dir)s/uwsgi;
  scgi_temp_path %(dir)s/scgi;
  default_type text/html;
  server {
    listen 127.0.0.1:%(port)d;
    root %(dir)s/html;
    location / { try_files /article.html =404; }
  }
}
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def run(args: list[str], env: dict) -> str:
    result = subprocess.run(args, env=env, cwd=ROOT, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"{' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
    return result.stdout


COUNT = "from dateline.news.models import ArticlePage as A; print(A.objects.count())"


def create_database(url: str) -> None:
    """Create the benchmark's own PostgreSQL database if it does not exist yet."""
    if not url.startswith("postgres"):
        return
    from urllib.parse import urlsplit

    import psycopg

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    with psycopg.connect(parts._replace(path="/postgres").geturl(), autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            conn.execute(f'CREATE DATABASE "{name}"')


def build(env: dict, articles: int) -> None:
    """The benchmark database, built once: demo newsroom plus generated articles."""
    create_database(env["DATABASE_URL"])
    dateline = str(BIN / "dateline")
    run([dateline, "migrate", "--noinput", "-v0"], env)
    run([dateline, "collectstatic", "--noinput", "-v0"], env)
    count = int(run([dateline, "shell", "-c", COUNT], env).strip().splitlines()[-1])
    if count == 0:
        run([dateline, "load_demo"], env)
        count = int(run([dateline, "shell", "-c", COUNT], env).strip().splitlines()[-1])
    if count < articles:
        print(f"generating {articles - count} articles (once; this takes a while)...")
        run([dateline, "generate_articles", "--count", str(articles - count)], env)
    # Bulk inserts leave the planner's statistics saying the tables are nearly empty (until
    # autovacuum gets round to them), and then it picks plans that take seconds.
    analyze = "from django.db import connection; connection.cursor().execute('ANALYZE')"
    run([dateline, "shell", "-c", analyze], env)


ARTICLE_PATHS = (
    "from dateline.news.models import ArticlePage as A\n"
    "from wagtail.models import Locale\n"
    "en = Locale.objects.get(language_code='en')\n"
    "for a in A.objects.live().filter(locale=en).order_by('-pk')[:%d]:\n"
    "    print(a.url)\n"
)


def article_paths(env: dict, count: int) -> list[str]:
    out = run([str(BIN / "dateline"), "shell", "-c", ARTICLE_PATHS % count], env)
    return [line for line in out.splitlines() if line.startswith("/")]


class Server:
    """gunicorn on 127.0.0.1, its own port, started and stopped by us; Dateline, or ``app``
    (a module of bench/) under the same settings."""

    def __init__(self, env: dict, workers: int, log: Path, app: str = "dateline.wsgi"):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = log.open("ab")
        self.process = subprocess.Popen(
            [str(BIN / "gunicorn"), app, "-c", "python:dateline.gunicorn_config",
             "--bind", f"127.0.0.1:{self.port}", "--workers", str(workers),
             "--no-control-socket", "--access-logfile",
             "-" if os.environ.get("BENCH_ACCESS_LOG") else "/dev/null",
             # bench/'s modules for a bare app only: their names would shadow others'.
             *([] if app.startswith("dateline.") else ["--pythonpath", str(ROOT / "bench")])],
            env=env, cwd=ROOT, stdout=self.log, stderr=subprocess.STDOUT,
        )  # fmt: skip
        deadline = time.time() + 240  # workers import Django and Wagtail: slow on a busy machine
        while time.time() < deadline:
            try:
                with urllib.request.urlopen(self.url + "/robots.txt", timeout=2):
                    return
            except OSError:
                time.sleep(0.2)
        self.stop()
        sys.exit(f"gunicorn did not answer; see {log}")

    def stop(self) -> None:
        stop_process(self.process)
        self.log.close()


class TaskWorker:
    """`dateline worker` beside the server, as production runs one (docs/deploy.md's unit,
    at nice 10): it sends the signups' confirmation emails and indexes what the desk
    publishes."""

    def __init__(self, env: dict, log: Path):
        self.log = log.open("ab")
        self.process = subprocess.Popen(
            ["nice", "-n", "10", str(BIN / "dateline"), "worker", "--no-reload", "--verbosity",
             "0"],
            env=env, cwd=ROOT, stdout=self.log, stderr=subprocess.STDOUT,
        )  # fmt: skip

    def stop(self) -> None:
        stop_process(self.process)
        self.log.close()


def stop_process(process: subprocess.Popen) -> None:
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=60)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def drain(url: str) -> None:
    """One request, answered once every request queued before it is: a wrk run that ends
    leaves its connections' requests in the workers' queue (64 renders of a cold page take
    many seconds), and the next run must not start behind them."""
    with urllib.request.urlopen(url, timeout=300) as response:
        response.read()


def wrk(url: str, connections: int, duration: int, script: Path | None = None) -> dict:
    threads = min(2, connections)
    # A page rendered with nothing cached takes longer than wrk's 2 s default once 64
    # connections queue for 4 workers: wait, so that slow answers count as slow, not lost.
    args = [WRK, "-t", str(threads), "-c", str(connections), "-d", f"{duration}s", "--latency",
            "--timeout", "30s"]  # fmt: skip
    if script:
        args += ["-s", str(script)]
    out = subprocess.run([*args, url], capture_output=True, text=True, check=True).stdout
    return parse_wrk(out)


def _ms(text: str) -> float:
    value, unit = re.match(r"([\d.]+)(us|ms|s)", text).groups()
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]


def parse_wrk(out: str) -> dict:
    figures = {"rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))}
    for pct in ("50", "99"):
        figures[f"p{pct}"] = _ms(re.search(rf"\s{pct}%\s+(\S+)", out).group(1))
    errors = 0
    socket_errors = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out
    )
    if socket_errors:
        errors += sum(int(n) for n in socket_errors.groups())
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    if non_2xx:
        errors += int(non_2xx.group(1))
    figures["errors"] = errors
    figures["requests"] = int(re.search(r"(\d+) requests in", out).group(1))
    return figures


def line(name: str, mode: str, figures: dict) -> str:
    return (
        f"{name:10} {mode:12} {figures['rps']:>9.0f} {figures['p50']:>9.1f} "
        f"{figures['p99']:>9.1f} {figures['errors']:>7} {figures['requests']:>9}"
    )


def serve_static(html: bytes, workdir: Path) -> tuple[subprocess.Popen, int]:
    """Our own nginx, with its own config, pid and logs under ``workdir``."""
    (workdir / "html").mkdir(parents=True)
    (workdir / "html" / "article.html").write_bytes(html)
    port = free_port()
    conf = workdir / "nginx.conf"
    conf.write_text(NGINX_CONF % {"dir": workdir, "port": port})
    process = subprocess.Popen(
        [NGINX, "-c", str(conf), "-p", str(workdir), "-e", str(workdir / "error.log")],
        stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT,
    )  # fmt: skip
    for _ in range(50):
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=1):
                return process, port
        except OSError:
            time.sleep(0.1)
    process.terminate()
    sys.exit(f"nginx did not start; see {workdir / 'error.log'}")


def through_edge(warm: Server, article: str, args, workdir: Path) -> dict:
    """The warm article through the shipped Varnish in front of ``warm``."""
    varnish = Varnish(warm.port, free_port(), workdir / "varnish")
    try:
        drain(varnish.url + article)
        wrk(varnish.url + article, args.connections, 2)
        return wrk(varnish.url + article, args.connections, args.duration)
    finally:
        varnish.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--duration", type=int, default=10, help="seconds per wrk run")
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--workers", type=int, default=4, help="gunicorn workers")
    parser.add_argument("--var-dir", default="/tmp/dateline-pagesbench")
    parser.add_argument(
        "--build-only", action="store_true",
        help="build the database and stop (run it outside the bench lock)",
    )  # fmt: skip
    args = parser.parse_args()

    env = dict(os.environ)
    env.update(
        DATABASE_URL=os.environ.get("DATABASE_URL") or DEFAULT_DATABASE,
        CACHE_URL=os.environ.get("CACHE_URL") or DEFAULT_CACHE,
        DATELINE_VAR_DIR=args.var_dir,
        DATELINE_SETTINGS="dev",
        DEBUG="0",
        ALLOWED_HOSTS="127.0.0.1,localhost",
        PYTHONUNBUFFERED="1",
    )
    env.pop("REDIS_URL", None)
    build(env, args.articles)
    if args.build_only:
        return
    paths = article_paths(env, 20_000)
    article = paths[0]
    pages = [(name, path or article) for name, path in PAGES]
    workdir = Path(tempfile.mkdtemp(prefix="dateline-pagesbench-"))
    workdir.chmod(0o755)  # nginx's workers run as another user when started by root
    log = workdir / "gunicorn.log"
    (workdir / "paths.txt").write_text("\n".join(paths[1:]) + "\n")
    lua = workdir / "distinct.lua"
    lua.write_text(DISTINCT_PATHS_LUA % {"paths": workdir / "paths.txt", "threads": 1})

    database = env["DATABASE_URL"].split(":", 1)[0]
    print(f"{database} {env['DATABASE_URL'].rsplit('/', 1)[-1]}, Redis {env['CACHE_URL']}, "
          f"{args.workers} gunicorn workers, wrk {args.connections} connections x "
          f"{args.duration} s, article {article}")  # fmt: skip
    print(f"{'page':10} {'mode':12} {'req/s':>9} {'p50 ms':>9} {'p99 ms':>9} {'errors':>7} "
          f"{'requests':>9}")  # fmt: skip
    results = {}

    cold = Server({**env, "DATELINE_PAGE_CACHE": "0"}, args.workers, log)
    try:
        for name, path in pages:
            drain(cold.url + path)  # renditions, imports; and nothing queued from before
            results[(name, "cold")] = wrk(cold.url + path, args.connections, args.duration)
            print(line(name, "cold", results[(name, "cold")]), flush=True)
        drain(cold.url + "/")
    finally:
        cold.stop()

    warm = Server({**env, "DATELINE_PAGE_CACHE": "1"}, args.workers, log)
    try:
        for name, path in pages:
            drain(warm.url + path)  # stores the page: the 64 connections then find it
            wrk(warm.url + path, args.connections, 2)
            results[(name, "warm")] = wrk(warm.url + path, args.connections, args.duration)
            print(line(name, "warm", results[(name, "warm")]), flush=True)
        # One connection, a different article each time: the render time a reader waits.
        wrk(warm.url + "/", 1, 1)
        results[("article", "cold render")] = wrk(warm.url + "/", 1, args.duration, lua)
        print(line("article", "cold render", results[("article", "cold render")]), flush=True)
        with urllib.request.urlopen(warm.url + article) as response:
            html = response.read()
        results[("article", "edge cache")] = through_edge(warm, article, args, workdir)
        print(line("article", "edge cache", results[("article", "edge cache")]), flush=True)
    finally:
        warm.stop()

    (workdir / "article.html").write_bytes(html)
    bare_env = {**env, "BENCH_BARE_BODY": str(workdir / "article.html")}
    bare = Server(bare_env, args.workers, log, app="bare_wsgi:application")
    try:
        wrk(bare.url + "/", args.connections, 2)
        results[("article", "bare WSGI")] = wrk(bare.url + "/", args.connections, args.duration)
        print(line("article", "bare WSGI", results[("article", "bare WSGI")]), flush=True)
    finally:
        bare.stop()

    nginx, port = serve_static(html, workdir / "nginx")
    try:
        url = f"http://127.0.0.1:{port}/"
        wrk(url, args.connections, 2)
        results[("article", "nginx static")] = wrk(url, args.connections, args.duration)
        print(line("article", "nginx static", results[("article", "nginx static")]), flush=True)
    finally:
        nginx.send_signal(signal.SIGQUIT)
        nginx.wait(timeout=30)

    warm_rps = results[("article", "warm")]["rps"]
    static_rps = results[("article", "nginx static")]["rps"]
    bare_rps = results[("article", "bare WSGI")]["rps"]
    edge_rps = results[("article", "edge cache")]["rps"]
    print(f"\nwarm Dateline article / bare WSGI app: {warm_rps / bare_rps:.2f}")
    print(f"nginx static / warm Dateline article: {static_rps / warm_rps:.1f}x")
    print(f"edge cache (Varnish) / warm Dateline article: {edge_rps / warm_rps:.1f}x")
    checks = [
        ("warm article >= 2,000 req/s", warm_rps >= 2000),
        ("warm article >= 0.6 of the bare WSGI app", warm_rps >= 0.6 * bare_rps),
        ("warm article, 0 errors", results[("article", "warm")]["errors"] == 0),
        ("cold render of an article p50 <= 25 ms",
         results[("article", "cold render")]["p50"] <= 25),
    ]  # fmt: skip
    for label, ok in checks:
        print(f"{'PASS' if ok else 'MISS'}  {label}")
    print(f"(logs in {workdir})")


if __name__ == "__main__":
    main()
