"""Classic (pre-Gutenberg) WordPress content: paragraphs from blank lines."""

from __future__ import annotations

import re

CLASSIC_BLOCK_START = re.compile(
    r"^\s*<(p|div|h[1-6]|ul|ol|blockquote|figure|table|pre|iframe|audio|video|section|hr|"
    r"dl-embed|dl-gallery)\b",
    re.I,
)


def autop(text: str) -> str:
    """WordPress's wpautop, in short: blank lines part paragraphs, single newlines break."""
    chunks = re.split(r"\n\s*\n", text.replace("\r\n", "\n"))
    out = []
    for chunk in chunks:
        if not chunk.strip():
            continue
        if CLASSIC_BLOCK_START.match(chunk):
            out.append(chunk)
        else:
            out.append("<p>" + chunk.strip().replace("\n", "<br>\n") + "</p>")
    return "\n".join(out)
