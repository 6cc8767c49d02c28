"""The browser layer: a real Dateline server, Debian's Chromium through Playwright, and the
two validators the quality bars name (the Nu HTML checker and axe-core).

One server runs for the whole session, on data of its own: a temporary DATELINE_VAR_DIR
(SQLite, media, collected static files) or, when DATABASE_URL points at PostgreSQL, a
fresh `dateline_browser` database on that server, dropped at the end. It is built the way
a newsroom builds its site (migrate, collectstatic, load_demo) and served by gunicorn with
DEBUG off, so pages look as they do in production.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urljoin, urlsplit, urlunsplit

import pytest

from tests.helpers.browser_server import BIN_DIR, BROWSER_DB_NAME, LEAKY_ENV, PROJECT_DIR, require
from tests.helpers.page_checks import VIEWPORTS, nu_checker
from tests.helpers.servers import free_port

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def pytest_collection_modifyitems(config, items):
    """Every test under tests/browser carries the `browser` marker (`-m "not browser"`)."""
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.path)).parents:
            item.add_marker(pytest.mark.browser)


# --------------------------------------------------------------------------------------
# The server
# --------------------------------------------------------------------------------------


def _step_failed(what: str, result: subprocess.CompletedProcess | None, extra: str = "") -> None:
    output = ""
    if result is not None:
        output = (
            f"exit status {result.returncode}\n"
            f"--- stdout ---\n{result.stdout}\n--- stderr ---\n{result.stderr}"
        )
    pytest.fail(f"Browser test server: `{what}` failed. {extra}\n{output}", pytrace=False)


def _run_step(args: list[str], env: dict, timeout: int = 300) -> None:
    shown = " ".join([Path(args[0]).name, *args[1:]])
    try:
        result = subprocess.run(
            args, env=env, cwd=PROJECT_DIR, capture_output=True, text=True, timeout=timeout
        )
    except subprocess.TimeoutExpired as exc:
        _step_failed(shown, None, f"No result after {timeout} s.\n{exc.stdout}\n{exc.stderr}")
    if result.returncode != 0:
        _step_failed(shown, result)


class _Postgres:
    """A throwaway database on the server DATABASE_URL names."""

    def __init__(self, url: str):
        import psycopg

        self._psycopg = psycopg
        parts = urlsplit(url)
        self.admin_url = urlunsplit(parts._replace(path="/postgres"))
        self.url = urlunsplit(parts._replace(path=f"/{BROWSER_DB_NAME}"))

    def _execute(self, sql: str) -> None:
        with self._psycopg.connect(self.admin_url, autocommit=True) as conn:
            conn.execute(sql)

    def create(self) -> None:
        self.drop()
        self._execute(f'CREATE DATABASE "{BROWSER_DB_NAME}"')

    def drop(self) -> None:
        self._execute(f'DROP DATABASE IF EXISTS "{BROWSER_DB_NAME}" WITH (FORCE)')


def _wait_until_answering(url: str, process: subprocess.Popen, log: Path, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(
                f"gunicorn exited with status {process.returncode} before answering:\n"
                f"{log.read_text(errors='replace')}",
                pytrace=False,
            )
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except urllib.error.HTTPError:
            return  # it answers; what it answers is for the tests to judge
        except OSError:
            time.sleep(0.1)
    pytest.fail(
        f"gunicorn did not answer {url} within {timeout:.0f} s:\n{log.read_text(errors='replace')}",
        pytrace=False,
    )


@pytest.fixture(scope="session")
def site_url(tmp_path_factory) -> Iterator[str]:
    """A real Dateline server with the demo newsroom; yields http://127.0.0.1:<port>."""
    dateline = BIN_DIR / "dateline"
    gunicorn = BIN_DIR / "gunicorn"
    require(dateline, "install the project into this venv (make install-dev).")
    require(gunicorn, "install the project into this venv (make install-dev).")

    var_dir = tmp_path_factory.mktemp("dateline-var")
    database_url = os.environ.get("DATABASE_URL", "")
    env = {key: value for key, value in os.environ.items() if key not in LEAKY_ENV}
    # The site's address is known before the demo is loaded, as with `make demo`: its
    # links (canonical, feeds, OpenSearch) carry the port it really runs on.
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    env.update(
        DATELINE_BASE_URL=url,
        DATELINE_VAR_DIR=str(var_dir),
        DATELINE_SETTINGS="dev",
        DEBUG="0",
        ALLOWED_HOSTS="127.0.0.1,localhost",
        PYTHONUNBUFFERED="1",
    )
    postgres = None
    if database_url.startswith("postgres"):
        postgres = _Postgres(database_url)
        try:
            postgres.create()
        except Exception as exc:  # shown to the person running the tests
            where = f"{BROWSER_DB_NAME} on {postgres.admin_url}"
            pytest.fail(f"Could not create {where}: {exc}", pytrace=False)
        env["DATABASE_URL"] = postgres.url

    server = collect = worker = None
    try:
        # collectstatic needs no database: it runs while migrate does.
        collect = subprocess.Popen(
            [str(dateline), "collectstatic", "--noinput", "-v0"],
            env=env, cwd=PROJECT_DIR, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )  # fmt: skip
        _run_step([str(dateline), "migrate", "--noinput"], env)
        out, err = collect.communicate(timeout=300)
        if collect.returncode != 0:
            _step_failed(
                "dateline collectstatic --noinput -v0",
                subprocess.CompletedProcess(collect.args, collect.returncode, out, err),
            )
        _run_step([str(dateline), "load_demo"], env)

        log = var_dir / "gunicorn.log"
        with log.open("wb") as log_file:
            # The task worker beside it, as `make demo` runs one: it sends the signups'
            # confirmations (to the console: the same log, the tests' outbox).
            worker = subprocess.Popen(
                [str(dateline), "worker", "--verbosity", "0", "--no-reload"],
                env=env, cwd=PROJECT_DIR, stdout=log_file, stderr=subprocess.STDOUT,
            )  # fmt: skip
            server = subprocess.Popen(
                # No control socket: gunicorn's default (~/.gunicorn/gunicorn.ctl) is shared
                # with any server the developer runs, and ours would remove it on exit.
                [
                    # Production's gunicorn settings (threaded, kept-alive connections).
                    str(gunicorn), "dateline.wsgi", "-c", "python:dateline.gunicorn_config",
                    "--bind", f"127.0.0.1:{port}", "--workers", "2", "--no-control-socket",
                ],
                env=env, cwd=PROJECT_DIR, stdout=log_file, stderr=subprocess.STDOUT,
            )  # fmt: skip
        # Generous: on a busy machine each worker's first import of Django, Wagtail and the
        # project takes a while, and the first page renders everything cold.
        _wait_until_answering(url + "/", server, log, timeout=120)
        yield url
    finally:
        if collect is not None and collect.poll() is None:
            collect.kill()
            collect.wait()
        for process in (server, worker):
            if process is None:
                continue
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        if postgres is not None:
            postgres.drop()
        shutil.rmtree(var_dir, ignore_errors=True)


