"""`dateline check --deploy` with the production settings and a realistic environment:
no warning, as docs/deploy.md promises."""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ENVIRONMENT = {
    "DATELINE_SETTINGS": "production",
    "SECRET_KEY": "k3Yq8vJ2mN5pR7tW9xZ1bC4dF6gH8jL0nP2rS4uV6wY8aB1cD3eF5gH7",
    "ALLOWED_HOSTS": "news.example.org",
    "DATELINE_BASE_URL": "https://news.example.org",
    "DATABASE_URL": "postgres://dateline@127.0.0.1:5432/dateline",
    "CACHE_URL": "redis://127.0.0.1:6379/0",
}


def deploy_check(**overrides) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "SECURE_"))}
    env.update(ENVIRONMENT, **overrides)
    return subprocess.run(
        [sys.executable, "-m", "dateline.cli", "check", "--deploy", "--fail-level", "WARNING"],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_production_settings_pass_the_deploy_checks():
    result = deploy_check()
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_a_weakened_setting_is_reported():
    # The same run fails on a real problem, so the test above proves something.
    result = deploy_check(SECURE_HSTS_SECONDS="0")
    assert result.returncode != 0
    assert "security.W004" in result.stderr


NGINX = Path("/usr/sbin/nginx")
DEPLOY = Path(__file__).resolve().parents[2] / "deploy"


@pytest.mark.skipif(not NGINX.exists() or not shutil.which("openssl"), reason="needs nginx")
@pytest.mark.parametrize("sample", ["nginx.conf", "nginx-mirror.conf"])
def test_the_nginx_samples_are_valid(tmp_path, sample):
    """`nginx -t` on a copy of the sample with its paths moved into a temporary folder."""
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=test",
         "-days", "1", "-keyout", tmp_path / "key.pem", "-out", tmp_path / "cert.pem"],
        check=True, capture_output=True,
    )  # fmt: skip
    site = (DEPLOY / sample).read_text()
    site = re.sub(r"/etc/letsencrypt/live/[^/]+/fullchain\.pem", str(tmp_path / "cert.pem"), site)
    site = re.sub(r"/etc/letsencrypt/live/[^/]+/privkey\.pem", str(tmp_path / "key.pem"), site)
    for path in ("/var/lib/dateline", "/srv/dateline-mirror", "/var/www/html"):
        site = site.replace(path, str(tmp_path))
    (tmp_path / "site.conf").write_text(site)
    (tmp_path / "main.conf").write_text(
        f"pid {tmp_path}/nginx.pid;\nerror_log {tmp_path}/error.log;\nevents {{}}\n"
        f"http {{\n include /etc/nginx/mime.types;\n access_log {tmp_path}/access.log;\n"
        f" include {tmp_path}/site.conf;\n}}\n"
    )
    result = subprocess.run(
        [NGINX, "-t", "-c", tmp_path / "main.conf", "-p", f"{tmp_path}/", "-e",
         tmp_path / "error.log"],
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "test is successful" in result.stderr
