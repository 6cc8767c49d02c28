"""Gutenberg block markup: the block comments taken out, embed blocks turned into
``<dl-embed>``, unknown blocks kept (their content as text) and listed."""

from __future__ import annotations

import html
import json
import re

from .resolver import Conversion

# Gutenberg blocks whose markup is plain HTML that the walker understands.
KNOWN_BLOCKS = {
    "paragraph", "heading", "list", "list-item", "quote", "pullquote", "image", "gallery",
    "audio", "video", "html", "separator", "spacer", "columns", "column", "group", "table",
    "preformatted", "code", "verse", "freeform", "more", "nextpage", "shortcode", "media-text",
    "cover", "file", "buttons", "button", "embed", "missing", "block", "classic",
}  # fmt: skip
GUTENBERG_COMMENT = re.compile(
    r"<!--\s+(/)?wp:([a-z0-9_\-]+(?:/[a-z0-9_\-]+)?)(\s+(\{.*?\}))?\s*(/)?-->", re.S
)


def gutenberg(text: str, result: Conversion) -> str:
    """Block comments out, embed blocks into <dl-embed>; unknown blocks keep their content
    (as text) and are listed."""
    return _Comments(text, result).rewrite()


class _Comments:
    def __init__(self, text: str, result: Conversion):
        self.text = text
        self.result = result
        self.out: list[str] = []
        self.position = 0
        self.skip_until: str | None = None  # an embed block's fallback content is dropped

    def rewrite(self) -> str:
        for match in GUTENBERG_COMMENT.finditer(self.text):
            closing, name, _, attrs, self_closing = match.groups()
            short = name[5:] if name.startswith("core/") else name
            if self.skip_until is not None:
                self.skipping(match, closing, short)
                continue
            self.out.append(self.text[self.position : match.start()])
            self.position = match.end()
            if not closing:
                self.opening(name, short, attrs, self_closing)
        self.out.append(self.text[self.position :])
        return "".join(self.out)

    def skipping(self, match, closing, short: str) -> None:
        if closing and short == self.skip_until:
            self.skip_until = None
            self.position = match.end()

    def opening(self, name: str, short: str, attrs: str | None, self_closing) -> None:
        if short == "embed" or short.startswith("core-embed/"):
            self.embed(short, _json(attrs).get("url", ""), self_closing)
        elif short not in KNOWN_BLOCKS:
            self.result.note(f"block:{name}")

    def embed(self, short: str, url: str, self_closing) -> None:
        if url:
            self.out.append(f'<dl-embed data-url="{html.escape(url)}"></dl-embed>')
            if not self_closing:
                self.skip_until = short


def _json(attrs: str | None) -> dict:
    try:
        return json.loads(attrs) if attrs else {}
    except ValueError:
        return {}
