"""Lighthouse scores (mobile) of the home page, an article and a listing.

Usage: .venv/bin/python bench/lighthouse.py [--var-dir /tmp/dateline-bench-pages] [--url URL]
       [--runs 3]

Lighthouse is a benchmark tool, not a test dependency, so it stays out of package.json:
the first run installs a pinned version into var/bench-tools/ (npm; 12.2.3 is the last
release that runs on Node 20). The demo is served with gunicorn (DEBUG off, WhiteNoise; see
bench/demo_server.py) unless --url names a running site. Chromium is Debian's
(/usr/bin/chromium, or CHROME_PATH). Each page is audited --runs times and the median score
of each category is printed, with the audits that cost points on the last run (each page is
visited twice first, so that its image renditions exist and it is in the page cache); the JSON
reports are kept in var/bench-tools/reports/. Targets: performance >= 95, accessibility,
best practices and SEO 100.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from demo_server import PAGES, PROJECT_DIR, serve_demo  # noqa: E402

LIGHTHOUSE_VERSION = "12.2.3"
TOOLS_DIR = PROJECT_DIR / "var" / "bench-tools"
LIGHTHOUSE = TOOLS_DIR / "node_modules" / ".bin" / "lighthouse"
REPORTS_DIR = TOOLS_DIR / "reports"
CHROME_FLAGS = (
    "--headless --no-sandbox --disable-gpu --disable-background-networking "
    "--disable-component-update --no-first-run"
)
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
TARGETS = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}


def install_lighthouse() -> None:
    if LIGHTHOUSE.exists():
        return
    print(f"Installing lighthouse@{LIGHTHOUSE_VERSION} into {TOOLS_DIR} (first run only)")
    TOOLS_DIR.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        ["npm", "install", "--prefix", str(TOOLS_DIR), "--no-save", "--no-audit", "--no-fund",
         "--save-exact", f"lighthouse@{LIGHTHOUSE_VERSION}"],
        check=True,
    )  # fmt: skip


def audit(url: str, report_path: Path, attempts: int = 3) -> dict:
    """One Lighthouse report; a run that fails (NO_NAVSTART and the like, on a busy
    machine) is tried again."""
    env = dict(os.environ, CHROME_PATH=os.environ.get("CHROME_PATH", "/usr/bin/chromium"))
    for attempt in range(1, attempts + 1):
        result = subprocess.run(
            [
                str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={report_path}",
                f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={CHROME_FLAGS}",
            ],
            env=env,
        )  # fmt: skip
        if result.returncode == 0:
            return json.loads(report_path.read_text())
        print(f"    lighthouse failed on {url} (attempt {attempt} of {attempts})")
    sys.exit(f"lighthouse could not audit {url}")


def lost_points(report: dict) -> list[str]:
    """The audits that scored below 1 in a category that is below its target."""
    lines = []
    for category in CATEGORIES:
        details = report["categories"][category]
        if round(details["score"] * 100) >= TARGETS[category]:
            continue
        for ref in details["auditRefs"]:
            result = report["audits"][ref["id"]]
            if ref["weight"] and result.get("score") is not None and result["score"] < 1:
                shown = result.get("displayValue", "")
                lines.append(f"    {category}: {ref['id']} ({result['score']:.2f}) {shown}")
    return lines


def warm_up(url: str) -> None:
    """Visit a page before auditing it, as readers will have: the first visit makes its
    image renditions and fills the page cache, which is not what a reader waits for."""
    for _ in range(2):
        request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"})
        with urllib.request.urlopen(request, timeout=60) as response:
            response.read()


def run(base_url: str, runs: int) -> int:
    REPORTS_DIR.mkdir(parents=True, exist_ok=True)
    for _name, path in PAGES:
        warm_up(base_url + path)
    header = " ".join(f"{name:>15}" for name in CATEGORIES)
    print(f"{'page':10} {header}   (median of {runs} runs, mobile)")
    missed = 0
    for name, path in PAGES:
        scores: dict[str, list[int]] = {category: [] for category in CATEGORIES}
        report: dict = {}
        for run_number in range(runs):
            report = audit(base_url + path, REPORTS_DIR / f"{name}-{run_number + 1}.json")
            for category in CATEGORIES:
                scores[category].append(round(report["categories"][category]["score"] * 100))
        medians = {category: statistics.median(values) for category, values in scores.items()}
        print(f"{name:10} " + " ".join(f"{medians[c]:>15g}" for c in CATEGORIES) + f"   {path}")
        for line in lost_points(report):
            print(line)
        missed += sum(medians[c] < TARGETS[c] for c in CATEGORIES)
    print("Targets met." if not missed else f"{missed} score(s) below target.")
    return 1 if missed else 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--var-dir", default="/tmp/dateline-bench-pages")
    parser.add_argument("--url", help="audit this running site instead of serving the demo")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    install_lighthouse()
    if args.url:
        sys.exit(run(args.url.rstrip("/"), args.runs))
    var_dir = Path(args.var_dir)
    var_dir.mkdir(parents=True, exist_ok=True)
    with serve_demo(var_dir) as base_url:
        status = run(base_url, args.runs)
    sys.exit(status)


if __name__ == "__main__":
    main()
