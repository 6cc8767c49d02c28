"""The static mirror: every public address of both editions, written as files.

`bake()` renders each page, listing, feed and sitemap in-process with Django's test
client (the real URL conf, templates and middleware), rewrites the links in what it
renders so that they lead to the baked files, and follows them: stylesheets, scripts,
images, renditions, documents and the next page of a listing are baked because a page
links to them, so nothing a page needs is missing. The forms and scripts that need the
newsroom's server (search, newsletter signup, Contact and Contribute, the live poller, the
view counter) are pointed at the main site or switched off. docs/decisions.md explains the
address-to-file scheme; docs/deploy.md how to serve the result.
"""

from __future__ import annotations

import hashlib
import json
import os
import posixpath
import re
import shutil
import tempfile
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import parse_qsl, unquote, urljoin, urlsplit

import lxml.html
from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.files.storage import default_storage
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import escape
from django.utils.translation import gettext as _
from wagtail.models import Locale, Page, Site

from dateline.taxonomy.registry import tagged_models

from . import selectors

MANIFEST_NAME = ".dateline-bake.json"
MANIFEST_FORMAT = 1
# Addresses that only the newsroom's server can answer: the mirror links them there.
# (Search and the newsletter are per edition and found with reverse(); see dateline/urls.py.)
SERVER_ONLY_PREFIXES = (
    "/admin/",
    "/api/",
    "/audience/",
    "/live/",
    "/republish/",
    "/newsletter-unsubscribe/",
    "/anymail/",
)
# Feeds live at addresses ending in "/"; a static host would serve `index.html` there as
# HTML, so a feed is written as `index.xml` and linked by that name.
FEED_PATH = re.compile(r"^(/[a-z]{2}(-[a-z]+)?)?/feeds/(rss|atom|podcast)/(.+/)?$")
PAGINATION_PARAMS = {"page", "p"}
NOT_FOUND_PROBE = "dateline-bake-missing-page/"
ABSOLUTE_URL = re.compile(r"https?://[^\s\"'<>()]+")
CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)['\"]?\s*\)")
LINK_ATTRIBUTES = ("href", "src", "poster", "data")
NOT_ADDRESSES = ("#", "mailto:", "tel:", "data:", "javascript:")
OFFLINE_FORM_TEXT = {
    # Shown where a form that posts to the newsroom was: a mirror cannot receive it.
    "en": "This form works on the main site only.",
    "ru": "Эта форма работает только на основном сайте.",
}
OFFLINE_FORM_LINK = {"en": "Open it on the main site", "ru": "Открыть на основном сайте"}


class BakeError(Exception):
    """The output folder cannot be used; the message says why, for the command to show."""


@dataclass
class BakeResult:
    written: list[str] = field(default_factory=list)  # files written or changed
    unchanged: int = 0
    removed: list[str] = field(default_factory=list)
    failed: dict[str, str] = field(default_factory=dict)  # address -> what went wrong
    full: bool = True


@dataclass
class LivePage:
    id: int
    url: str
    published: str
    content: bool  # an article-like page (tagged content) rather than a listing or index
    ancestors: list[str]


# The address-to-file scheme ------------------------------------------------------------


def mirror_path(path: str, query: str = "") -> str:
    """The address at which the mirror serves what the main site serves at path?query."""
    if query:
        params = parse_qsl(query, keep_blank_values=True)
        if len(params) == 1 and params[0][0] in PAGINATION_PARAMS and params[0][1].isdigit():
            suffix = params[0][1]
            if int(suffix) <= 1:
                return mirror_path(path)
        else:
            suffix = "q" + hashlib.sha1(query.encode()).hexdigest()[:10]
        # A dot never occurs in a page slug, so "page.2/" cannot collide with a child page.
        if path.endswith("/"):
            return f"{path}page.{suffix}/"
        stem, dot, ext = path.rpartition(".")
        return f"{stem}.{suffix}.{ext}" if dot and "/" not in ext else f"{path}.{suffix}"
    if FEED_PATH.match(path):
        return path + "index.xml"
    return path


def file_for(path: str) -> str:
    """The file, relative to the output folder, that a static host serves at ``path``."""
    relative = posixpath.normpath("/" + unquote(path)).lstrip("/")
    if path.endswith("/") or relative in ("", "."):
        relative = posixpath.join("" if relative == "." else relative, "index.html")
    return relative


# The baker -----------------------------------------------------------------------------


class Baker:
    def __init__(
        self,
        output_dir: Path,
        *,
        base_url: str = "",
        main_site: str = "",
        progress=None,
    ):
        self.output = Path(output_dir)
        self.site = Site.objects.filter(is_default_site=True).first() or Site.objects.first()
        if self.site is None:
            raise BakeError(_("There is no site to bake: add a Site record in the admin."))
        self.root_url = self.site.root_url.rstrip("/")
        self.main_site = (main_site or settings.DATELINE_BASE_URL).rstrip("/")
        self.base_url = base_url.rstrip("/")
        self.base_path = urlsplit(self.base_url).path.rstrip("/")
        self.internal_hosts = {
            urlsplit(url).netloc.lower()
            for url in (self.root_url, settings.DATELINE_BASE_URL, self.main_site)
        }
        self.server_only = self._server_only_prefixes()
        self.progress = progress
        self.client = Client(raise_request_exception=False)
        self.manifest = self._read_manifest()
        self.entries: dict[str, dict] = {}
        self.result = BakeResult()
        self._queued: set[str] = set()
        self._queue: deque[str] = deque()

    # The output folder and its manifest

    def _read_manifest(self) -> dict | None:
        out = self.output
        if out.exists() and not out.is_dir():
            raise BakeError(_("%(path)s is a file, not a folder.") % {"path": out})
        if out.is_dir():
            manifest = out / MANIFEST_NAME
            if manifest.is_file():
                try:
                    data = json.loads(manifest.read_text(encoding="utf-8"))
                except (OSError, ValueError) as error:
                    raise BakeError(
                        _("%(path)s is damaged (%(error)s); bake into a new folder.")
                        % {"path": manifest, "error": error}
                    ) from error
                if data.get("format") == MANIFEST_FORMAT:
                    return data
            if any(out.iterdir()):
                raise BakeError(
                    _(
                        "%(path)s is not empty and holds no previous bake; choose an empty "
                        "or new folder (nothing was changed)."
                    )
                    % {"path": out}
                )
        try:
            out.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile(dir=out, prefix=".bake-probe-"):
                pass
        except OSError as error:
            raise BakeError(
                _("Cannot write to %(path)s: %(error)s") % {"path": out, "error": error.strerror}
            ) from error
        return None

    def _write_manifest(self) -> None:
        data = {
            "format": MANIFEST_FORMAT,
            "baked_at": timezone.now().isoformat(),
            "main_site": self.main_site,
            "base_url": self.base_url,
            "entries": self.entries,
        }
        self._write_bytes(MANIFEST_NAME, json.dumps(data, indent=0, sort_keys=True).encode())

    # What to bake

    def _server_only_prefixes(self) -> tuple[str, ...]:
        prefixes = list(SERVER_ONLY_PREFIXES)
        for code, _name in settings.LANGUAGES:
            with translation.override(code):
                prefixes.append(reverse("search"))
                prefixes.append(reverse("newsletter:subscribe").removesuffix("subscribe/"))
        return tuple(prefixes)

    def live_pages(self) -> dict[str, LivePage]:
        """Every live, public page of every edition of the site, by address."""
        content_types = tuple(entry.model for entry in tagged_models())
        pages = {}
        editions = Page.objects.filter(translation_key=self.site.root_page.translation_key).live()
        for home in editions:
            tree = Page.objects.descendant_of(home, inclusive=True).live().public()
            urls = {}
            for page in tree.specific(defer=True).order_by("path"):
                parts = page.get_url_parts()
                if parts is None or parts[0] != self.site.pk:
                    continue
                urls[page.path] = parts[2]
                pages[parts[2]] = LivePage(
                    id=page.pk,
                    url=parts[2],
                    published=page.last_published_at.isoformat() if page.last_published_at else "",
                    content=isinstance(page, content_types),
                    ancestors=[
                        urls[page.path[:n]]
                        for n in range(len(home.path), len(page.path), Page.steplen)
                        if page.path[:n] in urls
                    ],
                )
        return pages

    def seeds(self, pages: dict[str, LivePage]) -> list[str]:
        """The addresses a crawl starts from; everything else is found by following links."""
        urls = list(pages) + [reverse("robots_txt"), reverse("sitemap")]
        for locale in Locale.objects.all():
            if selectors.edition_home(self.site, locale) is None:
                continue
            with translation.override(locale.language_code):
                urls += [reverse("feed", args=["rss"]), reverse("feed", args=["atom"])]
                urls.append(reverse("opensearch"))
        return urls

    # Running

    def run(self, *, incremental: bool = False) -> BakeResult:
        # The mirror is made from the database, not from the page cache, which a publish in
        # another process may not have cleared yet.
        with override_settings(DATELINE_PAGE_CACHE=False):
            return self._run(incremental)

    def _run(self, incremental: bool) -> BakeResult:
        pages = self.live_pages()
        previous = self.manifest["entries"] if self.manifest else {}
        if self.manifest is None:
            self._write_manifest()  # the folder is ours from now on, even if this bake stops
        plan = self._incremental_plan(pages, previous) if incremental and previous else None
        self.result.full = plan is None
        if plan is None:
            for url in self.seeds(pages):
                self._enqueue(url)
        else:
            dirty, gone = plan
            self.entries = {url: e for url, e in previous.items() if url not in gone}
            for url in dirty:
                self._enqueue(url, force=True)
            for url in self.seeds(pages):
                if url not in previous:
                    self._enqueue(url)
        self._bake_not_found_pages()
        self._drain(pages)
        if plan is not None:
            # A story that gained a tag or an author now shows on that listing too.
            for url in dirty:
                entry = self.entries.get(url, {})
                if entry.get("content"):
                    for link in entry.get("links", []):
                        if link in pages and not pages[link].content and link not in dirty:
                            self._enqueue(link, force=True)
            self._drain(pages)
        self._remove_stale(previous)
        self._write_manifest()
        (self.output / ".nojekyll").touch()  # GitHub Pages: serve files as they are
        return self.result

    def _drain(self, pages: dict[str, LivePage]) -> None:
        while self._queue:
            url = self._queue.popleft()
            self._bake_one(url, pages.get(url))
            if self.progress is not None:
                self.progress.total = len(self._queued)
                self.progress.update(1)

    def _incremental_plan(self, pages: dict[str, LivePage], previous: dict):
        """(addresses to re-render, addresses to drop), or None when only a full bake will
        do (a menu, index or listing page itself changed: every page shows those)."""
        before = {
            e["page"]: (url, e.get("published")) for url, e in previous.items() if e.get("page")
        }
        now = {p.id: p for p in pages.values()}
        changed = [p for p in pages.values() if before.get(p.id) != (p.url, p.published)]
        removed_ids = {
            pid for pid, (url, _p) in before.items() if pid not in now or now[pid].url != url
        }
        gone = {before[pid][0] for pid in removed_ids}
        if any(not p.content for p in changed) or any(
            not previous[before[pid][0]].get("content") for pid in removed_ids
        ):
            return None
        touched = {p.url for p in changed} | gone
        dirty = {p.url for p in changed}
        for p in changed:
            dirty.update(p.ancestors)
            # The listings a story appeared in: its terms, authors and series, linked from it.
            dirty.update(u for u in previous.get(p.url, {}).get("links", []) if u in pages)
        for url, entry in previous.items():
            # Pages whose main part links a touched story (listings, Related), and every
            # feed and sitemap.
            if touched & set(entry.get("links", [])) or entry.get("kind") in ("xml", "text"):
                dirty.add(url)
        dirty.update(p.url for p in pages.values() if not p.ancestors)  # each edition's home
        for url in list(dirty):
            dirty.update(u for u in previous if u.startswith(url + "?"))
        gone -= dirty
        # A dropped page's further pages go with it.
        for url in list(gone):
            gone.update(u for u in previous if u.startswith(url + "?"))
        return dirty - gone, gone

    def _enqueue(self, url: str, *, force: bool = False) -> None:
        if url in self.entries and not force:
            return  # kept from the previous bake (incremental) or baked already
        if force:
            self._queued.discard(url)
        if url not in self._queued:
            self._queued.add(url)
            self._queue.append(url)

    def _bake_not_found_pages(self) -> None:
        for locale in Locale.objects.all():
            if selectors.edition_home(self.site, locale) is None:
                continue
            with translation.override(locale.language_code):
                home = reverse("search").removesuffix("search/")
            response = self._get(home + NOT_FOUND_PROBE)
            if response.status_code == 404 and "html" in response.get("Content-Type", ""):
                # Its language link leads to the missing address in the other edition: make
                # that the other edition's home.
                body = response.content.replace(NOT_FOUND_PROBE.encode(), b"")
                html = self._rewrite_html(body, self.root_url + home + "404.html")
                self._store(home + "404.html", home + "404.html", html, kind="html")

    def _get(self, url: str):
        host = urlsplit(self.root_url)
        return self.client.get(url, HTTP_HOST=host.netloc, secure=host.scheme == "https")

    def _bake_one(self, url: str, page: LivePage | None) -> None:
        path = urlsplit(url).path
        if path.startswith(settings.STATIC_URL):
            return self._copy_static(url)
        if path.startswith(settings.MEDIA_URL):
            return self._copy_media(url)
        response = self._get(url)
        if response.status_code in (301, 302, 307, 308):
            target = urljoin(self.root_url + url, response["Location"])
            mapped = self._map(target, for_html=True, links=None)
            if mapped == target:
                self.result.failed[url] = _("redirects away from the site")
                return
            mapped = escape(mapped)
            page_html = (
                f'<!DOCTYPE html><meta http-equiv="refresh" content="0; url={mapped}">'
                f'<a href="{mapped}">{mapped}</a>'
            )
            self._store(url, mirror_path(*_split(url)), page_html.encode(), kind="html")
            return
        if response.status_code == 404 and self.entries.pop(url, None) is not None:
            return  # baked before, gone now (a listing's last page after an unpublish)
        if response.status_code != 200:
            self.result.failed[url] = _("answered %(status)d") % {"status": response.status_code}
            return
        body = b"".join(response.streaming_content) if response.streaming else response.content
        content_type = response.get("Content-Type", "")
        target = mirror_path(*_split(url))
        links: set[str] = set()
        if content_type.startswith("text/html"):
            body = self._rewrite_html(body, self.root_url + url, links)
            kind = "html"
        elif "xml" in content_type or content_type.startswith(("text/plain", "application/json")):
            body = self._rewrite_text(body)
            kind = "xml" if "xml" in content_type else "text"
        else:
            kind = "file"
        extra = {"links": sorted(links)}
        if page is not None:
            extra.update(page=page.id, published=page.published, content=page.content)
        self._store(url, target, body, kind=kind, **extra)

    # Rewriting links

    def _is_internal(self, parts) -> bool:
        return parts.scheme in ("http", "https") and parts.netloc.lower() in self.internal_hosts

    def _map(self, absolute: str, *, for_html: bool, links: set | None) -> str:
        """Where a link to ``absolute`` should point in the mirror; queues its target."""
        parts = urlsplit(absolute)
        if not self._is_internal(parts):
            return absolute
        path = parts.path or "/"
        fragment = f"#{parts.fragment}" if parts.fragment else ""
        if path.startswith(self.server_only):
            query = f"?{parts.query}" if parts.query else ""
            return f"{self.main_site}{path}{query}{fragment}"
        source = path + (f"?{parts.query}" if parts.query else "")
        if path.startswith((settings.STATIC_URL, settings.MEDIA_URL)):
            source = path  # cache-busting queries do not make another file
        self._enqueue(source)
        if links is not None and not path.startswith((settings.STATIC_URL, settings.MEDIA_URL)):
            links.add(source)
        prefix = self.base_path if for_html else self.base_url
        return f"{prefix}{mirror_path(*_split(source))}{fragment}"

    def _rewrite_html(self, body: bytes, page_url: str, links: set | None = None) -> bytes:
        """The page with its links leading into the mirror; ``links`` collects the pages
        its main part links to (what the incremental bake needs to know)."""
        document = lxml.html.document_fromstring(body.decode("utf-8"))
        language = (document.get("lang") or "en").split("-")[0]
        main = document.find(".//main")
        main_elements = set(main.iter()) if main is not None else set()
        for element in document.iter():
            if not isinstance(element.tag, str):
                continue
            element.attrib.pop("nonce", None)  # a per-request CSP nonce means nothing here
            if element.tag == "link" and element.get("rel") == "canonical":
                continue  # the original stays canonical: search engines credit the newsroom
            found = links if element in main_elements else None
            for name in LINK_ATTRIBUTES:
                value = (element.get(name) or "").strip()
                if value and not value.startswith(NOT_ADDRESSES):
                    mapped = self._map(urljoin(page_url, value), for_html=True, links=found)
                    element.set(name, mapped)
            if element.get("srcset"):
                element.set("srcset", self._rewrite_srcset(element.get("srcset"), page_url))
        self._point_forms_at_main_site(document, page_url, language)
        self._switch_off_server_scripts(document)
        html = lxml.html.tostring(document, encoding="unicode", doctype="<!DOCTYPE html>")
        return html.encode("utf-8")

    def _rewrite_srcset(self, srcset: str, page_url: str) -> str:
        candidates = []
        for candidate in srcset.split(","):
            url, _space, descriptor = candidate.strip().partition(" ")
            mapped = self._map(urljoin(page_url, url), for_html=True, links=None)
            candidates.append(f"{mapped} {descriptor}".strip())
        return ", ".join(candidates)

    def _point_forms_at_main_site(self, document, page_url: str, language: str) -> None:
        for form in list(document.iter("form")):
            action = urljoin(page_url, form.get("action") or page_url)
            parts = urlsplit(action)
            target = action if not self._is_internal(parts) else f"{self.main_site}{parts.path}"
            if (form.get("method") or "get").lower() == "get":
                form.set("action", target)  # search: the main site answers the query
                continue
            # A POST needs the newsroom's server and its CSRF cookie: link to the form there.
            notice = lxml.html.fragment_fromstring(
                '<p class="mirror-notice"></p>', create_parent=False
            )
            notice.text = OFFLINE_FORM_TEXT.get(language, OFFLINE_FORM_TEXT["en"]) + " "
            link = lxml.html.Element("a", href=target)
            link.text = OFFLINE_FORM_LINK.get(language, OFFLINE_FORM_LINK["en"])
            notice.append(link)
            notice.tail = form.tail
            form.getparent().replace(form, notice)

    def _switch_off_server_scripts(self, document) -> None:
        # live.js and beacon.js do nothing without these attributes: a mirrored page is a
        # snapshot, and views on a mirror are not counted.
        for element in document.xpath("//*[@data-live-url]"):
            del element.attrib["data-live-url"]
        for element in document.xpath("//*[@data-view-beacon]"):
            element.getparent().remove(element)

    def _rewrite_text(self, body: bytes) -> bytes:
        text = body.decode("utf-8")

        def replace(match):
            url = match.group(0)
            unescaped = url.replace("&amp;", "&")
            mapped = self._map(unescaped, for_html=False, links=None)
            return url if mapped == unescaped else mapped.replace("&", "&amp;")

        return ABSOLUTE_URL.sub(replace, text).encode("utf-8")

    # Files

    def _copy_static(self, url: str) -> None:
        name = unquote(url[len(settings.STATIC_URL) :].split("?")[0])
        collected = Path(settings.STATIC_ROOT) / name
        source = collected if collected.is_file() else finders.find(name)
        if not source:
            self.result.failed[url] = _("no such static file")
            return
        self._copy_file(url, Path(source))
        if name.endswith(".css"):
            css = Path(source).read_text(encoding="utf-8", errors="replace")
            for ref in CSS_URL.findall(css):
                if not ref.startswith(("data:", "#", "http:", "https:", "//")):
                    self._enqueue(urljoin(url, ref).split("#")[0].split("?")[0])
        for compressed in (".gz", ".br"):  # WhiteNoise's copies, for nginx's gzip_static
            if collected.with_name(collected.name + compressed).is_file():
                self._copy_file(url + compressed, collected.with_name(collected.name + compressed))

    def _copy_media(self, url: str) -> None:
        name = unquote(url[len(settings.MEDIA_URL) :].split("?")[0])
        if not default_storage.exists(name):
            self.result.failed[url] = _("no such media file")
            return
        try:
            source = Path(default_storage.path(name))
        except NotImplementedError:
            with default_storage.open(name) as handle:
                return self._store(url, url, handle.read(), kind="file")
        self._copy_file(url, source)

    def _copy_file(self, url: str, source: Path) -> None:
        relative = file_for(url)
        target = self._safe_target(relative)
        stat = source.stat()
        old = self.manifest["entries"].get(url) if self.manifest else None
        if (
            old
            and target.is_file()
            and old.get("size") == stat.st_size
            and old.get("mtime") == stat.st_mtime
        ):
            self.result.unchanged += 1
        else:
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)
            self.result.written.append(relative)
        self.entries[url] = {
            "file": relative,
            "kind": "file",
            "size": stat.st_size,
            "mtime": stat.st_mtime,
        }

    def _store(self, url: str, path: str, body: bytes, *, kind: str, **extra) -> None:
        relative = file_for(path)
        digest = hashlib.sha256(body).hexdigest()
        old = self.manifest["entries"].get(url) if self.manifest else None
        if old and old.get("sha256") == digest and self._safe_target(relative).is_file():
            self.result.unchanged += 1
        else:
            self._write_bytes(relative, body)
            self.result.written.append(relative)
        self.entries[url] = {"file": relative, "kind": kind, "sha256": digest, **extra}

    def _safe_target(self, relative: str) -> Path:
        target = (self.output / relative).resolve()
        if not target.is_relative_to(self.output.resolve()):
            raise BakeError(
                _("Refusing to write outside the output folder: %(path)s") % {"path": relative}
            )
        return target

    def _write_bytes(self, relative: str, body: bytes) -> None:
        target = self._safe_target(relative)
        target.parent.mkdir(parents=True, exist_ok=True)
        # Write beside and rename: a host serving the folder never sees half a file.
        with tempfile.NamedTemporaryFile(
            dir=target.parent, prefix=".bake-", delete=False
        ) as handle:
            handle.write(body)
        os.chmod(handle.name, 0o644)
        os.replace(handle.name, target)

    def _remove_stale(self, previous: dict) -> None:
        """Delete files this bake wrote before and no longer produces (only ours)."""
        keep = {entry["file"] for entry in self.entries.values()}
        for url, entry in previous.items():
            if url in self.entries or entry["file"] in keep:
                continue
            target = self._safe_target(entry["file"])
            if target.is_file():
                target.unlink()
                self.result.removed.append(entry["file"])
            for suffix in (".gz", ".br"):
                target.with_name(target.name + suffix).unlink(missing_ok=True)


def _split(url: str) -> tuple[str, str]:
    path, _mark, query = url.partition("?")
    return path, query


def bake(output_dir, *, base_url="", main_site="", incremental=False, progress=None) -> BakeResult:
    """Bake the public site into ``output_dir``; see the module docstring."""
    baker = Baker(output_dir, base_url=base_url, main_site=main_site, progress=progress)
    return baker.run(incremental=incremental)
