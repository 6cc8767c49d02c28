"""The shipped edge cache for the benchmarks: varnishd with deploy/varnish/dateline.vcl, its
backends moved to a gunicorn of the benchmark's own, started and stopped by it (never the
system's Varnish). Used by bench/pages.py and bench/storm.py."""

import shutil
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VARNISHD = shutil.which("varnishd") or "/usr/sbin/varnishd"


def rss_mb(pid: int) -> float:
    """RSS in MB of ``pid`` and its children."""
    children = subprocess.run(
        ["ps", "--ppid", str(pid), "-o", "pid="], capture_output=True, text=True
    ).stdout.split()
    total = 0
    for each in [pid, *map(int, children)]:
        for line in Path(f"/proc/{each}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                total += int(line.split()[1])
    return total / 1024


class Varnish:
    """varnishd in the foreground, without its jail (the benchmarks may run as root)."""

    def __init__(self, backend_port: int, port: int, workdir: Path, memory: str = "256m"):
        workdir.mkdir(parents=True, exist_ok=True)
        vcl = workdir / "dateline.vcl"
        text = (ROOT / "deploy" / "varnish" / "dateline.vcl").read_text()
        vcl.write_text(text.replace('.port = "8001";', f'.port = "{backend_port}";'))
        self.url = f"http://127.0.0.1:{port}"
        self.log = (workdir / "varnishd.log").open("wb")
        self.process = subprocess.Popen(
            [VARNISHD, "-F", "-j", "none", "-n", str(workdir / "varnish"), "-T", "none",
             "-a", f"127.0.0.1:{port}", "-f", str(vcl), "-s", f"malloc,{memory}"],
            stdout=self.log, stderr=subprocess.STDOUT,
        )  # fmt: skip
        deadline = time.time() + 60
        while time.time() < deadline:
            try:
                with urllib.request.urlopen(self.url + "/robots.txt", timeout=2):
                    return
            except OSError:
                time.sleep(0.1)
        self.stop()
        sys.exit(f"varnishd did not answer; see {workdir / 'varnishd.log'}")

    def rss_mb(self) -> float:
        return rss_mb(self.process.pid)

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.log.close()
