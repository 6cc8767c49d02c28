"""Plain text out of HTML: of a fragment, of an element, and whether rich text has any."""

from __future__ import annotations

import html
import re

import nh3


def plain_text(source_html: str) -> str:
    """The readable text of an HTML fragment (for standfirsts, captions, excerpts)."""
    if not source_html or not source_html.strip():
        return ""
    clean = nh3.clean(source_html, tags=set(), clean_content_tags={"script", "style"})
    return " ".join(html.unescape(clean).split())


def text_of(element) -> str:
    """An lxml element's text, whitespace collapsed."""
    return " ".join("".join(element.itertext()).split())


NO_TEXT = re.compile(r"(?:<[^>]+>|&nbsp;|\s|\u00a0)*")


def has_text(rich: str) -> bool:
    """Whether there is anything but tags and spaces (stops at the first letter)."""
    return NO_TEXT.fullmatch(rich) is None
