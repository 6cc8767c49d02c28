"""Renders per expiry and latency when a hot page's time runs out under load.

gunicorn (the project's settings, 2 workers) serves the demo on SQLite with the page cache
in Redis and a short page lifetime (``--ttl``, 5 s); wrk asks for one article over
``--connections`` (32) connections for ``--duration`` seconds, so the page expires many
times under load. A Lua script counts the ``X-Dateline-Cache`` answers: each ``miss`` is
a render; an expiry is a run of seconds with renders in them (expiries are ``--ttl`` apart).
Printed: requests/s, p50/p99/max latency, renders, stale answers, renders per expiry.

``--project-dir`` serves another checkout (e.g. a worktree of ``main``) with this
checkout's virtualenv, to compare before and after on the same data.

    .venv/bin/python bench/stampede.py
    git worktree add --detach /tmp/dateline-before main
    .venv/bin/python bench/stampede.py --project-dir /tmp/dateline-before
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from demo_server import PAGES, _free_port, _wait_until_answering, build_demo  # noqa: E402

BIN_DIR = Path(sys.executable).parent
WRK = shutil.which("wrk") or "/usr/bin/wrk"

COUNTING_LUA = """
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) misses = 0; stales = 0; hits = 0; seconds = "" end
function response(status, headers, body)
  local answer = headers["X-Dateline-Cache"]
  if answer == "miss" then
    misses = misses + 1
    seconds = seconds .. os.time() .. ","
  elseif answer == "stale" then stales = stales + 1
  elseif answer == "hit" then hits = hits + 1 end
end
function done(summary, latency, requests)
  local m, s, h, all = 0, 0, 0, ""
  for _, t in ipairs(threads) do
    m = m + t:get("misses"); s = s + t:get("stales"); h = h + t:get("hits")
    all = all .. t:get("seconds")
  end
  io.write(string.format("COUNTS misses=%d stale=%d hits=%d\\n", m, s, h))
  io.write("SECONDS " .. all .. "\\n")
  io.write(string.format("LATENCY p50=%.1f p99=%.1f max=%.1f\\n",
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
"""


def serve(project_dir: Path, env: dict[str, str], workers: int, log_path: Path):
    port = _free_port()
    server_env = {**env, "PYTHONPATH": str(project_dir)}
    with log_path.open("wb") as log:
        server = subprocess.Popen(
            [
                str(BIN_DIR / "gunicorn"), "dateline.wsgi", "-c", "python:dateline.gunicorn_config",
                "--bind", f"127.0.0.1:{port}", "--workers", str(workers), "--no-control-socket",
                "--chdir", str(project_dir),
            ],
            env=server_env, cwd=project_dir, stdout=log, stderr=subprocess.STDOUT,
        )  # fmt: skip
    _wait_until_answering(f"http://127.0.0.1:{port}/", server, log_path)
    return server, f"http://127.0.0.1:{port}"


def run(args) -> None:
    var_dir = Path(args.var_dir)
    var_dir.mkdir(parents=True, exist_ok=True)
    env = build_demo(var_dir)
    env.update(
        CACHE_URL=args.cache_url,
        DATELINE_PAGE_CACHE="1",
        DATELINE_PAGE_CACHE_SECONDS=str(args.ttl),
    )
    subprocess.run(["redis-cli", "-u", args.cache_url, "FLUSHDB"], check=False, capture_output=True)
    path = dict(PAGES)["article"]
    server, url = serve(Path(args.project_dir).resolve(), env, args.workers, var_dir / "g.log")
    try:
        for _warm in range(3):
            urllib.request.urlopen(url + path, timeout=60).read()
        with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
            script.write(COUNTING_LUA)
        started = time.monotonic()
        out = subprocess.run(
            [WRK, "-t2", f"-c{args.connections}", f"-d{args.duration}s", "--timeout", "10s",
             "--latency", "-s", script.name, url + path],
            capture_output=True, text=True, check=True,
        ).stdout  # fmt: skip
        elapsed = time.monotonic() - started
    finally:
        server.terminate()
        server.wait(timeout=20)
    report(out, elapsed, args)


def report(out: str, elapsed: float, args) -> None:
    counts = dict(re.findall(r"(\w+)=(\d+)", out.split("COUNTS", 1)[1].splitlines()[0]))
    latency = dict(re.findall(r"(\w+)=([\d.]+)", out.split("LATENCY", 1)[1].splitlines()[0]))
    rate = re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)
    timeouts = re.search(r"timeout (\d+)", out)
    seconds = out.split("SECONDS", 1)[1].splitlines()[0]
    bursts = expiries(seconds)
    misses = int(counts["misses"])
    print(
        f"{Path(args.project_dir).resolve()}: ttl {args.ttl}s, {args.connections} connections, "
        f"{elapsed:.0f}s\n"
        f"  {rate} req/s  p50 {latency['p50']} ms  p99 {latency['p99']} ms  "
        f"max {latency['max']} ms  timeouts {timeouts.group(1) if timeouts else 0}\n"
        f"  renders (misses) {misses}, stale answers {counts['stale']}, hits {counts['hits']}; "
        f"expiries {bursts}: {misses / max(bursts, 1):.1f} renders per expiry\n"
        f"  renders at (s): {render_times(seconds)}"
    )


def render_times(seconds: str) -> str:
    marks = sorted(int(second) for second in seconds.split(",") if second)
    return " ".join(str(mark - marks[0]) for mark in marks) if marks else "-"


def expiries(seconds: str) -> int:
    """The expiries seen: runs of consecutive seconds in which renders happened (a page
    expires every ``--ttl`` seconds, and its renders follow within a second or two)."""
    marks = sorted({int(second) for second in seconds.split(",") if second})
    return sum(1 for i, mark in enumerate(marks) if i == 0 or mark - marks[i - 1] > 2)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--project-dir", default=str(Path(__file__).resolve().parent.parent))
    parser.add_argument("--var-dir", default="/tmp/dateline-bench-stampede")
    parser.add_argument(
        "--cache-url", default=os.environ.get("CACHE_URL", "redis://127.0.0.1:6379/3")
    )
    parser.add_argument("--ttl", type=int, default=5)
    parser.add_argument("--duration", type=int, default=30)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--workers", type=int, default=2)
    run(parser.parse_args())


if __name__ == "__main__":
    main()
