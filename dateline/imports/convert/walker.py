"""The sanitized tree into body blocks: one method per element the walker knows, one per
kind of figure (Ghost's cards, Gutenberg's embeds, galleries, images, players); anything
else inline is part of the paragraph around it."""

from __future__ import annotations

import html
import re

from wagtail.rich_text import RichText

from .embeds import bookmark_block, embed_block, player_block, player_source, video_url
from .inline import InlineRich
from .resolver import Conversion, Resolver
from .text import has_text, text_of

BLOCK_CONTAINERS = {"div", "section", "article", "header", "footer", "aside", "dl", "dd", "dt"}
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
BARE_URL = re.compile(r"^https?://[^\s<>\"]+$")
FLATTENED_CARDS = {"kg-callout-card", "kg-toggle-card"}  # kept as one paragraph of text
EMBED_FIGURES = {"wp-block-embed", "kg-embed-card"}
MEDIA_INSIDE = ("img", "iframe", "audio", "video", "dl-embed", "dl-gallery")
LINE_BREAK = "<br/>"


def _classes(el) -> set:
    return set((el.get("class") or "").split())


def _trimmed(rich: str) -> str:
    """Without spaces and line breaks at either end."""
    rich = rich.strip()
    while rich.startswith(LINE_BREAK) or rich.endswith(LINE_BREAK):
        rich = rich.removeprefix(LINE_BREAK).removesuffix(LINE_BREAK).strip()
    return rich


def _escaped(text: str) -> str:
    return html.escape(text, quote=False)


