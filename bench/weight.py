"""Compressed weight of each page's own HTML, CSS and JavaScript (images apart).

Usage: .venv/bin/python bench/weight.py [--var-dir /tmp/dateline-bench-pages] [--url URL]

Serves the demo with gunicorn (DEBUG off, WhiteNoise; see bench/demo_server.py), or
measures a running site given with --url. Each page's HTML is fetched, then every
stylesheet and script it references, asking for gzip/brotli: CSS and JS are counted as
WhiteNoise sends them (its precompressed files), the HTML as gzip level 6 would send it
(nginx's or a CDN's job: Django does not compress pages). Exits with status 1 when the
article is over its 60 KB budget or any page asks another host for anything.
"""

from __future__ import annotations

import argparse
import gzip
import sys
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from lxml import html as lxml_html

sys.path.insert(0, str(Path(__file__).resolve().parent))
from demo_server import PAGES, serve_demo  # noqa: E402

ARTICLE_BUDGET = 60_000  # bytes, compressed HTML + CSS + JS
ACCEPT_ENCODING = "br, gzip"


@dataclass
class Weight:
    html_raw: int = 0
    html: int = 0
    css: int = 0
    js: int = 0
    third_party: list[str] = field(default_factory=list)

    @property
    def total(self) -> int:
        return self.html + self.css + self.js


def fetch(url: str) -> tuple[bytes, str]:
    """The body as sent on the wire (still compressed) and its Content-Encoding."""
    request = urllib.request.Request(url, headers={"Accept-Encoding": ACCEPT_ENCODING})
    with urllib.request.urlopen(request, timeout=30) as response:
        return response.read(), response.headers.get("Content-Encoding", "")


def wire_size(url: str) -> int:
    body, encoding = fetch(url)
    return len(body) if encoding else len(gzip.compress(body, compresslevel=6))


def outside_requests(document, page_url: str) -> list[str]:
    """Every address the page would load from a host other than its own."""
    own_host = urlsplit(page_url).netloc
    addresses = document.xpath(
        "//script/@src | //link[not(@rel='alternate') and not(@rel='canonical')]/@href"
        " | //img/@src | //source/@src | //audio/@src | //video/@src | //video/@poster"
        " | //iframe/@src | //embed/@src | //object/@data"
    )
    for srcset in document.xpath("//img/@srcset | //source/@srcset"):
        addresses += [part.strip().split(" ")[0] for part in srcset.split(",") if part.strip()]
    hosts = {urlsplit(urljoin(page_url, address)).netloc for address in addresses}
    return sorted(address for address in hosts if address and address != own_host)


def measure(page_url: str) -> Weight:
    body, encoding = fetch(page_url)
    raw = gzip.decompress(body) if encoding == "gzip" else body
    weight = Weight(html_raw=len(raw), html=len(body) if encoding else len(gzip.compress(raw, 6)))
    document = lxml_html.fromstring(raw)
    for href in document.xpath("//link[@rel='stylesheet']/@href"):
        weight.css += wire_size(urljoin(page_url, href))
    for src in document.xpath("//script[@src]/@src"):
        weight.js += wire_size(urljoin(page_url, src))
    weight.third_party = outside_requests(document, page_url)
    return weight


def report(base_url: str) -> int:
    failures = []
    print(f"{'page':10} {'HTML raw':>9} {'HTML gz':>8} {'CSS':>7} {'JS':>7} {'total':>8}  (bytes)")
    for name, path in PAGES:
        weight = measure(base_url + path)
        print(
            f"{name:10} {weight.html_raw:9,} {weight.html:8,} {weight.css:7,} {weight.js:7,} "
            f"{weight.total:8,}  {path}"
        )
        if weight.third_party:
            failures.append(f"{name} asks other hosts: {', '.join(weight.third_party)}")
        if name == "article" and weight.total > ARTICLE_BUDGET:
            failures.append(
                f"the article weighs {weight.total:,} bytes compressed, over the "
                f"{ARTICLE_BUDGET:,}-byte budget"
            )
    for failure in failures:
        print(f"FAIL: {failure}", file=sys.stderr)
    if not failures:
        print(f"OK: the article is within {ARTICLE_BUDGET:,} bytes; no third-party request")
    return 1 if failures else 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--var-dir", default="/tmp/dateline-bench-pages")
    parser.add_argument("--url", help="measure this running site instead of serving the demo")
    args = parser.parse_args()
    if args.url:
        sys.exit(report(args.url.rstrip("/")))
    var_dir = Path(args.var_dir)
    var_dir.mkdir(parents=True, exist_ok=True)
    with serve_demo(var_dir) as base_url:
        status = report(base_url)
    sys.exit(status)


if __name__ == "__main__":
    main()
