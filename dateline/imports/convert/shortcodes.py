"""WordPress shortcodes: [caption], [gallery], [embed], [audio], [video], [youtube] and
[vimeo] into HTML the walker knows; any other [name ...] with attributes or a closing tag is
kept readable and listed."""

from __future__ import annotations

import html
import re

from .resolver import Conversion

SHORTCODE = re.compile(r"\[(\[?)(/?)([a-zA-Z][\w\-]*)((?:\s+[^\]]*?)?)\s*(/?)\](\]?)")
SHORTCODE_ATTR = re.compile(r"""([\w\-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s\]]+))""")
CAPTIONED_IMAGE = re.compile(r"\s*((?:<a\b[^>]*>\s*)?<img\b[^>]*>(?:\s*</a>)?)(.*)$", re.S | re.I)


def shortcodes(text: str, result: Conversion) -> str:
    """[caption], [gallery], [embed], [audio], [video], [youtube] into HTML the walker knows;
    other shortcodes with attributes or a closing tag are listed and kept readable."""
    if "[" not in text:
        return text
    return _Rewriter(text, result).rewrite()


class _Rewriter:
    def __init__(self, text: str, result: Conversion):
        self.text = text
        self.result = result
        self.closers = {m.group(3).lower() for m in SHORTCODE.finditer(text) if m.group(2)}
        self.out: list[str] = []
        self.position = 0

    def rewrite(self) -> str:
        for match in SHORTCODE.finditer(self.text):
            if match.start() >= self.position:
                self.visit(match)
        self.out.append(self.text[self.position :])
        return "".join(self.out)

    def replace(self, match, replacement: str, end: int) -> None:
        """The text up to ``match``, then ``replacement`` for everything up to ``end``."""
        self.out.append(self.text[self.position : match.start()])
        self.out.append(replacement)
        self.position = end

    def visit(self, match) -> None:
        escaped_open, closing, name, raw_attrs, _, escaped_close = match.groups()
        lower = name.lower()
        if escaped_open and escaped_close:  # [[gallery]] prints the shortcode literally
            self.replace(match, match.group(0)[1:-1], match.end())
        elif closing:
            # a stray closer of a shortcode we already consumed or kept as text
            if lower in SHORTCODE_HTML:
                self.replace(match, "", match.end())
        elif lower in SHORTCODE_HTML:
            inner, end = self.enclosed(match, name, lower)
            self.replace(match, shortcode_html(lower, inner or "", raw_attrs), end)
        else:
            self.unknown(match, name, lower, raw_attrs)

    def unknown(self, match, name: str, lower: str, raw_attrs: str) -> None:
        inner, end = self.enclosed(match, name, lower)
        if inner is not None or raw_attrs.strip():
            self.result.note(f"shortcode:{lower}")
            self.replace(match, match.group(0) if inner is None else inner, end)

    def enclosed(self, match, name: str, lower: str) -> tuple[str | None, int]:
        """The content up to the shortcode's closer and where the closer ends, or (None, the
        shortcode's own end) if it has none."""
        if lower not in self.closers:
            return None, match.end()
        close = re.search(rf"\[/{re.escape(name)}\]", self.text[match.end() :], re.I)
        if not close:
            return None, match.end()
        return self.text[match.end() : match.end() + close.start()], match.end() + close.end()


def shortcode_html(name: str, inner: str, raw_attrs: str) -> str:
    return SHORTCODE_HTML[name](name, _attrs(raw_attrs), inner, raw_attrs)


def _attrs(raw: str) -> dict:
    found = {}
    for match in SHORTCODE_ATTR.finditer(raw or ""):
        key, *values = match.groups()
        found[key.lower()] = next((v for v in values if v is not None), "")
    return found


def _first(attrs: dict, *names: str) -> str:
    return next((attrs[n] for n in names if attrs.get(n)), "")


def _caption(name: str, attrs: dict, inner: str, raw_attrs: str) -> str:
    found = CAPTIONED_IMAGE.match(inner)
    image, caption = (found.group(1), found.group(2)) if found else (inner, "")
    caption = caption.strip() or attrs.get("caption", "")
    return f"<figure>{image}<figcaption>{caption}</figcaption></figure>"


def _gallery(name: str, attrs: dict, inner: str, raw_attrs: str) -> str:
    ids = attrs.get("ids") or attrs.get("include") or ""
    return f'<dl-gallery data-ids="{html.escape(ids)}"></dl-gallery>'


def _audio(name: str, attrs: dict, inner: str, raw_attrs: str) -> str:
    url = _first(attrs, "src", "mp3", "m4a", "ogg")
    return f'<audio src="{html.escape(url)}"></audio>' if url else ""


def _video(name: str, attrs: dict, inner: str, raw_attrs: str) -> str:
    url = _first(attrs, "src", "mp4", "webm", "ogv")
    return f'<video src="{html.escape(url)}"></video>' if url else ""


def _embed(name: str, attrs: dict, inner: str, raw_attrs: str) -> str:
    """[embed]URL[/embed], [youtube URL], [youtube=URL], [vimeo 1234]."""
    url = inner.strip() or attrs.get("url") or attrs.get("id") or raw_attrs.strip().lstrip("=")
    if name == "vimeo" and url.isdigit():
        url = f"https://vimeo.com/{url}"
    return f'<dl-embed data-url="{html.escape(url.strip())}"></dl-embed>' if url else ""


SHORTCODE_HTML = {
    "caption": _caption,
    "wp_caption": _caption,
    "gallery": _gallery,
    "audio": _audio,
    "video": _video,
    "embed": _embed,
    "youtube": _embed,
    "vimeo": _embed,
}
