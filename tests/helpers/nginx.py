"""A real nginx in front of a test's app server, proxying the way deploy/nginx.conf does,
and HTTP clients that connect from an address of their choice on the loopback network."""

import http.client
import os
import re
import subprocess
import urllib.parse
from pathlib import Path

from .servers import ROOT, free_port
from .waiting import wait_until

NGINX = Path("/usr/sbin/nginx")


def shipped_proxy_headers() -> list[str]:
    """The ``proxy_set_header`` lines of the sample's ``location /``: what the app sees
    behind nginx is what the shipped configuration sends, not what this helper thinks."""
    sample = (ROOT / "deploy" / "nginx.conf").read_text()
    block = _block_after(sample, sample.rindex("location / {") + len("location / {"))
    return re.findall(r"^\s*(proxy_set_header .*;)\s*$", block, re.M)


def _block_after(text: str, start: int) -> str:
    """The text from ``start`` to the brace that closes the block opened just before it
    (blocks nest: ``limit_except { ... }`` sits inside ``location / { ... }``)."""
    depth = 1
    for position in range(start, len(text)):
        depth += {"{": 1, "}": -1}.get(text[position], 0)
        if depth == 0:
            return text[start:position]
    raise ValueError("unclosed block in deploy/nginx.conf")


class Nginx:
    """nginx on a free port of 127.0.0.1, proxying everything to ``upstream_port``."""

    def __init__(self, directory: Path, upstream_port: int):
        self.port = free_port()
        self.directory = directory
        directory.mkdir(parents=True, exist_ok=True)
        # Its workers drop root's rights and still write their temporary files here.
        os.chmod(directory, 0o777)
        headers = "\n        ".join(shipped_proxy_headers())
        config = directory / "nginx.conf"
        config.write_text(
            f"daemon off;\npid {directory}/nginx.pid;\nerror_log {directory}/error.log;\n"
            "worker_processes 1;\nevents {}\n"
            "http {\n"
            f"    access_log {directory}/access.log;\n"
            f"    client_body_temp_path {directory}/body;\n"
            f"    proxy_temp_path {directory}/proxy;\n"
            f"    fastcgi_temp_path {directory}/fastcgi;\n"
            f"    uwsgi_temp_path {directory}/uwsgi;\n"
            f"    scgi_temp_path {directory}/scgi;\n"
            f"    upstream dateline_app {{ server 127.0.0.1:{upstream_port}; keepalive 4; }}\n"
            f"    server {{\n"
            f"        listen 127.0.0.1:{self.port};\n"
            "        location / {\n"
            "        proxy_pass http://dateline_app;\n"
            "        proxy_http_version 1.1;\n"
            f"        {headers}\n"
            "        }\n"
            "    }\n"
            "}\n"
        )
        self.process = subprocess.Popen(
            [str(NGINX), "-c", str(config), "-p", f"{directory}/", "-e", f"{directory}/error.log"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        wait_until(self._answers, 30, f"nginx on port {self.port}")

    def _answers(self) -> bool:
        if self.process.poll() is not None:
            raise AssertionError(f"nginx exited: {self.process.stderr.read().decode()}")
        try:
            LoopbackClient("127.0.0.1").request("GET", self.port, "/robots.txt")
            return True
        except OSError:
            return False

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(10)


class LoopbackClient:
    """A reader at ``address`` (any of 127.0.0.0/8, all loopback on Linux): each request's
    socket is bound to it, so the server sees it as the peer's address."""

    def __init__(self, address: str):
        self.address = address

    def request(
        self, method: str, port: int, path: str, form: dict | None = None, headers=None
    ) -> tuple[int, str]:
        """(status, body) of one request to 127.0.0.1:``port``, whatever the status."""
        connection = http.client.HTTPConnection(
            "127.0.0.1", port, timeout=30, source_address=(self.address, 0)
        )
        body = urllib.parse.urlencode(form) if form is not None else None
        sent = {"Host": "127.0.0.1", **(headers or {})}
        if body is not None:
            sent["Content-Type"] = "application/x-www-form-urlencoded"
        try:
            connection.request(method, path, body=body, headers=sent)
            response = connection.getresponse()
            return response.status, response.read().decode()
        finally:
            connection.close()
