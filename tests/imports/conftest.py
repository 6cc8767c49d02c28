from pathlib import Path

import pytest
from django.core.management import call_command

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def run_import(tmp_path):
    """Run `dateline import ...` as an editor would, and return the saved JSON report."""
    import json

    def run(*args):
        report = tmp_path / f"report-{len(list(tmp_path.iterdir()))}.json"
        call_command("import", *[str(a) for a in args], "--no-progress", "--report", str(report))
        return json.loads(report.read_text())

    return run


@pytest.fixture
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    return settings.MEDIA_ROOT