# --------------------------------------------------------------------------------------
# Chromium
# --------------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    require(CHROMIUM, "install Debian's Chromium: apt-get install -y chromium")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


class PageOpener:
    """`page_at("/path/", "phone")` opens a page in a fresh context at that viewport.

    The main document's response is kept in `last_response` (its body is the served HTML).
    Extra keyword arguments go to `browser.new_context` (e.g. `java_script_enabled=False`).
    """

    def __init__(self, browser, base_url: str):
        self.browser = browser
        self.base_url = base_url
        self.contexts: list = []
        self.last_response = None

    def new_page(self, viewport: str = "desktop", **context_options):
        context = self.browser.new_context(
            viewport=VIEWPORTS[viewport], base_url=self.base_url, **context_options
        )
        context.set_default_timeout(10_000)
        self.contexts.append(context)
        return context.new_page()

    def __call__(self, path: str, viewport: str = "desktop", **context_options):
        page = self.new_page(viewport, **context_options)
        self.last_response = page.goto(urljoin(self.base_url, path), wait_until="load")
        assert self.last_response is not None, f"no response for {path}"
        return page

    def close(self) -> None:
        for context in self.contexts:
            context.close()


@pytest.fixture
def page_at(browser, site_url) -> Iterator[PageOpener]:
    opener = PageOpener(browser, site_url)
    yield opener
    opener.close()


@pytest.fixture(scope="session", autouse=True)
def _nu_service():
    """Start the checker's JVM at once, so it warms up while the server is being built."""
    nu_checker.start()
    yield
    nu_checker.stop()
