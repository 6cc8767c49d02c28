"""Old addresses to new pages, as permanent redirects: each story's old URLs, the old
archives (categories, tags, authors), feeds and WordPress attachment pages."""

from __future__ import annotations

from collections.abc import Iterable
from urllib.parse import urlsplit

from wagtail.contrib.redirects.models import Redirect
from wagtail.images import get_image_model
from wagtail.models import Page

from .authors import Authors
from .pages import path_and_query
from .terms import Terms

OLD_FEEDS = {
    "wordpress": ["/feed/", "/feed/rss2/", "/feed/atom/", "/?feed=rss2"],
    "ghost": ["/rss/"],
}


class Redirects:
    """The importer's redirect half (mixed into ``Importer``)."""

    def redirect_all(self, urls: Iterable[str], target: Page, item_id: str) -> None:
        for old_path in self.redirect_paths(urls, target.url_path):
            self.redirect(old_path, target)

    def redirect_paths(self, urls: Iterable[str], own: str) -> list[str]:
        """The old addresses on the old site that must lead to the page at ``own``, as
        Wagtail keeps them; not the page's own address, not the site's root."""
        paths = []
        address = _site_relative(own)
        for url in urls:
            if url and self.on_old_site(url):
                old_path = Redirect.normalise_path(path_and_query(url))
                if old_path not in ("", "/", address):
                    paths.append(old_path)
        return paths

    def on_old_site(self, url: str) -> bool:
        host = urlsplit(url).hostname
        return not (host and self.site_host and host.removeprefix("www.") != self.site_host)

    def redirect(self, old: str, target: Page | None, link: str = "") -> None:
        old_path = Redirect.normalise_path(old)
        if old_path in ("", "/"):
            return
        if self.options.dry_run:
            self.report.counts["redirects"] += 1
            return
        found = Redirect.objects.filter(old_path=old_path, site=None).first()
        if found is None:
            Redirect.objects.create(
                old_path=old_path, site=None, redirect_page=target, redirect_link=link
            )
            self.report.counts["redirects"] += 1
            return
        wanted = (target.pk if target is not None else None, link, True)
        if (found.redirect_page_id, found.redirect_link, found.is_permanent) != wanted:
            found.redirect_page, found.redirect_link, found.is_permanent = target, link, True
            found.save()  # written only when it changed: a run again writes nothing
        self.report.counts["redirects_kept"] += 1

    def archive_redirects(self, terms: Iterable, authors: Iterable) -> None:
        """/category/x/, /tag/y/ (WordPress) or /tag/x/ (Ghost), /author/z/ to the matching
        term and author pages."""
        self.feed_redirects()
        self.attachment_redirects()
        self.term_redirects(terms)
        self.author_redirects(authors)

    def term_redirects(self, terms: Iterable) -> None:
        locale_terms = self.terms.get(self.locale.pk) or Terms(
            self.locale, self.mapping, "report", self, True
        )
        for term in terms:
            page = locale_terms.cache.get((term.taxonomy, term.slug.casefold()))
            if page is None:
                page = locale_terms.by_slug_or_name(term.slug, term.name)
            self.redirect_live(self.archive_paths(term), page)

    def author_redirects(self, authors: Iterable) -> None:
        for author in authors:
            page = (
                self.authors.get(self.locale.pk)
                or Authors(self.source, self.locale, {}, self, True)
            ).cache.get(author.key)
            self.redirect_live(self.author_paths(author), page)

    def redirect_live(self, paths: Iterable[str], page: Page | None) -> None:
        if page is not None and page.live:
            for old in paths:
                self.redirect(old, page)

    def attachment_redirects(self) -> None:
        """WordPress's attachment pages to the imported files."""
        for attachment in self.attachments.values():
            pk = self.media.by_url.get(f"image:{attachment.url}") if attachment.link else None
            image = get_image_model().objects.filter(pk=pk).first() if pk else None
            if image is not None:
                self.redirect(path_and_query(attachment.link), None, link=image.file.url)

    def feed_redirects(self) -> None:
        """The old site's feeds to the edition's."""
        home = (self.home(self.locale).get_url() or "/").rstrip("/")
        for old in OLD_FEEDS.get(self.kind, []):
            kind = "atom" if "atom" in old else "rss"
            self.redirect(old, None, link=f"{home}/feeds/{kind}/")

    def archive_paths(self, term) -> list[str]:
        if self.kind == "ghost":
            return [f"/tag/{term.slug}/"]
        prefix = "category" if term.taxonomy == "category" else "tag"
        paths = [f"/{prefix}/{term.slug}/"]
        if term.source_id and term.taxonomy == "category":
            paths.append(f"/?cat={term.source_id}")
        return paths

    def author_paths(self, author) -> list[str]:
        paths = [f"/author/{author.key}/"]
        if self.kind == "wordpress" and author.source_id and author.source_id.isdigit():
            paths.append(f"/?author={author.source_id}")
        return paths


def _site_relative(url_path: str) -> str:
    """A page's address under its site's root, as ``Redirect.normalise_path`` writes paths:
    "/home/blogs/notes/market/" → "/blogs/notes/market" (a redirect from a page's own
    address would never be used; one from a shorter old address is needed)."""
    inner = url_path.strip("/").partition("/")[2]
    return f"/{inner}" if inner else "/"
