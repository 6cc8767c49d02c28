"""Rich text inside a paragraph: bold, italic, links (to imported pages where they can be),
line breaks and lists; media inside are left to the walker."""

from __future__ import annotations

import html

from .resolver import Resolver

MEDIA_TAGS = ("img", "iframe", "audio", "video", "dl-embed", "dl-gallery", "figure")
WRAPPERS = {
    **{tag: "<b>{}</b>" for tag in ("b", "strong")},
    **{tag: "<i>{}</i>" for tag in ("i", "em", "cite", "q")},
}


class InlineRich:
    def __init__(self, resolver: Resolver):
        self.resolver = resolver

    def rich(self, el) -> str:
        out = [html.escape(el.text, quote=False)] if el.text else []
        for child in el:
            out.append(self.inline_html(child))
            if child.tail:
                out.append(html.escape(child.tail, quote=False))
        return "".join(out).strip()

    def inline_html(self, el) -> str:
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag in MEDIA_TAGS:
            return ""
        if tag == "br":
            return "<br/>"
        inner = self.rich(el)  # first, as before: a list's links are resolved twice
        if tag in ("ul", "ol"):
            return self.inline_list(el, tag)
        return self.formatted(el, tag, inner)

    def formatted(self, el, tag: str, inner: str) -> str:
        if tag in WRAPPERS and inner:
            return WRAPPERS[tag].format(inner)
        if tag == "a" and el.get("href") and inner:
            return self.link(el.get("href"), inner)
        if tag == "li":
            return f" {inner}"
        return inner

    def inline_list(self, el, tag: str) -> str:
        items = "".join(f"<li>{self.rich(li)}</li>" for li in el if li.tag == "li")
        return f"<{tag}>{items}</{tag}>"

    def link(self, href: str, inner: str) -> str:
        target = self.resolver.link(href)
        if isinstance(target, int):
            return f'<a linktype="page" id="{target}">{inner}</a>'
        return f'<a href="{html.escape(target)}">{inner}</a>'
