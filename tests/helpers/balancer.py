"""A real nginx in front of several app servers, started by a test on a free port with the
upstream settings of deploy/nginx.conf (retry an idempotent request on the next server
when one fails, answers 503 or is gone)."""

import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

from .servers import free_port
from .waiting import wait_until

NGINX = Path("/usr/sbin/nginx")

CONFIG = """
{user}
daemon off;
master_process on;
worker_processes 1;
pid {root}/nginx.pid;
error_log {root}/error.log warn;
events {{ worker_connections 256; }}
http {{
    access_log {root}/access.log;
    client_body_temp_path {root}/body;
    proxy_temp_path {root}/proxy;
    fastcgi_temp_path {root}/fastcgi;
    uwsgi_temp_path {root}/uwsgi;
    scgi_temp_path {root}/scgi;
    upstream dateline_app {{
{servers}
        keepalive 16;
    }}
    server {{
        listen 127.0.0.1:{port};
        client_max_body_size 25m;
        location / {{
            proxy_pass http://dateline_app;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header Host $host;
            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
            proxy_next_upstream error timeout http_502 http_503;
            proxy_next_upstream_tries 2;
            proxy_read_timeout 60s;
            # Which app server answered (both, comma-separated, when the first failed).
            add_header X-Upstream $upstream_addr always;
        }}
    }}
}}
"""


class Nginx:
    """nginx balancing over ``upstreams`` (host:port strings) until :meth:`stop`."""

    def __init__(self, upstreams: list[str]):
        self.root = Path(tempfile.mkdtemp(prefix="dateline-nginx-"))
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        servers = "\n".join(f"        server {address} max_fails=1;" for address in upstreams)
        config = self.root / "nginx.conf"
        config.write_text(
            CONFIG.format(
                # As root, nginx's workers would run as nobody, who cannot use the
                # temporary folder.
                user="user root;" if os.geteuid() == 0 else "",
                root=self.root,
                port=self.port,
                servers=servers,
            )
        )
        self.process = subprocess.Popen(
            [str(NGINX), "-c", str(config), "-p", str(self.root)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        wait_until(self._listening, 20, "nginx to listen")

    def _listening(self) -> bool:
        if self.process.poll() is not None:
            raise AssertionError(f"nginx exited: {self.process.stderr.read().decode()}")
        try:
            socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
            return True
        except OSError:
            return False

    def error_log(self) -> str:
        return (self.root / "error.log").read_text(errors="replace")

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        shutil.rmtree(self.root, ignore_errors=True)
