"""The demo newsroom served the way production serves it, for the page benchmarks.

bench/weight.py and bench/lighthouse.py share it: a database and media under --var-dir
(built on first use: migrate, load_demo; collectstatic on every run so the hashed,
compressed static files match the checkout), then gunicorn on 127.0.0.1 with DEBUG off,
static files from WhiteNoise.
"""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent
BIN_DIR = Path(sys.executable).parent

# The three page types the budgets and the Lighthouse targets name.
PAGES = [
    ("home", "/"),
    ("article", "/azerbaijan-launches-offensive-in-nagorno-karabakh/"),
    ("listing", "/regions/caucasus/"),
]


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _environment(var_dir: Path) -> dict[str, str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DJANGO_SETTINGS_MODULE", "MEDIA_ROOT", "STATIC_ROOT"}
    }
    env.update(
        DATELINE_VAR_DIR=str(var_dir),
        DATELINE_SETTINGS="dev",
        DEBUG="0",
        ALLOWED_HOSTS="127.0.0.1,localhost",
        PYTHONUNBUFFERED="1",
    )
    return env


def _run(args: list[str], env: dict[str, str]) -> None:
    print("$", " ".join([Path(args[0]).name, *args[1:]]), flush=True)
    subprocess.run(args, env=env, cwd=PROJECT_DIR, check=True)


def build_demo(var_dir: Path) -> dict[str, str]:
    """Migrate, collect static files and load the demo once; returns the server's environment."""
    env = _environment(var_dir)
    dateline = str(BIN_DIR / "dateline")
    _run([dateline, "migrate", "--noinput", "-v0"], env)
    _run([dateline, "collectstatic", "--noinput", "-v0"], env)
    if not (var_dir / "bench-demo-loaded").exists():
        _run([dateline, "load_demo"], env)
        (var_dir / "bench-demo-loaded").touch()
    return env


@contextlib.contextmanager
def serve_demo(var_dir: Path, workers: int = 2) -> Iterator[str]:
    """gunicorn serving the demo; yields its base URL, http://127.0.0.1:<port>."""
    env = build_demo(var_dir)
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    log_path = var_dir / "bench-gunicorn.log"
    with log_path.open("wb") as log:
        server = subprocess.Popen(
            [
                str(BIN_DIR / "gunicorn"), "dateline.wsgi", "-c", "python:dateline.gunicorn_config",
                "--bind", f"127.0.0.1:{port}", "--workers", str(workers), "--no-control-socket",
            ],
            env=env, cwd=PROJECT_DIR, stdout=log, stderr=subprocess.STDOUT,
        )  # fmt: skip
    try:
        _wait_until_answering(url + "/", server, log_path)
        yield url
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def _wait_until_answering(url: str, server: subprocess.Popen, log_path: Path) -> None:
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        if server.poll() is not None:
            sys.exit(f"gunicorn exited before answering:\n{log_path.read_text(errors='replace')}")
        try:
            with urllib.request.urlopen(url, timeout=60):
                return
        except urllib.error.HTTPError:
            return
        except OSError:
            time.sleep(0.2)
    sys.exit(f"gunicorn did not answer {url} within 300 s (first renders make image renditions)")
