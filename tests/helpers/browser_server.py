"""Where the browser tests' server comes from: the project and its installed commands, the
database name of this run, and the environment variables kept away from it."""

import os
import sys
from pathlib import Path

import pytest

PROJECT_DIR = Path(__file__).resolve().parents[2]
BIN_DIR = Path(sys.executable).parent
# One database per run: engineers and CI may run the browser suite at the same time.
BROWSER_DB_NAME = f"dateline_browser_{os.getpid()}"
# Variables that would point the server at the developer's own data or settings.
LEAKY_ENV = (
    "DJANGO_SETTINGS_MODULE",  # pytest-django sets it to the test settings
    "DATABASE_URL",
    "CACHE_URL",
    "REDIS_URL",
    "MEDIA_ROOT",
    "STATIC_ROOT",
    "DATELINE_VAR_DIR",
)


def require(path: Path | str, hint: str) -> None:
    """Fail the test (no traceback) when a tool it needs is missing, saying how to get it."""
    if not Path(path).exists():
        pytest.fail(f"{path} is missing: {hint}", pytrace=False)


def demo_password(tmp_path_factory) -> str:
    """The demo accounts' password (admin, en-editor, ru-contributor, ...), which load_demo
    keeps in the browser server's var dir."""
    var_dirs = sorted(tmp_path_factory.getbasetemp().glob("dateline-var*"))
    assert var_dirs, "the browser server's var dir was not found"
    return (var_dirs[0] / "demo-admin-password.txt").read_text().strip()
