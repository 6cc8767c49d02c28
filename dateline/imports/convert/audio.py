"""The audio file a post plays, for posts that become podcast episodes."""

from __future__ import annotations

import lxml.html

from .body import sanitize
from .embeds import player_source
from .resolver import Conversion
from .shortcodes import shortcodes


def episode_audio(source_html: str) -> str:
    """The address of the first audio file the post plays (an [audio] shortcode, an audio
    block, an <audio> element, Ghost's audio card), or "" if it plays none."""
    if "audio" not in (source_html or "").lower():
        return ""
    clean = sanitize(shortcodes(source_html, Conversion()))
    if not clean.strip():
        return ""
    root = lxml.html.fragment_fromstring(clean, create_parent="div")
    for element in root.iter("audio"):
        source = player_source(element)
        if source:
            return source
    return ""