class Walker(InlineRich):
    def __init__(self, resolver: Resolver, result: Conversion):
        super().__init__(resolver)
        self.result = result
        self.inline: list[str] = []
        self.handlers = {
            "p": self.p,
            **dict.fromkeys(HEADINGS, self.heading),
            "ul": self.add_list,
            "ol": self.add_list,
            "blockquote": self.blockquote,
            "figure": self.figure,
            "img": self.img,
            "iframe": self.frame,
            "dl-embed": self.frame,
            "audio": self.player,
            "video": self.player,
            "dl-gallery": self.dl_gallery,
            "table": self.table,
            "pre": self.pre,
            "hr": self.hr,
            **dict.fromkeys(BLOCK_CONTAINERS, self.container),
        }
        self.figure_kinds = (
            self.bookmark_card,
            self.embed_figure,
            self.figure_of_figures,
            self.figure_images,
            self.figure_player,
            self.figure_frame,
            self.figure_quote,
        )

    # blocks

    def add(self, kind: str, value) -> None:
        self.flush()
        self.result.blocks.append((kind, value))

    def paragraph(self, rich: str) -> None:
        rich = _trimmed(rich)
        if has_text(rich):
            self.result.blocks.append(("paragraph", RichText(f"<p>{rich}</p>")))

    def flush(self) -> None:
        if self.inline:
            rich = "".join(self.inline)
            self.inline = []
            self.paragraph(rich)

    def walk(self, container) -> None:
        if container.text:
            self.inline.append(_escaped(container.text))
        for child in container:
            self.element(child)
            if child.tail:
                self.inline.append(_escaped(child.tail))
        self.flush()

    def element(self, el) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        classes = _classes(el)
        handler = self.handlers.get(tag)
        if handler is not None:
            handler(el, classes)
        elif tag == "a" and "kg-bookmark-container" in classes:
            self.bookmark(el)
        elif tag == "span" and el.find(".//img") is not None:
            self.container(el, classes)
        else:  # inline at the top: part of a paragraph
            self.inline.append(self.inline_html(el))
            self.pull_media(el)

    # one method per element

    def p(self, el, classes: set) -> None:
        self.flush()
        alone = (el.text or "").strip()
        if len(el) == 0 and BARE_URL.match(alone):  # a URL on its own line: an embed
            return self.embed(alone, "")
        self.paragraph(self.rich(el))
        self.pull_media(el)

    def heading(self, el, classes: set) -> None:
        text = text_of(el)
        if text:
            self.add("heading", text)

    def add_list(self, el, classes: set | None = None) -> None:
        items = [f"<li>{self.rich(li)}</li>" for li in el if li.tag == "li" and text_of(li)]
        if items:
            tag = "ol" if el.tag == "ol" else "ul"
            self.add("paragraph", RichText(f"<{tag}>{''.join(items)}</{tag}>"))

    def blockquote(self, el, classes: set) -> None:
        self.quote(el)

    def quote(self, el) -> None:
        attribution = ""
        for who in el.findall(".//cite") + el.findall(".//footer"):
            attribution = attribution or text_of(who)
            who.drop_tree()
        parts = [text_of(p) for p in el if isinstance(p.tag, str) and p.tag == "p"]
        text = "\n\n".join(p for p in parts if p) or text_of(el)
        if text:
            self.add("quote", {"text": text, "attribution": attribution})

    def img(self, el, classes: set) -> None:
        self.image(el, "")

    def frame(self, el, classes: set) -> None:
        self.embed(el.get("src") or el.get("data-url") or "", el.get("data-caption") or "")

    def player(self, el, classes: set) -> None:
        self.media_file(el, el.tag)

    def dl_gallery(self, el, classes: set) -> None:
        self.gallery([i.strip() for i in (el.get("data-ids") or "").split(",") if i.strip()])

    def table(self, el, classes: set) -> None:
        self.flush()
        for row in el.iter("tr"):
            cells = [text_of(cell) for cell in row if cell.tag in ("td", "th")]
            self.paragraph(_escaped(" | ".join(c for c in cells if c)))

    def pre(self, el, classes: set) -> None:
        self.flush()
        lines = "".join(el.itertext()).strip("\n").split("\n")
        self.paragraph("<br/>".join(_escaped(line) for line in lines))

    def hr(self, el, classes: set) -> None:
        self.flush()

    def container(self, el, classes: set) -> None:
        self.flush()
        if classes & FLATTENED_CARDS:
            self.paragraph(_escaped(text_of(el)))
            return
        self.walk(el)

    # figures: the first kind that takes it, else its content walked

    def figure(self, el, classes: set) -> None:
        caption_el = el.find("figcaption")
        caption = text_of(caption_el) if caption_el is not None else ""
        for kind in self.figure_kinds:
            if kind(el, classes, caption):
                return
        self.flush()
        self.walk(el)

    def bookmark_card(self, el, classes: set, caption: str) -> bool:
        link = el.find(".//a") if "kg-bookmark-card" in classes else None
        if link is None:
            return False
        self.bookmark(link)
        return True

    def embed_figure(self, el, classes: set, caption: str) -> bool:
        if not classes & EMBED_FIGURES:
            return False
        frame = el.find(".//iframe")
        if frame is not None:
            self.embed(frame.get("src") or "", caption)
            return True
        wrapper = el.find(".//div")
        url = text_of(wrapper) if wrapper is not None else ""
        link = el.find(".//a")
        self.embed(url or (link.get("href") if link is not None else ""), caption)
        return True

    def figure_of_figures(self, el, classes: set, caption: str) -> bool:
        """A gallery of figures: each its own block, the gallery's caption after them."""
        nested = [f for f in el.iter("figure") if f is not el]
        if not nested:
            return False
        self.flush()
        for child in nested:
            self.figure(child, _classes(child))
        self.caption_paragraph(caption)
        return True

    def figure_images(self, el, classes: set, caption: str) -> bool:
        images = list(el.iter("img"))
        if not images:
            return False
        if len(images) == 1:
            self.image(images[0], caption)
        else:
            for img in images:
                self.image(img, "")
            self.caption_paragraph(caption)
        return True

    def figure_player(self, el, classes: set, caption: str) -> bool:
        for tag in ("audio", "video"):
            found = el.find(f".//{tag}")
            if found is not None:
                self.media_file(found, tag, caption)
                return True
        return False

    def figure_frame(self, el, classes: set, caption: str) -> bool:
        frame = el.find(".//iframe")
        if frame is not None:
            self.embed(frame.get("src") or "", caption)
        return frame is not None

    def figure_quote(self, el, classes: set, caption: str) -> bool:
        quote = el.find(".//blockquote")
        if quote is not None:
            self.quote(quote)
        return quote is not None

    def caption_paragraph(self, caption: str) -> None:
        if caption:
            self.paragraph(_escaped(caption))

    # images, embeds and players

    def image(self, img, caption: str) -> None:
        src = img.get("src") or ""
        attachment_id = _attachment_id(img)
        image = self.resolver.image(src, attachment_id) if src or attachment_id else None
        if image is None:
            if caption:
                self.add("paragraph", RichText(f"<p>{_escaped(caption)}</p>"))
            return
        self.add_image(image, caption, img.get("alt") or "")

    def add_image(self, image, caption: str, alt: str) -> None:
        value = {"image": image, "caption": caption[:255], "credit": "", "alt": alt[:255]}
        self.add("image", value)

    def gallery(self, ids: list[str]) -> None:
        for attachment_id in ids:
            data = self.resolver.attachment(attachment_id) or {}
            image = self.resolver.image(data.get("url", ""), attachment_id)
            if image is not None:
                self.add_image(image, data.get("caption", ""), data.get("alt", ""))

    def embed(self, url: str, caption: str) -> None:
        block = embed_block(url, caption)
        if block is not None:
            self.add("embed", block)

    def bookmark(self, link) -> None:
        block = bookmark_block(link)
        if block is not None:
            self.add("embed", block)

    def media_file(self, el, tag: str, caption: str = "") -> None:
        src = player_source(el)
        if not src:
            return
        if video_url(src):
            return self.embed(src, caption)
        document = self.resolver.document(src)
        self.add("embed", player_block(src, tag, caption, document))

    def pull_media(self, el) -> None:
        """Images, frames and players inside a paragraph become blocks after it."""
        for found in el.iter(*MEDIA_INSIDE):
            if found is not el:
                self.element(found)


def _attachment_id(img) -> str | None:
    """The WordPress attachment an <img> shows: data attributes, else its wp-image-N class."""
    attachment_id = img.get("data-id") or img.get("data-attachment-id")
    if not attachment_id:
        found = re.search(r"\bwp-image-(\d+)\b", img.get("class") or "")
        attachment_id = found.group(1) if found else None
    return attachment_id
