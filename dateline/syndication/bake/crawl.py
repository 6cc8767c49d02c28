"""The crawl: a queue of addresses, each baked once, starting from the live pages and
growing with every internal link the rewritten pages, feeds and stylesheets hold."""

from __future__ import annotations

from collections import deque
from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings
from django.core.files.storage import default_storage
from django.test import override_settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from wagtail.models import Site

from dateline.core import object_storage

from . import fetch
from .addresses import mirror_path, split_url
from .files import MirrorFolder
from .manifest import MANIFEST_NAME, manifest_json, open_output_folder
from .pages import LivePage, edition_locales, live_pages, seeds
from .plan import IncrementalPlan, incremental_plan, listings_now_linked
from .result import BakeError, BakeResult
from .rewrite import LinkRewriter, css_references

NOT_FOUND_PROBE = "dateline-bake-missing-page/"
REDIRECTS = (301, 302, 307, 308)


class Baker:
    """One bake of the default site into ``output_dir``; ``run()`` does it."""

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
        self.rewriter = LinkRewriter(
            root_url=self.root_url,
            main_site=self.main_site,
            base_url=self.base_url,
            follow=self._enqueue,
        )
        self.progress = progress
        self.client = fetch.SiteClient(self.root_url)
        self.manifest = open_output_folder(self.output)
        self.result = BakeResult()
        previous = self.manifest["entries"] if self.manifest else {}
        self.folder = MirrorFolder(self.output, previous, self.result)
        self._queued: set[str] = set()
        self._queue: deque[str] = deque()

    def run(self, *, incremental: bool = False) -> BakeResult:
        # The mirror is made from the database, not from the page cache, which a publish in
        # another process may not have cleared yet.
        with override_settings(DATELINE_PAGE_CACHE=False):
            return self._run(incremental)

    def _run(self, incremental: bool) -> BakeResult:
        pages = live_pages(self.site)
        previous = self.folder.previous
        if self.manifest is None:
            self._write_manifest()  # the folder is ours from now on, even if this bake stops
        plan = incremental_plan(pages, previous) if incremental and previous else None
        self.result.full = plan is None
        if plan is None:
            self._queue_all(pages)
        else:
            self._queue_changes(plan, pages)
        self._bake_not_found_pages()
        self._drain(pages)
        if plan is not None:
            for url in listings_now_linked(plan.rerender, self.folder.entries, pages):
                self._enqueue(url, force=True)
            self._drain(pages)
        self.folder.remove_stale()
        self._write_manifest()
        (self.output / ".nojekyll").touch()  # GitHub Pages: serve files as they are
        return self.result

    def _write_manifest(self) -> None:
        data = manifest_json(self.folder.entries, main_site=self.main_site, base_url=self.base_url)
        self.folder.write_bytes(MANIFEST_NAME, data)

    # The queue

    def _queue_all(self, pages: dict[str, LivePage]) -> None:
        for url in seeds(self.site, pages):
            self._enqueue(url)

    def _queue_changes(self, plan: IncrementalPlan, pages: dict[str, LivePage]) -> None:
        """Keep what the last bake wrote, except what the plan drops or renders again."""
        previous = self.folder.previous
        self.folder.entries = {
            url: entry for url, entry in previous.items() if url not in plan.drop
        }
        for url in plan.rerender:
            self._enqueue(url, force=True)
        for url in seeds(self.site, pages):
            if url not in previous:
                self._enqueue(url)

    def _enqueue(self, url: str, *, force: bool = False) -> None:
        if url in self.folder.entries and not force:
            return  # kept from the previous bake (incremental) or baked already
        if force:
            self._queued.discard(url)
        if url not in self._queued:
            self._queued.add(url)
            self._queue.append(url)

    def _drain(self, pages: dict[str, LivePage]) -> None:
        while self._queue:
            url = self._queue.popleft()
            self._bake_one(url, pages.get(url))
            if self.progress is not None:
                self.progress.total = len(self._queued)
                self.progress.update(1)

    # Baking one address

    def _bake_one(self, url: str, page: LivePage | None) -> None:
        path = urlsplit(url).path
        if fetch.is_static(path):
            return self._bake_static(url)
        if fetch.is_media(path):
            return self._bake_media(url)
        response = self.client.get(url)
        if response.status_code in REDIRECTS:
            return self._bake_redirect(url, response["Location"])
        if response.status_code == 404 and self.folder.entries.pop(url, None) is not None:
            return  # baked before, gone now (a listing's last page after an unpublish)
        if response.status_code != 200:
            self.result.failed[url] = _("answered %(status)d") % {"status": response.status_code}
            return
        self._bake_response(url, response, page)

    def _bake_response(self, url: str, response, page: LivePage | None) -> None:
        body = b"".join(response.streaming_content) if response.streaming else response.content
        links: set[str] = set()
        body, kind = self.rewriter.rewrite(
            body, response.get("Content-Type", ""), self.root_url + url, links
        )
        extra = {"links": sorted(links)}
        if page is not None:
            extra.update(page=page.id, published=page.published, content=page.content)
        self.folder.store(url, mirror_path(*split_url(url)), body, kind=kind, **extra)

    def _bake_redirect(self, url: str, location: str) -> None:
        page_html = self.rewriter.redirect_page(url, location)
        if page_html is None:
            self.result.failed[url] = _("redirects away from the site")
            return
        self.folder.store(url, mirror_path(*split_url(url)), page_html, kind="html")

    def _bake_static(self, url: str) -> None:
        source = fetch.static_file(url)
        if source is None:
            self.result.failed[url] = _("no such static file")
            return
        self.folder.copy_file(url, source)
        if fetch.static_name(url).endswith(".css"):
            css = source.read_text(encoding="utf-8", errors="replace")
            for reference in css_references(url, css):
                self._enqueue(reference)
        for copy_url, copy in fetch.compressed_copies(url):
            self.folder.copy_file(copy_url, copy)

    def _bake_media(self, url: str) -> None:
        found = fetch.media_file(url)
        if found is None:
            self.result.failed[url] = _("no such media file")
            return
        name, size, mtime = found
        self.folder.copy_stored(
            url,
            size,
            mtime,
            lambda target: object_storage.download(default_storage, name, target),
        )

    def _bake_not_found_pages(self) -> None:
        for locale in edition_locales(self.site):
            with translation.override(locale.language_code):
                home = reverse("search").removesuffix("search/")
            response = self.client.get(home + NOT_FOUND_PROBE)
            if response.status_code == 404 and "html" in response.get("Content-Type", ""):
                # Its language link leads to the missing address in the other edition: make
                # that the other edition's home.
                body = response.content.replace(NOT_FOUND_PROBE.encode(), b"")
                html = self.rewriter.rewrite_html(body, self.root_url + home + "404.html")
                self.folder.store(home + "404.html", home + "404.html", html, kind="html")


def bake(output_dir, *, base_url="", main_site="", incremental=False, progress=None) -> BakeResult:
    """Bake the public site into ``output_dir``; see the package docstring."""
    baker = Baker(output_dir, base_url=base_url, main_site=main_site, progress=progress)
    return baker.run(incremental=incremental)
