"""Links rewritten to lead into the mirror, and the parts that need the newsroom's server
pointed at the main site or switched off.

Every internal address a rendered page, feed or stylesheet links to is handed to
``follow`` (the crawl queue), so whatever the mirror links to is baked too.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from urllib.parse import urljoin, urlsplit

import lxml.html
from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape
from django.utils.translation import gettext as _

from .addresses import mirror_path, split_url
from .fetch import media_address

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
ABSOLUTE_URL = re.compile(r"https?://[^\s\"'<>()]+")
CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)['\"]?\s*\)")
LINK_ATTRIBUTES = ("href", "src", "poster", "data")
NOT_ADDRESSES = ("#", "mailto:", "tel:", "data:", "javascript:")


def server_only_prefixes() -> tuple[str, ...]:
    """The address prefixes the mirror leaves to the main site, in every edition."""
    prefixes = list(SERVER_ONLY_PREFIXES)
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            prefixes.append(reverse("search"))
            prefixes.append(reverse("newsletter:subscribe").removesuffix("subscribe/"))
    return tuple(prefixes)


def css_references(url: str, css: str) -> Iterator[str]:
    """The files a stylesheet at ``url`` refers to by a relative ``url()`` (which stays
    right in the mirror, so the stylesheet itself is copied unchanged)."""
    for ref in CSS_URL.findall(css):
        if not ref.startswith(("data:", "#", "http:", "https:", "//")):
            yield urljoin(url, ref).split("#")[0].split("?")[0]


class LinkRewriter:
    """Rewrites what the site at ``root_url`` renders into what the mirror at ``base_url``
    serves; what needs the server goes to ``main_site``."""

    def __init__(
        self, *, root_url: str, main_site: str, base_url: str, follow: Callable[[str], None]
    ):
        self.root_url = root_url
        self.main_site = main_site
        self.base_url = base_url
        self.base_path = urlsplit(base_url).path.rstrip("/")
        self.internal_hosts = {
            urlsplit(url).netloc.lower()
            for url in (root_url, settings.DATELINE_BASE_URL, main_site)
        }
        self.server_only = server_only_prefixes()
        self.follow = follow

    def rewrite(
        self, body: bytes, content_type: str, page_url: str, links: set[str]
    ) -> tuple[bytes, str]:
        """The response body with its links leading into the mirror, and its kind for the
        manifest ("html", "xml", "text" or "file")."""
        if content_type.startswith("text/html"):
            return self.rewrite_html(body, page_url, links), "html"
        if "xml" in content_type or content_type.startswith(("text/plain", "application/json")):
            return self.rewrite_text(body), "xml" if "xml" in content_type else "text"
        return body, "file"

    def redirect_page(self, url: str, location: str) -> bytes | None:
        """A page that sends the reader on to where ``url`` redirects, inside the mirror;
        None when the redirect leads away from the site."""
        target = urljoin(self.root_url + url, location)
        mapped = self.map(target, for_html=True, links=None)
        if mapped == target:
            return None
        mapped = escape(mapped)
        return (
            f'<!DOCTYPE html><meta http-equiv="refresh" content="0; url={mapped}">'
            f'<a href="{mapped}">{mapped}</a>'
        ).encode()

    def is_internal(self, parts) -> bool:
        return parts.scheme in ("http", "https") and parts.netloc.lower() in self.internal_hosts

    def map(self, absolute: str, *, for_html: bool, links: set[str] | None) -> str:
        """Where a link to ``absolute`` should point in the mirror; follows its target."""
        media = media_address(absolute)
        if media is not None:  # media in a bucket: copied into the mirror too
            self.follow(media)
            return f"{self.base_path if for_html else self.base_url}{media}"
        parts = urlsplit(absolute)
        if not self.is_internal(parts):
            return absolute
        path = parts.path or "/"
        fragment = f"#{parts.fragment}" if parts.fragment else ""
        query = f"?{parts.query}" if parts.query else ""
        if path.startswith(self.server_only):
            return f"{self.main_site}{path}{query}{fragment}"
        is_file = path.startswith((settings.STATIC_URL, settings.MEDIA_URL))
        source = path if is_file else path + query  # cache-busting queries make no new file
        self.follow(source)
        if links is not None and not is_file:
            links.add(source)
        prefix = self.base_path if for_html else self.base_url
        return f"{prefix}{mirror_path(*split_url(source))}{fragment}"

    def rewrite_html(self, body: bytes, page_url: str, links: set[str] | None = None) -> bytes:
        """The page with its links leading into the mirror; ``links`` collects the pages
        its main part links to (what the incremental bake needs to know)."""
        document = lxml.html.document_fromstring(body.decode("utf-8"))
        language = document.get("lang") or settings.LANGUAGE_CODE
        main = document.find(".//main")
        main_elements = set(main.iter()) if main is not None else set()
        for element in document.iter():
            if isinstance(element.tag, str):
                found = links if element in main_elements else None
                self._rewrite_element(element, page_url, found)
        self._point_forms_at_main_site(document, page_url, language)
        self._switch_off_server_scripts(document)
        html = lxml.html.tostring(document, encoding="unicode", doctype="<!DOCTYPE html>")
        return html.encode("utf-8")

    def _rewrite_element(self, element, page_url: str, links: set[str] | None) -> None:
        element.attrib.pop("nonce", None)  # a per-request CSP nonce means nothing here
        if element.tag == "link" and element.get("rel") == "canonical":
            return  # the original stays canonical: search engines credit the newsroom
        for name in LINK_ATTRIBUTES:
            value = (element.get(name) or "").strip()
            if value and not value.startswith(NOT_ADDRESSES):
                element.set(name, self.map(urljoin(page_url, value), for_html=True, links=links))
        if element.get("srcset"):
            element.set("srcset", self._rewrite_srcset(element.get("srcset"), page_url))

    def _rewrite_srcset(self, srcset: str, page_url: str) -> str:
        candidates = []
        for candidate in srcset.split(","):
            url, _space, descriptor = candidate.strip().partition(" ")
            mapped = self.map(urljoin(page_url, url), for_html=True, links=None)
            candidates.append(f"{mapped} {descriptor}".strip())
        return ", ".join(candidates)

    def _point_forms_at_main_site(self, document, page_url: str, language: str) -> None:
        for form in list(document.iter("form")):
            action = urljoin(page_url, form.get("action") or page_url)
            parts = urlsplit(action)
            target = action if not self.is_internal(parts) else f"{self.main_site}{parts.path}"
            if (form.get("method") or "get").lower() == "get":
                form.set("action", target)  # search: the main site answers the query
                continue
            # A POST needs the newsroom's server and its CSRF cookie: link to the form there.
            notice = lxml.html.fragment_fromstring(
                '<p class="mirror-notice"></p>', create_parent=False
            )
            with translation.override(language):
                # Shown where the form was: a mirror cannot receive it.
                notice.text = _("This form works on the main site only.") + " "
                link = lxml.html.Element("a", href=target)
                link.text = _("Open it on the main site")
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

    def rewrite_text(self, body: bytes) -> bytes:
        """A feed, sitemap or text file with its absolute addresses leading into the mirror."""
        text = body.decode("utf-8")

        def replace(match):
            url = match.group(0)
            unescaped = url.replace("&amp;", "&")
            mapped = self.map(unescaped, for_html=False, links=None)
            return url if mapped == unescaped else mapped.replace("&", "&amp;")

        return ABSOLUTE_URL.sub(replace, text).encode("utf-8")
