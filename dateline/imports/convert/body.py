"""``convert()``: Gutenberg comments and shortcodes rewritten, classic paragraphs made,
everything sanitized with nh3, then the tree walked into blocks."""

from __future__ import annotations

import lxml.html
import nh3

from .classic import autop
from .gutenberg import gutenberg
from .resolver import Conversion, Resolver
from .shortcodes import shortcodes
from .walker import Walker

ALLOWED_TAGS = {
    "p", "br", "a", "b", "strong", "i", "em", "u", "s", "sub", "sup", "span", "small", "mark",
    "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "blockquote", "cite", "q", "footer",
    "figure", "figcaption", "img", "iframe", "audio", "video", "source", "div", "section",
    "article", "header", "aside", "table", "thead", "tbody", "tr", "td", "th", "caption",
    "pre", "code", "hr", "dl", "dt", "dd", "abbr", "time", "del", "ins",
    "dl-embed", "dl-gallery",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "*": {"class"},
    "a": {"href", "title"},
    "img": {"src", "alt", "title", "data-id", "data-attachment-id"},
    "iframe": {"src", "title"},
    "audio": {"src"},
    "video": {"src", "poster"},
    "source": {"src", "type"},
    "dl-embed": {"data-url", "data-caption"},
    "dl-gallery": {"data-ids"},
}
URL_SCHEMES = {"http", "https", "mailto"}


def convert(source_html: str, resolver: Resolver | None = None) -> Conversion:
    """Body blocks for ``source_html``."""
    resolver = resolver or Resolver()
    result = Conversion()
    text = source_html or ""
    if "<!-- wp:" in text:
        text = gutenberg(text, result)
    text = shortcodes(text, result)
    if "<!-- wp:" not in (source_html or ""):
        text = autop(text)
    clean = sanitize(text)
    if not clean.strip():
        return result
    root = lxml.html.fragment_fromstring(clean, create_parent="div")
    Walker(resolver, result).walk(root)
    return result


def sanitize(text: str) -> str:
    return nh3.clean(
        text,
        tags=ALLOWED_TAGS,
        clean_content_tags={"script", "style", "noscript", "template"},
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel=None,
        strip_comments=True,
    )
