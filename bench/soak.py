"""Soak test: mixed traffic (pages, searches, the API, newsletter signups) at 64 connections
against gunicorn, one wrk run per minute, reporting 5xx, latency percentiles per minute and
the RSS of gunicorn's master and workers at the start and the end.

By default it sets up and starts the site itself, production-like, and stops it at the end:
PostgreSQL database dateline_soak (built once: migrate, the demo, then generated articles up
to --articles), Redis db 7 as the cache, DATELINE_SETTINGS=production (DEBUG off; TLS is
nginx's job, so SECURE_SSL_REDIRECT=0 and each request carries X-Forwarded-Proto: https as
nginx would send it), --workers gunicorn workers on 127.0.0.1, a task worker (`dateline worker`),
and an SMTP sink in this process for the signups' confirmation emails, which the worker
sends. Signups all come from 127.0.0.1, so the per-network signup limit is raised for the
run (NEWSLETTER_SIGNUP_RATE_IP), or nearly all of them would be 429s that never reach the
database or the mail server.

    flock /tmp/dateline-bench.lock .venv/bin/python bench/soak.py

DATABASE_URL= and CACHE_URL= override the database and cache. To soak a site you started
yourself, give its address and gunicorn's --pid file:

    .venv/bin/python bench/soak.py --url http://127.0.0.1:8107 --pidfile /tmp/dateline-soak.pid

Needs wrk (/usr/bin/wrk). --minutes (default 10), --connections (default 64).
"""

import argparse
import json
import os
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

from newsletter import Sink, free_port
from pages import Server, TaskWorker, build

WRK = shutil.which("wrk") or "/usr/bin/wrk"
DEFAULT_DATABASE = "postgres://postgres@127.0.0.1:5432/dateline_soak"
DEFAULT_CACHE = "redis://127.0.0.1:6379/7"
PATHS = [
    "/",
    "/regions/caucasus/",
    "/topics/politics/",
    "/about/",
    "/ru/",
    "/search/?q=ceasefire",
    "/search/?q=water&place=armenia",
    "/search/?q=%D0%B2%D0%BE%D0%B4%D0%B0",
    "/feeds/rss/",
    "/sitemap.xml",
    "/api/v2/articles/?limit=20",
    "/api/v2/articles/?search=water&place=armenia",
]

# One request in 20 is a newsletter signup with a new address; the rest are GETs of PATHS at
# random. Each wrk thread counts its own 4xx and 5xx; done() adds them up.
LUA = r"""
local paths = {%(paths)s}
local threads = {}
local counter = 0
wrk.headers["X-Forwarded-Proto"] = "https"
function setup(thread)
  counter = counter + 1
  thread:set("id", counter)
  table.insert(threads, thread)
end
function init(args)
  fourxx = 0
  fivexx = 0
  requests = 0
  math.randomseed(os.time() * 100 + id)
end
function request()
  requests = requests + 1
  if requests %% 20 == 0 then
    local body = "email=soak" .. id .. "-" .. math.random(1, 1e9) .. "%%40example.org&edition=en"
    return wrk.format("POST", "/newsletter/subscribe/",
      {["Content-Type"] = "application/x-www-form-urlencoded"}, body)
  end
  return wrk.format("GET", paths[math.random(#paths)])
end
function response(status)
  if status >= 500 then fivexx = fivexx + 1 elseif status >= 400 then fourxx = fourxx + 1 end
end
function done(summary, latency, requests)
  local fives, fours = 0, 0
  for _, t in ipairs(threads) do
    fives = fives + t:get("fivexx")
    fours = fours + t:get("fourxx")
  end
  io.write(string.format('SOAK {"requests": %%d, "fivexx": %%d, "fourxx": %%d, ' ..
    '"p50": %%.1f, "p95": %%.1f, "p99": %%.1f, "max": %%.1f, "errors": %%d}\n',
    summary.requests, fives, fours,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
"""


def lua_script() -> str:
    return LUA % {"paths": ", ".join(json.dumps(path) for path in PATHS)}


