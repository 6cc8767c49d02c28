"""Old HTML (classic WordPress, Gutenberg block markup, Ghost cards, feed entries) into
Dateline's body blocks.

The conversion never touches the database: the caller passes a ``Resolver`` that turns an
image or audio address into a Wagtail image or document, and an old link into a new one.
Everything is sanitized with nh3 (Ammonia) first: no script, style, event attribute or
``javascript:`` URL reaches a block. Text survives as text: entities are decoded once and
escaped once, and right-to-left, zero-width and combining characters pass untouched.

- ``body``: ``convert()``, the steps in order, and the sanitizer's allow-lists;
- ``resolver``: ``Resolver`` (what the conversion asks its caller) and ``Conversion``;
- ``gutenberg``: block comments out, embed blocks in; ``shortcodes``: [caption], [gallery]...;
- ``classic``: WordPress's paragraphs from blank lines (wpautop);
- ``walker``: the sanitized tree into blocks, one method per element and per kind of figure;
- ``inline``: rich text inside a paragraph; ``embeds``: videos, bookmarks and players;
- ``text``: plain text of a fragment or an element.
"""

from .body import convert
from .resolver import Resolver
from .text import plain_text

__all__ = ["Resolver", "convert", "plain_text"]
