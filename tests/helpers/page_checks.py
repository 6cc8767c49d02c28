"""Checks of a page in the browser tests: a full-page screenshot, the Nu HTML checker's
errors and axe-core's serious and critical violations."""

import atexit
import json
import os
import shutil
import subprocess
import time
import urllib.request
from pathlib import Path

from tests.helpers.browser_server import PROJECT_DIR, require
from tests.helpers.servers import free_port

NODE_MODULES = PROJECT_DIR / "node_modules"
VNU_JAR = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
AXE_JS = NODE_MODULES / "axe-core" / "axe.min.js"
SCREENSHOT_DIR = PROJECT_DIR / "test-artifacts" / "screenshots"
VIEWPORTS = {
    "desktop": {"width": 1280, "height": 900},
    "phone": {"width": 390, "height": 844},
}


def screenshot(page, name: str, viewport: str) -> Path:
    """A full-page PNG: test-artifacts/screenshots/<name>-<desktop|phone>.png."""
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOT_DIR / f"{name}-{viewport}.png"
    # A full-page capture does not scroll, so loading="lazy" images below the fold would
    # show as empty boxes: load them first (the served HTML has already been kept).
    page.evaluate(
        """() => Promise.all(Array.from(document.images, img => {
            img.loading = "eager";
            return img.complete ? null : new Promise(done => {
                img.addEventListener("load", done, {once: true});
                img.addEventListener("error", done, {once: true});
                setTimeout(done, 3000);
            });
        }))"""
    )
    page.screenshot(path=str(path), full_page=True, animations="disabled")
    return path


# --------------------------------------------------------------------------------------
# The Nu HTML checker
# --------------------------------------------------------------------------------------


class NuChecker:
    """vnu.jar as a local HTTP service: one JVM start (~3 s) for the session instead of one
    per document. `java -jar vnu.jar --stdout -` is the fallback if the service won't start."""

    def __init__(self):
        self.process: subprocess.Popen | None = None
        self.url = ""
        self.log: Path | None = None
        self.failed = ""

    def start(self) -> None:
        if self.process is not None or self.failed or not VNU_JAR.exists():
            return
        java = shutil.which("java")
        if not java:
            return
        port = free_port()
        self.url = f"http://127.0.0.1:{port}/?out=json"
        self.log = Path(os.environ.get("TMPDIR", "/tmp")) / f"dateline-vnu-{port}.log"
        with self.log.open("wb") as log_file:
            self.process = subprocess.Popen(
                [
                    java, "-Xss4m",
                    "-Dnu.validator.servlet.bind-address=127.0.0.1",
                    "-cp", str(VNU_JAR), "nu.validator.servlet.Main", str(port),
                ],
                stdout=log_file, stderr=subprocess.STDOUT,
            )  # fmt: skip
        atexit.register(self.stop)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
        self.process = None
        if self.log is not None:
            self.log.unlink(missing_ok=True)

    def _post(self, data: bytes) -> dict:
        request = urllib.request.Request(
            self.url, data=data, headers={"Content-Type": "text/html; charset=utf-8"}
        )
        with urllib.request.urlopen(request, timeout=60) as response:
            return json.load(response)

    def _via_service(self, data: bytes) -> dict | None:
        self.start()
        if self.process is None:
            return None
        deadline = time.monotonic() + 60
        while True:
            try:
                return self._post(data)
            except OSError:
                if self.process.poll() is not None or time.monotonic() > deadline:
                    self.failed = self.log.read_text(errors="replace")[-2000:] if self.log else "?"
                    self.stop()
                    return None
                time.sleep(0.2)

    def _via_cli(self, data: bytes) -> dict:
        require(VNU_JAR, "run `npm ci` in the project (make install-dev).")
        result = subprocess.run(
            ["java", "-jar", str(VNU_JAR), "--format", "json", "--stdout", "-"],
            input=data, capture_output=True, timeout=120,
        )  # fmt: skip
        try:
            return json.loads(result.stdout)
        except json.JSONDecodeError as exc:
            raise RuntimeError(
                f"vnu.jar gave no JSON (status {result.returncode}): "
                f"{result.stderr.decode(errors='replace')}"
            ) from exc

    def check(self, html: str) -> dict:
        data = html.encode("utf-8")
        return self._via_service(data) or self._via_cli(data)


nu_checker = NuChecker()


def html_errors(html: str) -> list[str]:
    """The Nu HTML checker's errors for one document (warnings and infos left out)."""
    report = nu_checker.check(html)
    problems = [m for m in report.get("messages", []) if m.get("type") == "non-document-error"]
    if problems:
        raise RuntimeError(f"The Nu HTML checker could not check the document: {problems}")
    return [
        f"line {m.get('lastLine', '?')}:{m.get('firstColumn', m.get('lastColumn', '?'))}: "
        f"{m['message']}  «{m.get('extract', '').strip()}»"
        for m in report.get("messages", [])
        if m.get("type") == "error"
    ]


# --------------------------------------------------------------------------------------
# axe-core
# --------------------------------------------------------------------------------------


def axe_violations(page, within: str | None = None) -> list[dict]:
    """axe-core's serious and critical violations on the page as it is now (or in the
    elements matching the CSS selector ``within``)."""
    require(AXE_JS, "run `npm ci` in the project (make install-dev).")
    # Evaluated through the DevTools protocol: a <script> added to the page would be refused
    # by the Content-Security-Policy, which allows no inline code.
    page.evaluate(AXE_JS.read_text(encoding="utf-8"))
    results = page.evaluate(
        "async (within) => await axe.run(within ? {include: [[within]]} : document,"
        " {resultTypes: ['violations']})",
        within,
    )
    return [v for v in results["violations"] if v.get("impact") in {"serious", "critical"}]


def describe_violations(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"][:5]:
            summary = " ".join(node.get("failureSummary", "").split())
            lines.append(f"    {' '.join(map(str, node['target']))}: {summary}")
        if len(violation["nodes"]) > 5:
            lines.append(f"    ... and {len(violation['nodes']) - 5} more elements")
    return "\n".join(lines)
