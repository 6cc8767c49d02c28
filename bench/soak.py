"""Soak test: mixed traffic (pages, searches, newsletter signups) at 64 connections against a
running gunicorn, one wrk run per minute, reporting 5xx, latency percentiles per minute and
the RSS of gunicorn's master and workers at the start and the end.

Start the site first (production-like: PostgreSQL, Redis, 2 workers, the demo plus
generated articles), e.g.:

    DATELINE_SETTINGS=production ... .venv/bin/gunicorn dateline.wsgi -w 2 -b 127.0.0.1:8107 \\
        --pid /tmp/dateline-soak.pid &
    .venv/bin/python bench/soak.py --url http://127.0.0.1:8107 --pidfile /tmp/dateline-soak.pid

Needs wrk (/usr/bin/wrk). --minutes (default 10), --connections (default 64).
"""

import argparse
import json
import subprocess
import tempfile
from pathlib import Path

LUA = r"""
local paths = {
  "/", "/regions/caucasus/", "/topics/politics/", "/about/", "/ru/",
  "/search/?q=ceasefire", "/search/?q=water&place=armenia", "/search/?q=%D0%B2%D0%BE%D0%B4%D0%B0",
  "/feeds/rss/", "/sitemap.xml",
}
local counter = 0
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) fivexx = 0; math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16)) end
function request()
  counter = counter + 1
  if counter % 20 == 0 then
    local body = "email=soak" .. math.random(1, 1e9) .. "%40example.org&edition=en"
    return wrk.format("POST", "/newsletter/subscribe/",
      {["Content-Type"] = "application/x-www-form-urlencoded"}, body)
  end
  return wrk.format("GET", paths[math.random(#paths)])
end
function response(status) if status >= 500 then fivexx = fivexx + 1 end end
function done(summary, latency, requests)
  local total = 0
  for _, t in ipairs(threads) do total = total + t:get("fivexx") end
  io.write(string.format('SOAK {"requests": %d, "fivexx": %d, "p50": %.1f, "p95": %.1f, ' ..
    '"p99": %.1f, "errors": %d}\n', summary.requests, total,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
"""


def rss_mb(pidfile: Path) -> float:
    """RSS of the gunicorn master and its workers, in MB."""
    master = int(pidfile.read_text().strip())
    children = subprocess.run(
        ["ps", "--ppid", str(master), "-o", "pid="], capture_output=True, text=True
    ).stdout.split()
    total_kb = 0
    for pid in [master, *map(int, children)]:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                total_kb += int(line.split()[1])
    return total_kb / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default="http://127.0.0.1:8107")
    parser.add_argument("--pidfile", type=Path, required=True, help="gunicorn's --pid file")
    parser.add_argument("--minutes", type=int, default=10)
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args()

    script = Path(tempfile.mkstemp(suffix=".lua")[1])
    script.write_text(LUA)
    start_rss = rss_mb(args.pidfile)
    print(f"RSS at start: {start_rss:.0f} MB")
    print("minute  requests  5xx  socket-errors  p50 ms  p95 ms  p99 ms")
    total_5xx = 0
    for minute in range(1, args.minutes + 1):
        out = subprocess.run(
            ["wrk", "-t", str(args.threads), "-c", str(args.connections), "-d", "60s",
             "--timeout", "30s", "-s", str(script), args.url],
            capture_output=True, text=True, check=True,
        ).stdout  # fmt: skip
        line = next(x for x in out.splitlines() if x.startswith("SOAK "))
        r = json.loads(line[5:])
        total_5xx += r["fivexx"]
        print(
            f"{minute:>6}  {r['requests']:>8}  {r['fivexx']:>3}  {r['errors']:>13}  "
            f"{r['p50']:>6.0f}  {r['p95']:>6.0f}  {r['p99']:>6.0f}"
        )
    end_rss = rss_mb(args.pidfile)
    print(f"RSS at end: {end_rss:.0f} MB ({end_rss - start_rss:+.0f} MB)")
    print(f"5xx in total: {total_5xx} (target 0)")
    script.unlink()


if __name__ == "__main__":
    main()
