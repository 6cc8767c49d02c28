"""Varnish with the shipped configuration (deploy/varnish/dateline.vcl) in front of a test's
gunicorn, on ports and in a directory of the test's own; and plain HTTP requests to it that
can say which Host they are for, which cookies they carry and which local address they
come from."""

import http.client
import http.server
import re
import shutil
import subprocess
import tempfile
import threading
import time
from pathlib import Path

from .servers import ROOT, free_port
from .waiting import wait_until

VARNISHD = shutil.which("varnishd") or "/usr/sbin/varnishd"
VCL = ROOT / "deploy" / "varnish" / "dateline.vcl"


def vcl_for(backend_port: int) -> str:
    """The shipped VCL with its backends moved to ``backend_port``."""
    text = VCL.read_text()
    text, count = re.subn(r'\.port = "8001";', f'.port = "{backend_port}";', text)
    assert count == 2, "the sample VCL's backends (fetched from, watched) have moved"
    return text


class Response:
    def __init__(self, status: int, headers: dict, body: str):
        self.status, self.headers, self.body = status, headers, body

    def header(self, name: str) -> str | None:
        return self.headers.get(name.lower())


def request(
    port: int, path: str, method: str = "GET", source: str = "127.0.0.1", **headers: str
) -> Response:
    """One request to 127.0.0.1:``port``, sent from the local address ``source``."""
    connection = http.client.HTTPConnection(
        "127.0.0.1", port, timeout=30, source_address=(source, 0)
    )
    try:
        connection.request(
            method, path, headers={name.replace("_", "-"): value for name, value in headers.items()}
        )
        answer = connection.getresponse()
        body = answer.read().decode(errors="replace")
        return Response(answer.status, {k.lower(): v for k, v in answer.getheaders()}, body)
    finally:
        connection.close()


class Varnish:
    """varnishd in the foreground, without its jail (CI runs as root), 64 MB of memory."""

    def __init__(self, backend_port: int, port: int | None = None):
        self.port = port or free_port()
        self.directory = Path(tempfile.mkdtemp(prefix="dateline-varnish-"))
        self.vcl = self.directory / "dateline.vcl"
        self.vcl.write_text(vcl_for(backend_port))
        self.log = self.directory / "varnishd.log"
        with self.log.open("wb") as out:
            self.process = subprocess.Popen(
                [VARNISHD, "-F", "-j", "none", "-n", str(self.directory / "work"),
                 "-a", f"127.0.0.1:{self.port}", "-f", str(self.vcl), "-s", "malloc,64m",
                 "-T", "none"],
                stdout=out, stderr=subprocess.STDOUT,
            )  # fmt: skip
        wait_until(self._answers, 60, f"varnishd on port {self.port}")

    def _answers(self) -> bool:
        if self.process.poll() is not None:
            raise AssertionError(f"varnishd exited:\n{self.log.read_text(errors='replace')}")
        try:
            request(self.port, "/robots.txt", Host="localhost")
            return True
        except OSError:
            return False

    def get(self, path: str, **headers: str) -> Response:
        return request(self.port, path, Host="localhost", **headers)

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        shutil.rmtree(self.directory, ignore_errors=True)


class Origin:
    """A stand-in for gunicorn that counts the requests for each path and answers them
    slowly (``delay`` seconds) with the headers set in ``answers[path]``."""

    def __init__(self, delay: float = 0.0):
        self.delay = delay
        self.answers: dict[str, dict] = {}
        self.count: dict[str, int] = {}
        origin = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                path = self.path.split("?")[0]
                origin.count[path] = origin.count.get(path, 0) + 1
                time.sleep(origin.delay if path != "/robots.txt" else 0)
                body = f"{path} #{origin.count[path]}".encode()
                self.send_response(200)
                for name, value in origin.answers.get(path, {}).items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()