def rss_kb(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def gunicorn_rss(master: int) -> dict[int, float]:
    """RSS in MB of the gunicorn master (first) and each of its workers."""
    children = subprocess.run(
        ["ps", "--ppid", str(master), "-o", "pid="], capture_output=True, text=True
    ).stdout.split()
    return {pid: rss_kb(pid) / 1024 for pid in [master, *map(int, children)]}


def show_rss(label: str, rss: dict[int, float]) -> None:
    master, *workers = rss.items()
    parts = [f"master {master[0]}: {master[1]:.0f} MB"]
    parts += [f"worker {pid}: {mb:.0f} MB" for pid, mb in workers]
    print(f"RSS at {label}: {sum(rss.values()):.0f} MB ({'; '.join(parts)})")


def preflight(url: str) -> None:
    """Each path twice, alone: a wrong address shows up as such and not as a 4xx count, and
    the second time (the page cache warm) says what one request of each costs."""
    print("path: status, ms (first request, second)")
    for path in PATHS:
        request = urllib.request.Request(url + path, headers={"X-Forwarded-Proto": "https"})
        times = []
        for _ in range(2):
            started = time.perf_counter()
            try:
                with urllib.request.urlopen(request, timeout=60) as response:
                    response.read()
                    status = response.status
            except urllib.error.HTTPError as error:
                status = error.code
            times.append((time.perf_counter() - started) * 1000)
        warning = "" if status == 200 else "  <- warning: not 200"
        print(f"  {path}: {status}, {times[0]:.0f} / {times[1]:.0f}{warning}")


def soak(url: str, master: int, args) -> int:
    """The wrk runs; returns the number of 5xx."""
    script = Path(tempfile.mkstemp(suffix=".lua")[1])
    script.write_text(lua_script())
    preflight(url)
    start_rss = gunicorn_rss(master)
    show_rss("start", start_rss)
    print("minute  requests  req/s  5xx  4xx  socket-errors  p50 ms  p95 ms  p99 ms  max ms"
          "  RSS MB  load")  # fmt: skip
    total_5xx = 0
    for minute in range(1, args.minutes + 1):
        out = subprocess.run(
            [WRK, "-t", str(args.threads), "-c", str(args.connections), "-d", "60s",
             "--timeout", "30s", "-s", str(script), url],
            capture_output=True, text=True, check=True,
        ).stdout  # fmt: skip
        line = next(x for x in out.splitlines() if x.startswith("SOAK "))
        r = json.loads(line[5:])
        total_5xx += r["fivexx"]
        load = os.getloadavg()[0]
        rss = sum(gunicorn_rss(master).values())
        print(
            f"{minute:>6}  {r['requests']:>8}  {r['requests'] / 60:>5.0f}  {r['fivexx']:>3}  "
            f"{r['fourxx']:>3}  {r['errors']:>13}  {r['p50']:>6.0f}  {r['p95']:>6.0f}  "
            f"{r['p99']:>6.0f}  {r['max']:>6.0f}  {rss:>6.0f}  {load:>4.1f}",
            flush=True,
        )
    end_rss = gunicorn_rss(master)
    show_rss("end", end_rss)
    change = sum(end_rss.values()) - sum(start_rss.values())
    print(f"RSS change: {change:+.0f} MB (target: flat)")
    if set(end_rss) != set(start_rss):
        print("warning: gunicorn's processes changed during the run (a worker restarted)")
    print(f"5xx in total: {total_5xx} (target 0)")
    script.unlink()
    return total_5xx


def serve_and_soak(args) -> int:
    from aiosmtpd.controller import Controller

    sink = Sink()
    smtp_port = free_port()
    controller = Controller(sink, hostname="127.0.0.1", port=smtp_port)
    controller.start()
    var_dir = Path(args.var_dir)
    var_dir.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ)
    env.pop("REDIS_URL", None)
    env.update(
        DATABASE_URL=os.environ.get("DATABASE_URL") or DEFAULT_DATABASE,
        CACHE_URL=os.environ.get("CACHE_URL") or DEFAULT_CACHE,
        DATELINE_VAR_DIR=str(var_dir),
        PYTHONUNBUFFERED="1",
    )
    # Built with the dev settings, as bench/pages.py builds its database.
    build({**env, "DATELINE_SETTINGS": "dev", "DEBUG": "0", "ALLOWED_HOSTS": "127.0.0.1"},
          args.articles)  # fmt: skip
    env.pop("DEBUG", None)
    env.update(
        DATELINE_SETTINGS="production",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1,localhost",
        DATELINE_BASE_URL="https://127.0.0.1",
        SECURE_SSL_REDIRECT="0",
        EMAIL_URL=f"smtp://127.0.0.1:{smtp_port}",
        NEWSLETTER_SIGNUP_RATE_IP="100000000",
    )
    log = var_dir / "gunicorn.log"
    log.unlink(missing_ok=True)
    database = env["DATABASE_URL"].rsplit("/", 1)[-1]
    print(f"PostgreSQL {database}, Redis {env['CACHE_URL']}, {args.workers} gunicorn workers, "
          f"production settings; log {log}")  # fmt: skip
    server = Server(env, args.workers, log)
    worker = TaskWorker(env, var_dir / "worker.log")
    try:
        return soak(server.url, server.process.pid, args)
    finally:
        worker.stop()
        server.stop()
        controller.stop()
        print(f"confirmation emails received by the SMTP sink: {sum(sink.count.values())}")
        errors = log.read_text(errors="replace").count("Traceback")
        print(f"tracebacks in the gunicorn log: {errors}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", help="soak a running site instead of starting one")
    parser.add_argument("--pidfile", type=Path, help="gunicorn's --pid file (with --url)")
    parser.add_argument("--minutes", type=int, default=10)
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--articles", type=int, default=20_000)
    parser.add_argument("--var-dir", default="/tmp/dateline-soak")
    args = parser.parse_args()
    started = time.time()
    if args.url:
        if not args.pidfile:
            parser.error("--url needs --pidfile (gunicorn's --pid file)")
        fivexx = soak(args.url.rstrip("/"), int(args.pidfile.read_text().strip()), args)
    else:
        fivexx = serve_and_soak(args)
    print(f"load average (1, 5, 15 min): {' '.join(f'{x:.2f}' for x in os.getloadavg())}; "
          f"{(time.time() - started) / 60:.1f} minutes in all")  # fmt: skip
    sys.exit(1 if fivexx else 0)


if __name__ == "__main__":
    main()
