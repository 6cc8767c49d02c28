"""Old HTML (classic WordPress, Gutenberg block markup, Ghost cards, feed entries) into
Dateline's body blocks.

The conversion never touches the database: the caller passes a ``Resolver`` that turns an
image or audio address into a Wagtail image or document, and an old link into a new one.
Everything is sanitized with nh3 (Ammonia) first: no script, style, event attribute or
``javascript:`` URL reaches a block. Text survives as text: entities are decoded once and
escaped once, and right-to-left, zero-width and combining characters pass untouched.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass, field
from urllib.parse import parse_qs, urlsplit

import lxml.html
import nh3
from wagtail.rich_text import RichText

# Gutenberg blocks whose markup is plain HTML that the walker below understands.
KNOWN_BLOCKS = {
    "paragraph", "heading", "list", "list-item", "quote", "pullquote", "image", "gallery",
    "audio", "video", "html", "separator", "spacer", "columns", "column", "group", "table",
    "preformatted", "code", "verse", "freeform", "more", "nextpage", "shortcode", "media-text",
    "cover", "file", "buttons", "button", "embed", "missing", "block", "classic",
}  # fmt: skip
# Shortcodes turned into blocks; any other [name ...] is kept as text and reported.
KNOWN_SHORTCODES = {
    "caption",
    "wp_caption",
    "gallery",
    "embed",
    "audio",
    "video",
    "youtube",
    "vimeo",
}

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

BLOCK_CONTAINERS = {"div", "section", "article", "header", "footer", "aside", "dl", "dd", "dt"}
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
BOLD = {"b", "strong"}
ITALIC = {"i", "em", "cite", "q"}
CLASSIC_BLOCK_START = re.compile(
    r"^\s*<(p|div|h[1-6]|ul|ol|blockquote|figure|table|pre|iframe|audio|video|section|hr|"
    r"dl-embed|dl-gallery)\b",
    re.I,
)
GUTENBERG_COMMENT = re.compile(
    r"<!--\s+(/)?wp:([a-z0-9_\-]+(?:/[a-z0-9_\-]+)?)(\s+(\{.*?\}))?\s*(/)?-->", re.S
)
BARE_URL = re.compile(r"^https?://[^\s<>\"]+$")
SHORTCODE = re.compile(r"\[(\[?)(/?)([a-zA-Z][\w\-]*)((?:\s+[^\]]*?)?)\s*(/?)\](\]?)")
SHORTCODE_ATTR = re.compile(r"""([\w\-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s\]]+))""")


class Resolver:
    """What the conversion asks of its caller; the default resolves nothing."""

    def image(self, url: str, attachment_id: str | None = None):
        """A Wagtail image for this address (or WordPress attachment id), or None."""
        return None

    def document(self, url: str):
        """A Wagtail document for this address (audio, video, files), or None."""
        return None

    def attachment(self, attachment_id: str) -> dict | None:
        """{"url", "caption", "alt"} of a WordPress attachment, for galleries."""
        return None

    def link(self, href: str) -> str | int:
        """The new address of an old link: a string, or the id of an imported page."""
        return href


@dataclass
class Conversion:
    blocks: list = field(default_factory=list)
    unknown: list[str] = field(default_factory=list)  # "shortcode:name", "block:ns/name"


def convert(source_html: str, resolver: Resolver | None = None) -> Conversion:
    """Body blocks for ``source_html``."""
    resolver = resolver or Resolver()
    result = Conversion()
    text = source_html or ""
    if "<!-- wp:" in text:
        text = _gutenberg(text, result)
    text = _shortcodes(text, result)
    if "<!-- wp:" not in (source_html or ""):
        text = autop(text)
    clean = nh3.clean(
        text,
        tags=ALLOWED_TAGS,
        clean_content_tags={"script", "style", "noscript", "template"},
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel=None,
        strip_comments=True,
    )
    if not clean.strip():
        return result
    root = lxml.html.fragment_fromstring(clean, create_parent="div")
    _Walker(resolver, result).walk(root)
    return result


def plain_text(source_html: str) -> str:
    """The readable text of an HTML fragment (for standfirsts, captions, excerpts)."""
    if not source_html or not source_html.strip():
        return ""
    clean = nh3.clean(source_html, tags=set(), clean_content_tags={"script", "style"})
    return " ".join(html.unescape(clean).split())


# Gutenberg -------------------------------------------------------------------------------


def _gutenberg(text: str, result: Conversion) -> str:
    """Block comments out, embed blocks into <dl-embed>; unknown blocks keep their content
    (as text) and are listed."""
    out = []
    position = 0
    skip_until: str | None = None
    for match in GUTENBERG_COMMENT.finditer(text):
        closing, name, _, attrs, self_closing = match.groups()
        short = name[5:] if name.startswith("core/") else name
        if skip_until is not None:
            if closing and short == skip_until:
                skip_until = None
                position = match.end()
            continue
        out.append(text[position : match.start()])
        position = match.end()
        if closing:
            continue
        try:
            data = json.loads(attrs) if attrs else {}
        except ValueError:
            data = {}
        if short == "embed" or short.startswith("core-embed/"):
            url = data.get("url", "")
            if url:
                out.append(f'<dl-embed data-url="{html.escape(url)}"></dl-embed>')
                if not self_closing:
                    skip_until = short
            continue
        if short not in KNOWN_BLOCKS:
            _note(result, f"block:{name}")
    out.append(text[position:])
    return "".join(out)


# Shortcodes ------------------------------------------------------------------------------


def _attrs(raw: str) -> dict:
    found = {}
    for match in SHORTCODE_ATTR.finditer(raw or ""):
        key, *values = match.groups()
        found[key.lower()] = next((v for v in values if v is not None), "")
    return found


def _shortcodes(text: str, result: Conversion) -> str:
    """[caption], [gallery], [embed], [audio], [video], [youtube] into HTML the walker knows;
    other shortcodes with attributes or a closing tag are listed and kept readable."""
    if "[" not in text:
        return text
    closers = {m.group(3).lower() for m in SHORTCODE.finditer(text) if m.group(2)}
    out = []
    position = 0
    for match in SHORTCODE.finditer(text):
        if match.start() < position:
            continue
        escaped_open, closing, name, raw_attrs, _, escaped_close = match.groups()
        lower = name.lower()
        if escaped_open and escaped_close:  # [[gallery]] prints the shortcode literally
            out.append(text[position : match.start()] + match.group(0)[1:-1])
            position = match.end()
            continue
        paired = lower in closers and not closing
        inner = ""
        end = match.end()
        if paired:
            close = re.search(rf"\[/{re.escape(name)}\]", text[match.end() :], re.I)
            if close:
                inner = text[match.end() : match.end() + close.start()]
                end = match.end() + close.end()
            else:
                paired = False
        if closing:
            # a stray closer of a shortcode we already consumed or kept as text
            if lower in KNOWN_SHORTCODES:
                out.append(text[position : match.start()])
                position = match.end()
            continue
        if lower not in KNOWN_SHORTCODES:
            if paired or raw_attrs.strip():
                _note(result, f"shortcode:{lower}")
                out.append(text[position : match.start()])
                out.append(inner if paired else match.group(0))
                position = end
            continue
        attrs = _attrs(raw_attrs)
        out.append(text[position : match.start()])
        out.append(_shortcode_html(lower, attrs, inner, raw_attrs))
        position = end
    out.append(text[position:])
    return "".join(out)


def _shortcode_html(name: str, attrs: dict, inner: str, raw_attrs: str) -> str:
    if name in ("caption", "wp_caption"):
        found = re.match(
            r"\s*((?:<a\b[^>]*>\s*)?<img\b[^>]*>(?:\s*</a>)?)(.*)$", inner, re.S | re.I
        )
        image, caption = (found.group(1), found.group(2)) if found else (inner, "")
        caption = caption.strip() or attrs.get("caption", "")
        return f"<figure>{image}<figcaption>{caption}</figcaption></figure>"
    if name == "gallery":
        ids = attrs.get("ids") or attrs.get("include") or ""
        return f'<dl-gallery data-ids="{html.escape(ids)}"></dl-gallery>'
    if name == "audio":
        url = attrs.get("src") or attrs.get("mp3") or attrs.get("m4a") or attrs.get("ogg") or ""
        return f'<audio src="{html.escape(url)}"></audio>' if url else ""
    if name == "video":
        url = attrs.get("src") or attrs.get("mp4") or attrs.get("webm") or attrs.get("ogv") or ""
        return f'<video src="{html.escape(url)}"></video>' if url else ""
    # [embed]URL[/embed], [youtube URL], [youtube=URL], [vimeo 1234]
    url = inner.strip() or attrs.get("url") or attrs.get("id") or raw_attrs.strip().lstrip("=")
    if name == "vimeo" and url.isdigit():
        url = f"https://vimeo.com/{url}"
    return f'<dl-embed data-url="{html.escape(url.strip())}"></dl-embed>' if url else ""


def _note(result: Conversion, what: str) -> None:
    if what not in result.unknown:
        result.unknown.append(what)


# Classic content -------------------------------------------------------------------------


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


# The walker ------------------------------------------------------------------------------


def video_url(url: str) -> tuple[str, str] | None:
    """(watch address, provider) of a YouTube or Vimeo address or embed, else None."""
    parts = urlsplit(url if "//" in url else f"https://{url}")
    host = (parts.hostname or "").lower().removeprefix("www.").removeprefix("m.")
    if host in ("youtube.com", "youtube-nocookie.com", "youtu.be"):
        video_id = ""
        if host == "youtu.be":
            video_id = parts.path.strip("/")
        elif parts.path.startswith(("/embed/", "/shorts/", "/v/", "/live/")):
            video_id = parts.path.split("/")[2]
        else:
            video_id = parse_qs(parts.query).get("v", [""])[0]
        if video_id:
            return f"https://www.youtube.com/watch?v={video_id}", "YouTube"
    if host in ("vimeo.com", "player.vimeo.com"):
        numbers = [p for p in parts.path.split("/") if p.isdigit()]
        if numbers:
            return f"https://vimeo.com/{numbers[0]}", "Vimeo"
    return None


def _text(element) -> str:
    return " ".join("".join(element.itertext()).split())


class _Walker:
    def __init__(self, resolver: Resolver, result: Conversion):
        self.resolver = resolver
        self.result = result
        self.inline: list[str] = []

    # blocks

    def add(self, kind: str, value) -> None:
        self.flush()
        self.result.blocks.append((kind, value))

    def paragraph(self, rich: str) -> None:
        rich = re.sub(r"^(\s|<br/>)+|(\s|<br/>)+$", "", rich)
        if _has_text(rich):
            self.result.blocks.append(("paragraph", RichText(f"<p>{rich.strip()}</p>")))

    def flush(self) -> None:
        if self.inline:
            rich = "".join(self.inline)
            self.inline = []
            self.paragraph(rich)

    def walk(self, container) -> None:
        if container.text:
            self.inline.append(html.escape(container.text, quote=False))
        for child in container:
            self.element(child)
            if child.tail:
                self.inline.append(html.escape(child.tail, quote=False))
        self.flush()

    def element(self, el) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        classes = set((el.get("class") or "").split())
        if tag == "p":
            self.flush()
            alone = (el.text or "").strip()
            if len(el) == 0 and BARE_URL.match(alone):  # a URL on its own line: an embed
                return self.embed(alone, "")
            self.paragraph(self.rich(el))
            self.pull_media(el)
        elif tag in HEADINGS:
            text = _text(el)
            if text:
                self.add("heading", text)
        elif tag in ("ul", "ol"):
            self.add_list(el)
        elif tag == "blockquote":
            self.quote(el)
        elif tag == "figure":
            self.figure(el, classes)
        elif tag == "img":
            self.image(el, "")
        elif tag in ("iframe", "dl-embed"):
            self.embed(el.get("src") or el.get("data-url") or "", el.get("data-caption") or "")
        elif tag in ("audio", "video"):
            self.media_file(el, tag)
        elif tag == "dl-gallery":
            self.gallery([i.strip() for i in (el.get("data-ids") or "").split(",") if i.strip()])
        elif tag == "table":
            self.flush()
            for row in el.iter("tr"):
                cells = [_text(cell) for cell in row if cell.tag in ("td", "th")]
                self.paragraph(html.escape(" | ".join(c for c in cells if c), quote=False))
        elif tag == "pre":
            self.flush()
            lines = "".join(el.itertext()).strip("\n").split("\n")
            self.paragraph("<br/>".join(html.escape(line, quote=False) for line in lines))
        elif tag == "hr":
            self.flush()
        elif tag == "a" and "kg-bookmark-container" in classes:
            self.bookmark(el)
        elif tag in BLOCK_CONTAINERS or (tag == "span" and el.find(".//img") is not None):
            if "kg-callout-card" in classes or "kg-toggle-card" in classes:
                self.flush()
                self.paragraph(html.escape(_text(el), quote=False))
                return
            self.flush()
            self.walk(el)
        else:  # inline at the top: part of a paragraph
            self.inline.append(self.inline_html(el))
            self.pull_media(el)

    def add_list(self, el) -> None:
        items = [f"<li>{self.rich(li)}</li>" for li in el if li.tag == "li" and _text(li)]
        if items:
            tag = "ol" if el.tag == "ol" else "ul"
            self.add("paragraph", RichText(f"<{tag}>{''.join(items)}</{tag}>"))

    def quote(self, el) -> None:
        attribution = ""
        for who in el.findall(".//cite") + el.findall(".//footer"):
            attribution = attribution or _text(who)
            who.drop_tree()
        parts = [_text(p) for p in el if isinstance(p.tag, str) and p.tag == "p"]
        text = "\n\n".join(p for p in parts if p) or _text(el)
        if text:
            self.add("quote", {"text": text, "attribution": attribution})

    def figure(self, el, classes: set) -> None:
        caption_el = el.find("figcaption")
        caption = _text(caption_el) if caption_el is not None else ""
        if "kg-bookmark-card" in classes:
            link = el.find(".//a")
            if link is not None:
                return self.bookmark(link)
        if "wp-block-embed" in classes or "kg-embed-card" in classes:
            frame = el.find(".//iframe")
            if frame is not None:
                return self.embed(frame.get("src") or "", caption)
            wrapper = el.find(".//div")
            url = _text(wrapper) if wrapper is not None else ""
            link = el.find(".//a")
            return self.embed(url or (link.get("href") if link is not None else ""), caption)
        nested = [f for f in el.iter("figure") if f is not el]
        if nested:  # a gallery of figures
            self.flush()
            for child in nested:
                self.figure(child, set((child.get("class") or "").split()))
            if caption:
                self.paragraph(html.escape(caption, quote=False))
            return
        images = list(el.iter("img"))
        if len(images) == 1:
            return self.image(images[0], caption)
        if images:
            for img in images:
                self.image(img, "")
            if caption:
                self.paragraph(html.escape(caption, quote=False))
            return
        for tag in ("audio", "video"):
            found = el.find(f".//{tag}")
            if found is not None:
                return self.media_file(found, tag, caption)
        frame = el.find(".//iframe")
        if frame is not None:
            return self.embed(frame.get("src") or "", caption)
        quote = el.find(".//blockquote")
        if quote is not None:
            return self.quote(quote)
        self.flush()
        self.walk(el)

    def image(self, img, caption: str) -> None:
        src = img.get("src") or ""
        attachment_id = img.get("data-id") or img.get("data-attachment-id")
        if not attachment_id:
            found = re.search(r"\bwp-image-(\d+)\b", img.get("class") or "")
            attachment_id = found.group(1) if found else None
        image = self.resolver.image(src, attachment_id) if src or attachment_id else None
        if image is None:
            if caption:
                self.add("paragraph", RichText(f"<p>{html.escape(caption, quote=False)}</p>"))
            return
        self.add(
            "image",
            {
                "image": image,
                "caption": caption[:255],
                "credit": "",
                "alt": (img.get("alt") or "")[:255],
            },
        )

    def gallery(self, ids: list[str]) -> None:
        for attachment_id in ids:
            data = self.resolver.attachment(attachment_id) or {}
            image = self.resolver.image(data.get("url", ""), attachment_id)
            if image is not None:
                self.add(
                    "image",
                    {
                        "image": image,
                        "caption": data.get("caption", "")[:255],
                        "credit": "",
                        "alt": data.get("alt", "")[:255],
                    },
                )

    def embed(self, url: str, caption: str) -> None:
        url = url.strip()
        if not url:
            return
        video = video_url(url)
        if video:
            watch, provider = video
            self.add(
                "embed", {"url": watch, "title": caption, "description": "", "provider": provider}
            )
            return
        if not url.startswith(("http://", "https://")):
            url = "https://" + url.lstrip("/")
        host = (urlsplit(url).hostname or "").removeprefix("www.")
        self.add("embed", {"url": url, "title": caption, "description": "", "provider": host})

    def bookmark(self, link) -> None:
        def part(name):
            found = link.find_class(name)
            return _text(found[0]) if found else ""

        url = link.get("href") or ""
        if url:
            host = (urlsplit(url).hostname or "").removeprefix("www.")
            self.add(
                "embed",
                {
                    "url": url,
                    "title": part("kg-bookmark-title"),
                    "description": part("kg-bookmark-description"),
                    "provider": part("kg-bookmark-publisher") or host,
                },
            )

    def media_file(self, el, tag: str, caption: str = "") -> None:
        src = el.get("src") or ""
        if not src:
            source = el.find(".//source")
            src = source.get("src") if source is not None else ""
        if not src:
            return
        video = video_url(src)
        if video:
            return self.embed(src, caption)
        document = self.resolver.document(src)
        label = "Audio" if tag == "audio" else "Video"
        url = document.url if document is not None else src
        title = caption or (document.title if document is not None else src.rsplit("/", 1)[-1])
        self.add("embed", {"url": url, "title": title, "description": "", "provider": label})

    def pull_media(self, el) -> None:
        """Images, frames and players inside a paragraph become blocks after it."""
        for found in el.iter("img", "iframe", "audio", "video", "dl-embed", "dl-gallery"):
            if found is el:
                continue
            self.element(found)

    # inline rich text

    def rich(self, el) -> str:
        out = [html.escape(el.text, quote=False)] if el.text else []
        for child in el:
            out.append(self.inline_html(child))
            if child.tail:
                out.append(html.escape(child.tail, quote=False))
        return "".join(out).strip()

    def inline_html(self, el) -> str:
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag in ("img", "iframe", "audio", "video", "dl-embed", "dl-gallery", "figure"):
            return ""
        if tag == "br":
            return "<br/>"
        inner = self.rich(el)
        if tag in BOLD and inner:
            return f"<b>{inner}</b>"
        if tag in ITALIC and inner:
            return f"<i>{inner}</i>"
        if tag == "a" and el.get("href") and inner:
            target = self.resolver.link(el.get("href"))
            if isinstance(target, int):
                return f'<a linktype="page" id="{target}">{inner}</a>'
            return f'<a href="{html.escape(target)}">{inner}</a>'
        if tag in ("ul", "ol"):
            items = "".join(f"<li>{self.rich(li)}</li>" for li in el if li.tag == "li")
            return f"<{tag}>{items}</{tag}>"
        if tag == "li":
            return f" {inner}"
        return inner


def _has_text(rich: str) -> bool:
    return bool(re.sub(r"<[^>]+>|&nbsp;|\s|\u00a0", "", rich))
